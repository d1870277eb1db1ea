import type { ResourceRule } from "../types";
import { asArray, grants, statements } from "../documents";
import { allows, identityPolicies, statementName } from "./statements";

const BLOCKED_ACTIONS = ["kms:Decrypt", "kms:ReEncryptFrom"];

const control: ResourceRule = {
    id: "KMS.2",
    title: "IAM principals should not have IAM inline policies that allow decryption actions on all KMS keys",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: [
        "aws:iam/rolePolicy:RolePolicy",
        "aws:iam/role:Role",
        "aws:iam/userPolicy:UserPolicy",
        "aws:iam/groupPolicy:GroupPolicy",
    ],
    remediation:
        "Scope kms:Decrypt and kms:ReEncryptFrom in the inline policy (aws.iam.RolePolicy policy or aws.iam.Role inlinePolicies[].policy) to the key ARNs the role needs instead of Resource \"*\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-2",
    check: (resource) =>
        identityPolicies(resource).flatMap(({ where, document }) =>
            statements(document).flatMap((s, i) => {
                const actions = BLOCKED_ACTIONS.filter((a) => grants(s, a));
                if (!allows(s) || actions.length === 0 || !asArray(s.Resource).includes("*")) return [];
                return [`${where} ${statementName(s, i)} allows ${actions.join(", ")} on Resource "*"`];
            }),
        ),
};

export default control;
