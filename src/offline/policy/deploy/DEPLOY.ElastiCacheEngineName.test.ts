import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { elastiCacheEngineName } from "./DEPLOY.ElastiCacheEngineName";
import { run, target } from "../../../../test/support/policy/deploy";

const REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";

describe("DEPLOY.ElastiCacheEngineName", () => {
    it("compliant: lowercase redis or valkey, or unset (the provider's default)", () => {
        const findings = run(elastiCacheEngineName, [
            target(REDIS, "a", { engine: "redis" }),
            target(REDIS, "b", { engine: "valkey" }),
            target(REDIS, "c"),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: an uppercase engine", () => {
        const findings = run(elastiCacheEngineName, [target(REDIS, "cache", { engine: "Redis" })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /lowercase \("redis"\)/);
    });

    it("non-compliant 2: an engine replication groups do not have", () => {
        const findings = run(elastiCacheEngineName, [target(REDIS, "cache", { engine: "memcached" })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /not a replication-group engine/);
    });
});
