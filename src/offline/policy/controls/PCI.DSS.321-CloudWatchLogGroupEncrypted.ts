import type { ResourceRule } from "../types";

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
const control: ResourceRule = {
    id: "PCI.DSS.321-CloudWatchLogGroupEncrypted",
    title: "The CloudWatch Log Group is not encrypted with an AWS KMS key",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:cloudwatch/logGroup:LogGroup"],
    remediation:
        "Set kmsKeyId on the aws.cloudwatch.LogGroup to a KMS key ARN whose key policy allows logs.<region>.amazonaws.com.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (group) => {
        const key = group.props.kmsKeyId;
        if (typeof key !== "string" || key === "") return ["kmsKeyId must be set to a KMS key ARN"];
        // CloudWatch Logs takes only a key ARN, not a key id or an alias.
        return key.startsWith("arn:") ? [] : [`kmsKeyId is "${key}"; use the key's ARN`];
    },
};

export default control;
