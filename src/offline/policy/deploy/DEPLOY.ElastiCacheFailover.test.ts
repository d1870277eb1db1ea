import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { elastiCacheFailover, nodesPerShard } from "./DEPLOY.ElastiCacheFailover";
import { run, target } from "../../../../test/support/policy/deploy";

const REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";

describe("DEPLOY.ElastiCacheFailover", () => {
    it("compliant: Multi-AZ with failover and 2 clusters, a single node without either, cluster mode with a replica", () => {
        const findings = run(elastiCacheFailover, [
            target(REDIS, "a", { multiAzEnabled: true, automaticFailoverEnabled: true, numCacheClusters: 2 }),
            target(REDIS, "b", { numCacheClusters: 1 }),
            target(REDIS, "c", { automaticFailoverEnabled: true, numNodeGroups: 2, replicasPerNodeGroup: 1 }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: multiAzEnabled without automaticFailoverEnabled", () => {
        const findings = run(elastiCacheFailover, [target(REDIS, "cache", { multiAzEnabled: true, numCacheClusters: 2 })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /automaticFailoverEnabled is not/);
    });

    it("non-compliant 2: automatic failover with a single cache cluster", () => {
        const findings = run(elastiCacheFailover, [target(REDIS, "cache", { automaticFailoverEnabled: true, numCacheClusters: 1 })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /automaticFailoverEnabled needs at least 2 cache clusters; numCacheClusters is 1/);
    });

    it("non-compliant 3: Multi-AZ with numCacheClusters unset (one node)", () => {
        const findings = run(elastiCacheFailover, [target(REDIS, "cache", { multiAzEnabled: true, automaticFailoverEnabled: true })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /multiAzEnabled needs at least 2/);
    });

    it("counts nodes per shard from numCacheClusters or replicas", () => {
        assert.equal(nodesPerShard({ numCacheClusters: 3 }), 3);
        assert.equal(nodesPerShard({ replicasPerNodeGroup: 2 }), 3);
        assert.equal(nodesPerShard({}), 1);
    });
});
