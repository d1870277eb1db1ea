import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { extractServiceRegions, mappedServices, SERVICE_REGIONS, type EndpointsFile } from "./services";

const ENDPOINTS: EndpointsFile = {
    partitions: [
        { partition: "aws-cn", regions: { "cn-north-1": {} }, services: { rds: { endpoints: { "cn-north-1": {} } } } },
        {
            partition: "aws",
            regions: { "us-east-1": {}, "eu-central-1": {}, "ap-southeast-6": {} },
            services: {
                rds: { endpoints: { "us-east-1": {}, "eu-central-1": {}, "rds.us-east-1": {}, "fips-us-east-1": { deprecated: true }, "ap-southeast-6": {} } },
                codecommit: { endpoints: { "us-east-1": {}, "eu-central-1": { deprecated: true }, "aws-global": {} } },
            },
        },
    ],
};

describe("services per region from botocore's endpoints.json", () => {
    it("keeps the aws partition's regions and, per service, only real, current regional endpoints", () => {
        const out = extractServiceRegions(ENDPOINTS, ["rds", "codecommit"], "1.2.3", "2026-12-02");
        assert.deepEqual(out.partitionRegions, ["ap-southeast-6", "eu-central-1", "us-east-1"]);
        assert.deepEqual(out.services, { rds: ["ap-southeast-6", "eu-central-1", "us-east-1"], codecommit: ["us-east-1"] });
        assert.equal(out.provenance.version, "1.2.3");
        assert.equal(out.provenance.extracted, "2026-12-02");
    });

    it("refuses a service the file does not list, so a refresh cannot silently drop one", () => {
        assert.throws(() => extractServiceRegions(ENDPOINTS, ["kinesis"], "1", "2026-12-02"), /no service kinesis/);
    });

    it("the vendored file holds exactly the services the type table maps, with its provenance", () => {
        assert.deepEqual(Object.keys(SERVICE_REGIONS.services).sort(), mappedServices());
        assert.equal(SERVICE_REGIONS.provenance.package, "botocore");
        assert.match(SERVICE_REGIONS.provenance.extracted, /^\d{4}-\d{2}-\d{2}$/);
    });
});
