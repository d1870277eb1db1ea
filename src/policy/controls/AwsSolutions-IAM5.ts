import type { ResourceControl } from "../types";
import { asArray, statements } from "../documents";
import { allows, identityPolicies, MANDATORY, statementName } from "./util";

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
const control: ResourceControl = {
    id: "AwsSolutions-IAM5",
    title:
        "The IAM entity contains wildcard permissions and does not have a cdk-nag rule suppression with evidence for those permission",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:iam/policy:Policy", "aws:iam/rolePolicy:RolePolicy", "aws:iam/role:Role"],
    remediation:
        "Replace \"*\" in the Action and Resource values of Allow statements in the aws.iam.Policy, aws.iam.RolePolicy or aws.iam.Role inlinePolicies policy with exact actions and ARNs, or record a reviewed exception.",
    levels: MANDATORY,
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (resource) =>
        identityPolicies(resource).flatMap(({ where, document }) =>
            statements(document).flatMap((s, i) => {
                const wildcards = [...asArray(s.Action), ...asArray(s.Resource)].filter((v) => v.includes("*"));
                if (!allows(s) || wildcards.length === 0) return [];
                return [`${where} ${statementName(s, i)} uses wildcards: ${wildcards.join(", ")}`];
            }),
        ),
};

export default control;
