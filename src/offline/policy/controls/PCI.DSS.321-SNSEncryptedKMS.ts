import type { ResourceRule } from "../types";

// Severity of Security Hub SNS.1, its equivalent outside FSBP.
const control: ResourceRule = {
    id: "PCI.DSS.321-SNSEncryptedKMS",
    title: "The SNS topic does not have KMS encryption enabled",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:sns/topic:Topic"],
    remediation: "Set kmsMasterKeyId on the aws.sns.Topic to a customer managed key (or \"alias/aws/sns\").",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (topic) =>
        typeof topic.props.kmsMasterKeyId === "string" && topic.props.kmsMasterKeyId !== "" ? [] : ["kmsMasterKeyId must be set"],
};

export default control;
