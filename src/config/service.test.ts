import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { configReader as reader, rejecter, itRejectsEach, type RejectionCase } from "./testing";
import { deployUserParameters, loadServiceConfig } from "./service";

const GITHUB = { githubRepository: "acme/orders-service" };

const issues = rejecter(loadServiceConfig);

describe("service-pipeline config: defaults", () => {
    it("follows the design in dev", () => {
        const c = loadServiceConfig("dev", reader(GITHUB), {});
        assert.deepEqual([c.environmentSuffix, c.region, c.profile], ["dev", "us-east-1", "dev"]);
        assert.equal(c.sourceProvider, "connection");
        assert.equal(c.branch, "main");
        assert.equal(c.appMemoryMb, 1024);
        assert.equal(c.appTimeoutSeconds, 30);
        assert.equal(c.appReservedConcurrency, undefined, "a new account cannot reserve any: dev leaves it unset");
        assert.equal(c.errorAlarmThreshold, 5);
        assert.equal(c.buildComputeType, "BUILD_GENERAL1_MEDIUM");
        assert.equal(c.testComputeType, "BUILD_GENERAL1_SMALL");
        assert.equal(c.artifactExpiryDays, 30);
        assert.equal(c.keepImages, 10);
        assert.equal(c.logRetentionDays, 7);
        assert.equal(c.trustedAccountId, undefined, "the deployment role trusts this account unless told otherwise");
    });

    it("keeps logs a year in prod", () => {
        const c = loadServiceConfig("prod", reader(GITHUB), {});
        assert.equal(c.profile, "prod");
        assert.equal(c.logRetentionDays, 365);
        assert.equal(c.appReservedConcurrency, 50, "the design's reservation, in prod");
        assert.equal(c.artifactExpiryDays, 365, "as every other system keeps prod artifacts");
        assert.equal(c.keepImages, 50);
    });

    it("needs no GitHub repository with the CodeCommit source", () => {
        const c = loadServiceConfig("dev", reader({ sourceProvider: "codecommit" }), {});
        assert.equal(c.sourceProvider, "codecommit");
        assert.equal(c.githubRepository, undefined);
    });

    it("reads config first, then the environment, then the default", () => {
        assert.equal(loadServiceConfig("dev", reader(GITHUB), { ENVIRONMENT_SUFFIX: "pr42" }).environmentSuffix, "pr42");
        assert.equal(loadServiceConfig("dev", reader({ ...GITHUB, environmentSuffix: "qa" }), { ENVIRONMENT_SUFFIX: "pr42" }).environmentSuffix, "qa");
        assert.equal(loadServiceConfig("dev", reader(GITHUB), { AWS_REGION: "eu-west-1" }).region, "eu-west-1");
        assert.equal(loadServiceConfig("dev", reader({ ...GITHUB, "aws:region": "us-west-2" }), { AWS_REGION: "eu-west-1" }).region, "us-west-2");
    });

    it("decodes structured values", () => {
        const c = loadServiceConfig("dev", reader({ ...GITHUB, appReservedConcurrency: "10", testCommands: '["npm ci","npm run test:unit"]', trustedAccountId: "210987654321" }), {});
        assert.equal(c.appReservedConcurrency, 10);
        assert.deepEqual(c.testCommands, ["npm ci", "npm run test:unit"]);
        assert.equal(c.trustedAccountId, "210987654321");
    });
});

