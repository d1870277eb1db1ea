/** ElastiCache engine names: `@pulumi/aws` v7 passes `engine` through, and AWS wants it lowercase. */
import type { ResourceRule } from "../types";
import { str } from "./read";

const ENGINES = ["redis", "valkey"] as const;

export const elastiCacheEngineName: ResourceRule = {
    id: "DEPLOY.ElastiCacheEngineName",
    title: "ElastiCache replication groups name their engine in lowercase",
    kind: "deployability",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation: 'Set engine: "redis" or engine: "valkey" (Valkey is up to 20% cheaper per node).',
    source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/supported-engine-versions.html",
    check(resource) {
        const engine = str(resource.props["engine"]);
        if (engine === undefined || (ENGINES as readonly string[]).includes(engine)) return [];
        const lower = engine.toLowerCase();
        const rule = `engine is one of ${ENGINES.join(", ")} (lowercase)`;
        if ((ENGINES as readonly string[]).includes(lower)) {
            return [{ message: `${resource.name}: engine "${engine}" must be spelled in lowercase ("${lower}").`, input: "engine", value: engine, rule }];
        }
        return [{ message: `${resource.name}: engine "${engine}" is not a replication-group engine; use "redis" or "valkey".`, input: "engine", value: engine, rule }];
    },
};
