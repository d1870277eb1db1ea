import type { StackRule } from "../types";
import { asArray, grants } from "../documents";
import { customerPolicyGrants } from "./statements";

const BLOCKED_ACTIONS = ["kms:Decrypt", "kms:ReEncryptFrom"];

const control: StackRule = {
    id: "KMS.1",
    title: "IAM customer managed policies should not allow decryption actions on all KMS keys",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:iam/policy:Policy", "aws:iam/role:Role", "aws:iam/user:User"],
    remediation:
        "Scope kms:Decrypt and kms:ReEncryptFrom in the aws.iam.Policy policy to the key ARNs the principal needs instead of Resource \"*\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-1",
    check: (resources) =>
        customerPolicyGrants(resources, (s) => {
            const actions = BLOCKED_ACTIONS.filter((a) => grants(s, a));
            return actions.length === 0 || !asArray(s.Resource).includes("*") ? undefined : `${actions.join(", ")} on Resource "*"`;
        }),
};

export default control;
