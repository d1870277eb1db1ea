import type { ResourceRule } from "../types";

const control: ResourceRule = {
    id: "ElastiCache.7",
    title: "ElastiCache clusters should not use the default subnet group",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation:
        "Set subnetGroupName on the aws.elasticache.ReplicationGroup to a custom aws.elasticache.SubnetGroup in the stack's VPC.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-7",
    check: (group) => {
        const name = group.props.subnetGroupName;
        if (typeof name !== "string" || name === "") return ["subnetGroupName is unset, so the default subnet group is used"];
        return name === "default" ? ['subnetGroupName is "default"; use a custom subnet group'] : [];
    },
};

export default control;
