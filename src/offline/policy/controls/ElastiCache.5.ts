import type { ResourceRule } from "../types";
import { mustBeTrue } from "./read";

const control: ResourceRule = {
    id: "ElastiCache.5",
    title: "ElastiCache replication groups should be encrypted in transit",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/4.2.1"],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation:
        "Set transitEncryptionEnabled to true on the aws.elasticache.ReplicationGroup (transitEncryptionMode \"required\" once clients use TLS).",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-5",
    check: mustBeTrue("transitEncryptionEnabled"),
};

export default control;
