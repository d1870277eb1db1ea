import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SERVICE_REGIONS, offeredIn, serviceOf } from "../../../aws/services";
import { serviceRegion } from "./DEPLOY.ServiceRegion";
import { previewInputs, run, target, TEST_CTX, UNKNOWN_STRING } from "../../../../test/support/policy/deploy";

const REPO = "aws:codecommit/repository:Repository";
const CONNECTION = "aws:codestarconnections/connection:Connection";
const DB = "aws:rds/instance:Instance";
const at = (region: string) => ({ ...TEST_CTX, region });

describe("DEPLOY.ServiceRegion", () => {
    it("a CodeCommit repository where CodeCommit has no endpoint is mandatory, with the region, the rule and botocore as source", () => {
        const [f, ...rest] = run(serviceRegion, [target(REPO, "source", { repositoryName: "shop" })], at("ap-southeast-6"));
        assert.equal(rest.length, 0);
        assert.match(f?.message ?? "", /^source: aws:region = "ap-southeast-6": AWS offers no codecommit endpoint in ap-southeast-6 \[rule: codecommit has an endpoint in ap-southeast-6; source: botocore\/data\/endpoints\.json .*botocore 1\.43\.67\]\.$/);
        assert.deepEqual([f?.input, f?.value, f?.rule], ["aws:region", "ap-southeast-6", "codecommit has an endpoint in ap-southeast-6"]);
    });

    it("passes where the service runs: CodeCommit in sa-east-1, RDS and CodeStar Connections in eu-central-1", () => {
        assert.deepEqual(run(serviceRegion, [target(REPO, "source", {})], at("sa-east-1")), []);
        assert.deepEqual(run(serviceRegion, [target(DB, "db", {}), target(CONNECTION, "github", {})], at("eu-central-1")), []);
        assert.equal(run(serviceRegion, [target(CONNECTION, "github", {})], at("af-south-1")).length, 1);
    });

    it("judges a resource's own region input over the stack's", () => {
        assert.equal(run(serviceRegion, [target(REPO, "source", { region: "ap-southeast-6" })], at("us-east-1"))[0]?.input, "region");
        assert.deepEqual(run(serviceRegion, [target(REPO, "source", { region: "us-east-1" })], at("ap-southeast-6")), []);
    });

    it("does not evaluate an unknown region input, a fallback region, or a region outside the data's partition", () => {
        assert.deepEqual(run(serviceRegion, [target(REPO, "source", previewInputs({ region: UNKNOWN_STRING }))], at("ap-southeast-6")), []);
        assert.deepEqual(run(serviceRegion, [target(REPO, "source", {})], { ...at("ap-southeast-6"), regionAssumed: true }), []);
        assert.deepEqual(run(serviceRegion, [target(REPO, "source", {})], at("cn-north-1")), []);
    });

    it("maps CloudWatch's module to three services, ECR to api.ecr, and IAM to none", () => {
        assert.equal(serviceOf("aws:cloudwatch/logGroup:LogGroup"), "logs");
        assert.equal(serviceOf("aws:cloudwatch/eventRule:EventRule"), "events");
        assert.equal(serviceOf("aws:cloudwatch/metricAlarm:MetricAlarm"), "monitoring");
        assert.equal(serviceOf("aws:ecr/repository:Repository"), "api.ecr");
        assert.equal(serviceOf("aws:iam/role:Role"), undefined);
    });

    it("the vendored data covers every mapped service in every region of each system's stacks", () => {
        for (const region of ["eu-central-1", "sa-east-1", "us-east-2", "us-east-1"]) {
            for (const service of Object.keys(SERVICE_REGIONS.services)) assert.equal(offeredIn(service, region), true, `${service} ${region}`);
        }
        assert.equal(SERVICE_REGIONS.partitionRegions.length, 34);
    });
});
