import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { authTokenProblems, elastiCacheAuthToken } from "./DEPLOY.ElastiCacheAuthToken";
import { run, target } from "../../../../test/support/policy/deploy";

const REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";
const GOOD = "Abcdefgh12345678!&#$^<>-";

describe("DEPLOY.ElastiCacheAuthToken", () => {
    it("compliant: a valid token with transit encryption, or no token", () => {
        const findings = run(elastiCacheAuthToken, [
            target(REDIS, "a", { authToken: GOOD, transitEncryptionEnabled: true }),
            target(REDIS, "b", { transitEncryptionEnabled: false }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: a token without transitEncryptionEnabled", () => {
        const findings = run(elastiCacheAuthToken, [target(REDIS, "cache", { authToken: GOOD })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /transitEncryptionEnabled is not true/);
    });

    it("non-compliant 2: a token shorter than 16 or longer than 128 characters, never echoed", () => {
        const short = run(elastiCacheAuthToken, [target(REDIS, "a", { authToken: "short-token", transitEncryptionEnabled: true })]);
        assert.equal(short.length, 1);
        assert.match(short[0]?.message ?? "", /is 11 characters; it must be 16-128/);
        assert.ok(!(short[0]?.message ?? "").includes("short-token"));
        assert.equal(authTokenProblems("a".repeat(129)).length, 1);
        assert.deepEqual(authTokenProblems("a".repeat(128)), []);
    });

    it("non-compliant 3: a token containing @, \" or /", () => {
        const problems = authTokenProblems('abcdefghijklmnop@"/');
        assert.equal(problems.length, 1);
        assert.match(problems[0] ?? "", /'@', '"', '\/'/);
    });

    it("non-compliant 4: a token with characters that are not printable ASCII", () => {
        assert.equal(authTokenProblems("abcdefghijklmnop\u00e9").length, 1);
        assert.equal(authTokenProblems("abcdefghijklmnop\n").length, 1);
    });
});
