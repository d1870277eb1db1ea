import type { ResourceRule } from "../types";
import { asArray, statements } from "../documents";
import { allows, identityPolicies, statementName } from "./statements";

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
//
// One deliberate difference from cdk-nag: a trailing `/*` or `:*` after an ARN that names one
// resource (`arn:aws:s3:::artifacts/*`, `arn:aws:logs:…:log-group:/ecs/app:*`) is scoping to
// that resource's objects or streams, which IAM cannot express without a wildcard, so it is not
// reported. Any other wildcard — in an action, in the account, region or resource-type part of
// an ARN, or a bare "*" — is.

/** true for `<ARN of one resource>/*` or `<ARN of one resource>:*` with no other wildcard. */
export function subResourcesOfOne(resource: string): boolean {
    const m = /^(arn:[^*]+?)[/:]\*$/.exec(resource);
    if (!m) return false;
    const parts = m[1]!.split(":");
    // arn:partition:service:region:account:resource... — the resource part must name something.
    return parts.length >= 3 && parts.slice(5).join(":") !== "" || /^arn:aws[\w-]*:s3:::[^/]+$/.test(m[1]!);
}
const control: ResourceRule = {
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
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (resource) =>
        identityPolicies(resource).flatMap(({ where, document }) =>
            statements(document).flatMap((s, i) => {
                const wildcards = [...asArray(s.Action), ...asArray(s.Resource).filter((r) => !subResourcesOfOne(r))].filter((v) => v.includes("*"));
                if (!allows(s) || wildcards.length === 0) return [];
                return [`${where} ${statementName(s, i)} uses wildcards: ${wildcards.join(", ")}`];
            }),
        ),
};

export default control;
