import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadFastcartConfig } from "./fastcart";
import { configReader as reader, rejecter, itRejectsEach, type RejectionCase } from "./testing";

const issues = rejecter(loadFastcartConfig);

describe("fastcart config: defaults", () => {
    it("follows the design in dev", () => {
        const c = loadFastcartConfig("dev", reader({}), {});
        assert.deepEqual([c.environmentSuffix, c.region, c.profile], ["dev", "eu-central-1", "dev"]);
        assert.equal(c.natGateways, "single");
        assert.equal(c.kinesisShardCount, 2);
        assert.equal(c.kinesisRetentionHours, 24);
        assert.equal(c.dbInstanceClass, "db.t3.micro");
        assert.equal(c.dbMultiAz, false);
        assert.equal(c.logRetentionDays, 7);
        assert.deepEqual(c.vpcEndpoints, []);
    });

    it("keeps every stateful thing in prod", () => {
        const c = loadFastcartConfig("prod", reader({}), {});
        assert.equal(c.profile, "prod");
        assert.equal(c.natGateways, "perAz");
        assert.equal(c.dbMultiAz, true);
        assert.equal(c.logRetentionDays, 365);
        assert.equal(c.kinesisRetentionHours, 168);
    });

    it("reads config first, then the environment, then the default", () => {
        assert.equal(loadFastcartConfig("dev", reader({}), { ENVIRONMENT_SUFFIX: "pr42" }).environmentSuffix, "pr42");
        assert.equal(loadFastcartConfig("dev", reader({ environmentSuffix: "qa" }), { ENVIRONMENT_SUFFIX: "pr42" }).environmentSuffix, "qa");
        assert.equal(loadFastcartConfig("dev", reader({}), { AWS_REGION: "eu-west-1" }).region, "eu-west-1");
        assert.equal(loadFastcartConfig("dev", reader({ "aws:region": "eu-west-3" }), { AWS_REGION: "eu-west-1" }).region, "eu-west-3");
    });

    it("decodes structured values", () => {
        const c = loadFastcartConfig("dev", reader({ kinesisShardCount: "4", dbMultiAz: "true", vpcEndpoints: '["ecr.api"]' }), {});
        assert.equal(c.kinesisShardCount, 4);
        assert.equal(c.dbMultiAz, true);
        assert.deepEqual(c.vpcEndpoints, ["ecr.api"]);
    });
});

describe("fastcart config: each bad value is rejected with its own message", () => {
    const cases: RejectionCase[] = [
        ["an unknown region", { "aws:region": "eu-middle-9" }, "aws:region", /must be an AWS region/],
        ["a suffix too long for AWS names", { environmentSuffix: "feature-branch-12345" }, "environmentSuffix", /at most 16 characters/],
        ["a suffix with capitals", { environmentSuffix: "Dev" }, "environmentSuffix", /lowercase/],
        ["a suffix with a double hyphen", { environmentSuffix: "pr--1" }, "environmentSuffix", /single hyphens/],
        ["zero shards", { kinesisShardCount: "0" }, "kinesisShardCount", /at least 1 shard/],
        ["a fractional shard count", { kinesisShardCount: "1.5" }, "kinesisShardCount", /whole number/],
        ["an unknown instance class", { dbInstanceClass: "db.x9.huge" }, "dbInstanceClass", /RDS PostgreSQL instance class/],
        ["an unknown cache node type", { cacheNodeType: "cache.z1.tiny" }, "cacheNodeType", /ElastiCache node type/],
        ["an invalid CIDR", { vpcCidr: "10.0.0.0/33" }, "vpcCidr", /prefix above \/32/],
        ["an unaligned CIDR", { vpcCidr: "10.0.1.0/16" }, "vpcCidr", /not aligned/],
        ["a VPC larger than AWS allows", { vpcCidr: "10.0.0.0/8" }, "vpcCidr", /between \/16 and \/28/],
        ["overlapping subnets", { publicSubnetCidrs: '["10.0.0.0/24","10.0.0.0/25"]', privateSubnetCidrs: '["10.0.10.0/24","10.0.11.0/24"]' }, "publicSubnetCidrs/privateSubnetCidrs", /overlaps/],
        ["a subnet outside the VPC", { publicSubnetCidrs: '["10.1.0.0/24","10.0.1.0/24"]', privateSubnetCidrs: '["10.0.10.0/24","10.0.11.0/24"]' }, "publicSubnetCidrs/privateSubnetCidrs", /not inside the VPC/],
        ["a subnet count that does not match the zones", { publicSubnetCidrs: '["10.0.0.0/24"]', privateSubnetCidrs: '["10.0.10.0/24","10.0.11.0/24"]' }, "publicSubnetCidrs", /must list 2 blocks/],
        ["an unknown NAT strategy", { natGateways: "many" }, "natGateways", /"none", "single" or "perAz"/],
        ["a Fargate memory size the CPU does not allow", { taskCpu: "512", taskMemory: "8192" }, "taskMemory", /not valid with cpu 512/],
        ["a root container user", { containerUser: "0" }, "containerUser", /non-root/],
        ["a privileged container port", { containerPort: "80" }, "containerPort", /1024 or above/],
        ["the default administrator name", { dbUsername: "postgres" }, "dbUsername", /RDS\.25/],
        ["too short a backup retention", { dbBackupRetentionDays: "1" }, "dbBackupRetentionDays", /at least 7 days/],
        ["a retention CloudWatch does not offer", { logRetentionDays: "10" }, "logRetentionDays", /retention CloudWatch Logs accepts/],
        ["a malformed alarm email", { alarmEmail: "oncall-at-example" }, "alarmEmail", /email address/],
        ["a policy exception without a reason", { policyExceptions: '[{"policy":"RDS.8"}]' }, "policyExceptions.0.reason", /reason/],
        ["one cache node in prod", { profile: "prod", cacheNodes: "1" }, "cacheNodes", /at least 2 cache nodes/],
        ["an unknown profile", { profile: "staging" }, "profile", /dev|prod/],
        ["a cost assumption that does not exist", { costAssumptions: '{"natGb": 10}' }, "costAssumptions", /natGb|Unrecognized/],
        ["a negative cost assumption", { costAssumptions: '{"natDataProcessedGb": -5}' }, "costAssumptions.natDataProcessedGb", />=\s*0|too small/],
    ];
    itRejectsEach(issues, cases);

    it("reports every bad value at once", () => {
        const error = issues({ "aws:region": "mars-1", kinesisShardCount: "0", dbInstanceClass: "db.x9.huge", environmentSuffix: "UPPER" });
        assert.deepEqual(error.issues.map((i) => i.key).sort(), ["aws:region", "dbInstanceClass", "environmentSuffix", "kinesisShardCount"]);
        assert.match(error.message, /4 problems/);
        assert.match(error.message, /"mars-1"/, "the message quotes the bad value");
    });
});
