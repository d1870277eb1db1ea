import type { StackRule } from "../types";
import { asArray, statements, type Statement } from "../documents";
import { ofType } from "../../model/plan";
import { allows, identityPolicies, permissionBoundaries, statementName } from "./statements";

function fullAdmin(statement: Statement): boolean {
    return allows(statement) && asArray(statement.Action).includes("*") && asArray(statement.Resource).includes("*");
}

const control: StackRule = {
    id: "IAM.1",
    title: "IAM policies should not allow full \"*\" administrative privileges",
    kind: "security",
    scope: "stack",
    severity: "High",
    pci: ["PCI DSS v3.2.1/7.2.1"],
    resourceTypes: [
        "aws:iam/policy:Policy",
        "aws:iam/rolePolicy:RolePolicy",
        "aws:iam/role:Role",
        "aws:iam/user:User",
    ],
    remediation:
        "Replace Action \"*\" on Resource \"*\" in the aws.iam.Policy (or aws.iam.RolePolicy, aws.iam.Role inlinePolicies) policy with the actions and resources the principal needs.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1",
    check: (resources) => {
        const boundaries = permissionBoundaries(resources);
        // Security Hub reads customer managed policies only; the pack applies the same test to inline policies.
        return ofType(resources, "aws:iam/policy:Policy", "aws:iam/rolePolicy:RolePolicy", "aws:iam/role:Role")
            .filter((resource) => !boundaries.has(resource))
            .flatMap((resource) =>
                identityPolicies(resource).flatMap(({ where, document }) =>
                    statements(document)
                        .map((s, i) => ({ s, i }))
                        .filter(({ s }) => fullAdmin(s))
                        .map(({ s, i }) => ({
                            urn: resource.urn,
                            message: `${where} ${statementName(s, i)} allows Action "*" on Resource "*"`,
                        })),
                ),
            );
    },
};

export default control;
