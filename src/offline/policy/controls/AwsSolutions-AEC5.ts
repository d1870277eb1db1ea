import type { ResourceRule } from "../types";

const REDIS_DEFAULT_PORT = 6379;

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
const control: ResourceRule = {
    id: "AwsSolutions-AEC5",
    title: "The ElastiCache cluster uses the default endpoint port",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation:
        "Set port on the aws.elasticache.ReplicationGroup to a value other than 6379 and open that port in its security group.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (group) => {
        if (group.props.port === undefined) return [`port is unset, so the default ${REDIS_DEFAULT_PORT} is used`];
        return group.props.port === REDIS_DEFAULT_PORT ? [`port is ${REDIS_DEFAULT_PORT}, the Redis default`] : [];
    },
};

export default control;
