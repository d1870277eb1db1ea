import type { StackRule } from "../types";
import { asArray } from "../documents";
import { customerPolicyGrants } from "./statements";

const SERVICE_WILDCARD = /^[a-z0-9-]+:\*$/i;

const control: StackRule = {
    id: "IAM.21",
    title: "IAM customer managed policies that you create should not allow wildcard actions for services",
    kind: "security",
    scope: "stack",
    severity: "Low",
    pci: [],
    resourceTypes: ["aws:iam/policy:Policy", "aws:iam/role:Role", "aws:iam/user:User"],
    remediation:
        "Replace service-wide wildcards such as \"s3:*\" in the aws.iam.Policy policy with the specific actions the principal needs.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-21",
    check: (resources) =>
        customerPolicyGrants(resources, (s) => {
            const wildcards = asArray(s.Action).filter((a) => SERVICE_WILDCARD.test(a));
            return wildcards.length === 0 ? undefined : wildcards.join(", ");
        }),
};

export default control;
