import type { ResourceRule } from "../types";

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
const control: ResourceRule = {
    id: "AwsSolutions-CB4",
    title: "The CodeBuild project does not use an AWS KMS key for encryption",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:codebuild/project:Project"],
    remediation: "Set encryptionKey on the aws.codebuild.Project to the ARN of a customer managed aws.kms.Key.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (project) => {
        const key = project.props.encryptionKey;
        if (typeof key !== "string" || key === "") return ["encryptionKey is unset, so the AWS managed key aws/s3 is used"];
        return /(^|\/)aws\/s3$/.test(key) ? [`encryptionKey is ${key}, an AWS managed key`] : [];
    },
};

export default control;
