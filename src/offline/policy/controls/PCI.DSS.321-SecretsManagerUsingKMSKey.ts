import type { ResourceRule } from "../types";

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
const control: ResourceRule = {
    id: "PCI.DSS.321-SecretsManagerUsingKMSKey",
    title: "The secret is not encrypted with a KMS Customer managed key",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:secretsmanager/secret:Secret"],
    remediation: "Set kmsKeyId on the aws.secretsmanager.Secret to a customer managed aws.kms.Key.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (secret) => {
        const key = secret.props.kmsKeyId;
        if (typeof key !== "string" || key === "") return ["kmsKeyId is unset, so the AWS managed key aws/secretsmanager is used"];
        return /(^|\/)aws\/secretsmanager$/.test(key) ? [`kmsKeyId is ${key}, an AWS managed key`] : [];
    },
};

export default control;
