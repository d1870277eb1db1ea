import type { ResourceRule } from "../types";
import { principals, statements } from "../documents";
import { allows, statementName } from "./statements";

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
const control: ResourceRule = {
    id: "AwsSolutions-ECR1",
    title: "The ECR Repository allows open access",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ecr/repositoryPolicy:RepositoryPolicy", "aws:ecr/registryPolicy:RegistryPolicy"],
    remediation:
        "Name the AWS accounts or roles in the Principal of Allow statements in the aws.ecr.RepositoryPolicy (or aws.ecr.RegistryPolicy) policy instead of \"*\".",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (resource) =>
        statements(resource.props.policy)
            .map((s, i) => ({ s, i }))
            .filter(({ s }) => allows(s) && principals(s).some((p) => p.includes("*")))
            .map(({ s, i }) => `policy ${statementName(s, i)} allows a wildcard Principal`),
};

export default control;
