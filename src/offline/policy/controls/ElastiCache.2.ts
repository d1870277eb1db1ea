import type { ResourceRule } from "../types";

const control: ResourceRule = {
    id: "ElastiCache.2",
    title: "ElastiCache clusters should have automatic minor version upgrades enabled",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: ["PCI DSS v4.0.1/6.3.3"],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation: "Set autoMinorVersionUpgrade to true (or leave it unset) on the aws.elasticache.ReplicationGroup.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-2",
    check: (group) => (group.props.autoMinorVersionUpgrade === false ? ["autoMinorVersionUpgrade is false; set it to true"] : []),
};

export default control;
