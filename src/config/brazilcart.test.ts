import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_BUILD_COMMANDS, loadBrazilcartConfig } from "./brazilcart";
import { configReader as reader, rejecter, itRejectsEach, type RejectionCase } from "./testing";

const issues = rejecter(loadBrazilcartConfig);

describe("brazilcart config: defaults", () => {
    it("follows the design in dev: 3 AZs, NAT per AZ, Multi-AZ db.t3.medium with 100 GB, 2 Redis nodes, CodeCommit", () => {
        const c = loadBrazilcartConfig("dev", reader({}), {});
        assert.deepEqual([c.environmentSuffix, c.region, c.profile], ["dev", "sa-east-1", "dev"]);
        assert.equal(c.vpcCidr, "10.0.0.0/16");
        assert.equal(c.azCount, 3);
        assert.equal(c.natGateways, "perAz");
        assert.deepEqual(c.vpcEndpoints, []);
        assert.equal(c.dbInstanceClass, "db.t3.medium");
        assert.equal(c.dbAllocatedStorageGb, 100);
        assert.equal(c.dbMultiAz, true);
        assert.equal(c.dbBackupRetentionDays, 7);
        assert.equal(c.cacheNodeType, "cache.t3.micro");
        assert.equal(c.cacheNodes, 2);
        assert.equal(c.sourceProvider, "codecommit");
        assert.equal(c.branch, "main");
        assert.equal(c.logRetentionDays, 7, "the dev profile's; Pulumi.dev.yaml sets the design's 30");
        assert.equal(c.artifactExpiryDays, 30);
        assert.deepEqual(c.buildCommands, DEFAULT_BUILD_COMMANDS);
    });

    it("keeps logs and artifacts a year in prod and adds the VPC endpoints", () => {
        const c = loadBrazilcartConfig("prod", reader({}), {});
        assert.equal(c.profile, "prod");
        assert.equal(c.logRetentionDays, 365);
        assert.equal(c.artifactExpiryDays, 365);
        assert.deepEqual(c.vpcEndpoints, ["logs", "secretsmanager"]);
    });

    it("reads config first, then the environment, then the default", () => {
        assert.equal(loadBrazilcartConfig("dev", reader({}), { ENVIRONMENT_SUFFIX: "pr7" }).environmentSuffix, "pr7");
        assert.equal(loadBrazilcartConfig("dev", reader({ environmentSuffix: "qa" }), { ENVIRONMENT_SUFFIX: "pr7" }).environmentSuffix, "qa");
        assert.equal(loadBrazilcartConfig("dev", reader({}), { AWS_REGION: "us-east-1" }).region, "us-east-1");
        assert.equal(loadBrazilcartConfig("dev", reader({ "aws:region": "eu-west-1" }), { AWS_REGION: "us-east-1" }).region, "eu-west-1");
    });

    it("takes the GitHub source with its repository, and structured values", () => {
        const c = loadBrazilcartConfig("dev", reader({ sourceProvider: "github", githubRepository: "brazilcart/storefront", buildCommands: '["make test"]', dbMultiAz: "false" }), {});
        assert.equal(c.sourceProvider, "github");
        assert.equal(c.githubRepository, "brazilcart/storefront");
        assert.deepEqual(c.buildCommands, ["make test"]);
        assert.equal(c.dbMultiAz, false);
    });
});

