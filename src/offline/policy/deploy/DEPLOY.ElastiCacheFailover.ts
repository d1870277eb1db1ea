/** ElastiCache Multi-AZ and automatic failover need a replica to fail over to. */
import type { ResourceRule } from "../types";
import { flag, num } from "./read";

/** Nodes per shard the request asks for: numCacheClusters, or replicas + primary in cluster mode. */
export function nodesPerShard(props: Record<string, unknown>): number {
    const clusters = num(props["numCacheClusters"]);
    if (clusters !== undefined) return clusters;
    const replicas = num(props["replicasPerNodeGroup"]);
    return replicas === undefined ? 1 : replicas + 1;
}

export const elastiCacheFailover: ResourceRule = {
    id: "DEPLOY.ElastiCacheFailover",
    title: "ElastiCache Multi-AZ and automatic failover are configured together, with a replica",
    kind: "deployability",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation: "With multiAzEnabled: true also set automaticFailoverEnabled: true, and set numCacheClusters to 2 or more.",
    source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html",
    check(resource) {
        const multiAz = flag(resource.props["multiAzEnabled"]);
        const failover = flag(resource.props["automaticFailoverEnabled"]);
        const messages: string[] = [];
        if (multiAz && !failover) {
            messages.push(`${resource.name}: multiAzEnabled is true but automaticFailoverEnabled is not; AWS requires both.`);
        }
        const nodes = nodesPerShard(resource.props);
        if ((multiAz || failover) && nodes < 2) {
            const what = multiAz ? "multiAzEnabled" : "automaticFailoverEnabled";
            messages.push(`${resource.name}: ${what} needs at least 2 cache clusters; numCacheClusters is ${nodes}.`);
        }
        return messages;
    },
};