describe("service-pipeline config: each bad value is rejected with its own message", () => {
    const cases: RejectionCase[] = [
        ["an unknown region", { "aws:region": "us-middle-9" }, "aws:region", /must be an AWS region/],
        ["a suffix with capitals", { environmentSuffix: "Dev" }, "environmentSuffix", /lowercase/],
        ["a suffix too long for the connection name", { environmentSuffix: "feature-12345" }, "environmentSuffix", /at most 12 characters with sourceProvider "connection"/],
        ["an unknown source provider", { sourceProvider: "github-oauth" }, "sourceProvider", /"connection".*or "codecommit"/],
        ["a connection source without a repository", { githubRepository: "" }, "githubRepository", /owner\/name/],
        ["a GitHub repository without an owner", { githubRepository: "orders-service" }, "githubRepository", /"owner\/name"/],
        ["a branch name git refuses", { branch: "feature..x" }, "branch", /git branch name/],
        ["too little memory", { appMemoryMb: "64" }, "appMemoryMb", /128 to 10240 MiB/],
        ["too much memory", { appMemoryMb: "20480" }, "appMemoryMb", /128 to 10240 MiB/],
        ["a timeout above Lambda's limit", { appTimeoutSeconds: "901" }, "appTimeoutSeconds", /1 to 900 seconds/],
        ["a fractional timeout", { appTimeoutSeconds: "2.5" }, "appTimeoutSeconds", /whole number/],
        ["a negative reserved concurrency", { appReservedConcurrency: "-1" }, "appReservedConcurrency", /0 or more/],
        ["a deploy timeout too short to update an image", { deployTimeoutSeconds: "30" }, "deployTimeoutSeconds", /at least 60 s/],
        ["an unknown CodeBuild compute type", { buildComputeType: "BUILD_GENERAL1_HUGE" }, "buildComputeType", /BUILD_GENERAL1_MEDIUM/],
        ["a CodeBuild image that is not managed", { buildImage: "node:22" }, "buildImage", /CodeBuild-managed image/],
        ["no test commands", { testCommands: "[]" }, "testCommands", /at least one command/],
        ["a trusted account that is not an account id", { trustedAccountId: "12345" }, "trustedAccountId", /12-digit/],
        ["an artifact expiry of 0 days", { artifactExpiryDays: "0" }, "artifactExpiryDays", /at least 1 day/],
        ["keeping no images", { keepImages: "0" }, "keepImages", /at least 1 image/],
        ["a retention CloudWatch does not offer", { logRetentionDays: "10" }, "logRetentionDays", /retention CloudWatch Logs accepts/],
        ["a malformed alarm email", { alarmEmail: "oncall-at-example" }, "alarmEmail", /email address/],
        ["a policy exception without a reason", { policyExceptions: '[{"policy":"DynamoDB.6"}]' }, "policyExceptions.0.reason", /reason/],
        ["an unknown profile", { profile: "staging" }, "profile", /dev|prod/],
    ];
    itRejectsEach((values) => issues({ ...GITHUB, ...values }), cases);

    it("asks for the GitHub repository when the connection source has none", () => {
        const error = issues({});
        assert.deepEqual(error.issues.map((i) => i.key), ["githubRepository"]);
        assert.match(error.message, /githubRepository = \(unset\): is required with sourceProvider "connection"/);
    });

    it("allows a longer suffix with the CodeCommit source, which has no connection name", () => {
        assert.equal(loadServiceConfig("dev", reader({ sourceProvider: "codecommit", environmentSuffix: "feature-12345" }), {}).environmentSuffix, "feature-12345");
    });

    it("reports every bad value at once", () => {
        const error = issues({ "aws:region": "mars-1", appMemoryMb: "64", branch: "a..b", trustedAccountId: "x", githubRepository: "nope" });
        // Cross-field rules (the connection name's length) are checked once every value parses.
        assert.deepEqual(error.issues.map((i) => i.key).sort(), ["appMemoryMb", "aws:region", "branch", "githubRepository", "trustedAccountId"]);
        assert.match(error.message, /5 problems/);
        assert.match(error.message, /"mars-1"/, "the message quotes the bad value");
    });
});

describe("service-pipeline config: what the pipeline is built from", () => {
    it("passes the deploy function the image and commit as pipeline variables", () => {
        assert.deepEqual(JSON.parse(deployUserParameters("Build")), { imageUri: "#{Build.IMAGE_URI}", commit: "#{Build.COMMIT}" });
    });
});