describe("brazilcart config: each bad value is rejected with its own message", () => {
    const cases: RejectionCase[] = [
        ["an unknown region", { "aws:region": "sa-west-9" }, "aws:region", /must be an AWS region/],
        ["a suffix too long for AWS names", { environmentSuffix: "feature-branch-12345" }, "environmentSuffix", /at most 16 characters/],
        ["a suffix with capitals", { environmentSuffix: "Dev" }, "environmentSuffix", /lowercase/],
        ["fewer than three zones", { azCount: "2" }, "azCount", /at least 3/],
        ["a fractional zone count", { azCount: "3.5" }, "azCount", /whole number/],
        ["an invalid CIDR", { vpcCidr: "10.0.0.0/33" }, "vpcCidr", /prefix above \/32/],
        ["a VPC too small for six subnets", { vpcCidr: "10.0.0.0/28" }, "vpcCidr", /too small/],
        ["overlapping subnets", { publicSubnetCidrs: '["10.0.0.0/24","10.0.0.0/25","10.0.2.0/24"]' }, "publicSubnetCidrs/privateSubnetCidrs", /overlaps/],
        ["a subnet outside the VPC", { privateSubnetCidrs: '["10.1.10.0/24","10.0.11.0/24","10.0.12.0/24"]' }, "publicSubnetCidrs/privateSubnetCidrs", /not inside the VPC/],
        ["a subnet list shorter than the zones", { publicSubnetCidrs: '["10.0.0.0/24","10.0.1.0/24"]' }, "publicSubnetCidrs", /must list 3 blocks/],
        ["an unknown NAT strategy", { natGateways: "many" }, "natGateways", /"none", "single" or "perAz"/],
        ["no NAT for the in-VPC builds", { natGateways: "none" }, "natGateways", /reach GitHub, npm and AWS APIs through NAT/],
        ["an unknown instance class", { dbInstanceClass: "db.x9.huge" }, "dbInstanceClass", /RDS PostgreSQL instance class/],
        ["too little storage", { dbAllocatedStorageGb: "10" }, "dbAllocatedStorageGb", /at least 20 GB/],
        ["too short a backup retention", { dbBackupRetentionDays: "3" }, "dbBackupRetentionDays", /at least 7 days/],
        ["the default administrator name", { dbUsername: "postgres" }, "dbUsername", /RDS\.25/],
        ["a database name starting with a digit", { dbName: "1cart" }, "dbName", /start with a letter/],
        ["an unknown cache node type", { cacheNodeType: "cache.z1.tiny" }, "cacheNodeType", /ElastiCache node type/],
        ["one cache node", { cacheNodes: "1" }, "cacheNodes", /automatic failover needs a replica/],
        ["an unknown source provider", { sourceProvider: "bitbucket" }, "sourceProvider", /"codecommit".*"github"/],
        ["the GitHub source without a repository", { sourceProvider: "github" }, "githubRepository", /required with sourceProvider "github"/],
        ["a malformed GitHub repository", { sourceProvider: "github", githubRepository: "just-a-name" }, "githubRepository", /owner\/name/],
        ["a GitHub repository with the CodeCommit source", { githubRepository: "brazilcart/storefront" }, "githubRepository", /only with sourceProvider "github"/],
        ["a suffix too long for the connection name", { sourceProvider: "github", githubRepository: "a/b", environmentSuffix: "feature-pr-12345" }, "environmentSuffix", /connection name brazilcart-github-feature-pr-12345 is limited to 32/],
        ["a branch name git refuses", { branch: "feature..x" }, "branch", /git branch name/],
        ["an unknown compute type", { buildComputeType: "BUILD_GENERAL1_HUGE" }, "buildComputeType", /BUILD_GENERAL1_SMALL/],
        ["an image that is not CodeBuild-managed", { buildImage: "node:22" }, "buildImage", /CodeBuild-managed/],
        ["no build commands", { buildCommands: "[]" }, "buildCommands", /at least one command/],
        ["an empty deploy command", { deployCommands: '["npm ci", ""]' }, "deployCommands.1", /must not be empty/],
        ["a privileged application port", { appPort: "80" }, "appPort", /1024 or above/],
        ["a malformed approval email", { approvalEmail: "release-at-example" }, "approvalEmail", /email address/],
        ["a retention CloudWatch does not offer", { logRetentionDays: "10" }, "logRetentionDays", /retention CloudWatch Logs accepts/],
        ["zero artifact expiry", { artifactExpiryDays: "0" }, "artifactExpiryDays", /at least 1 day/],
        ["a policy exception without a reason", { policyExceptions: '[{"policy":"RDS.8"}]' }, "policyExceptions.0.reason", /reason/],
        ["a single NAT in prod", { profile: "prod", natGateways: "single" }, "natGateways", /"perAz" in prod/],
        ["single-AZ PostgreSQL in prod", { profile: "prod", dbMultiAz: "false" }, "dbMultiAz", /Multi-AZ/],
        ["an unknown profile", { profile: "staging" }, "profile", /dev|prod/],
    ];
    itRejectsEach(issues, cases);

    it("reports every bad value at once", () => {
        const error = issues({ "aws:region": "mars-1", cacheNodes: "1", dbInstanceClass: "db.x9.huge", sourceProvider: "github" });
        assert.deepEqual(error.issues.map((i) => i.key).sort(), ["aws:region", "cacheNodes", "dbInstanceClass", "githubRepository"].sort());
        assert.match(error.message, /4 problems/);
        assert.match(error.message, /"mars-1"/, "the message quotes the bad value");
    });
});
