import assert from "node:assert/strict";
import { test } from "node:test";
import { AWS_REGIONS } from "./regions";
import { SERVICE_REGIONS } from "./services";

test("the regions config accepts are exactly the aws partition's regions in AWS's vendored endpoint data", () => {
    // Two homes of one fact (the list from AWS's region page, the list in botocore's endpoints.json):
    // a region AWS opens shows up here after `npm run refresh-aws-data`.
    assert.deepEqual([...AWS_REGIONS].sort(), [...SERVICE_REGIONS.partitionRegions].sort());
});
