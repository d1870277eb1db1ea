import type { ResourceRule } from "../types";

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
const control: ResourceRule = {
    id: "AwsSolutions-AEC6",
    title: "The ElastiCache Redis cluster does not use Redis AUTH for user authentication",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation:
        "Set authToken (or authTokenWo) on the aws.elasticache.ReplicationGroup, with transitEncryptionEnabled true.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (group) =>
        [group.props.authToken, group.props.authTokenWo].some((t) => typeof t === "string" && t !== "")
            ? []
            : ["authToken (or authTokenWo) must be set"],
};

export default control;
