import type { ResourceRule } from "../types";
import { mustBeTrue } from "./read";

const control: ResourceRule = {
    id: "ElastiCache.4",
    title: "ElastiCache replication groups should be encrypted at rest",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation:
        "Set atRestEncryptionEnabled to true on the aws.elasticache.ReplicationGroup (with kmsKeyId for a customer managed key).",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-4",
    check: mustBeTrue("atRestEncryptionEnabled"),
};

export default control;
