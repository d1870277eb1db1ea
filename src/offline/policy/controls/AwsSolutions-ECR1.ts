import type { ResourceRule } from "../types";
import { principals } from "../documents";
import { allows, matchingStatements } from "./statements";

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
        matchingStatements(resource.props.policy, (s) => allows(s) && principals(s).some((p) => p.includes("*"))).map(({ name }) => `policy ${name} allows a wildcard Principal`),
};

export default control;
