import type { ResourceRule } from "../types";
import { mustBeTrue } from "./read";

const control: ResourceRule = {
    id: "ElastiCache.3",
    title: "ElastiCache replication groups should have automatic failover enabled",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation:
        "Set automaticFailoverEnabled to true on the aws.elasticache.ReplicationGroup, with numCacheClusters of at least 2.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-3",
    check: mustBeTrue("automaticFailoverEnabled"),
};

export default control;
