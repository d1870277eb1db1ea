import type { ResourceRule } from "../types";
import { strings } from "./read";

const AWS_MANAGED = ":iam::aws:policy/";

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
const control: ResourceRule = {
    id: "AwsSolutions-IAM4",
    title: "The IAM user, role, or group uses AWS managed policies",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:iam/role:Role", "aws:iam/rolePolicyAttachment:RolePolicyAttachment"],
    remediation:
        "Replace AWS managed policies in the aws.iam.Role managedPolicyArns and aws.iam.RolePolicyAttachment policyArn with customer managed or inline policies scoped to the role, or record an exception.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (resource) => {
        const arns =
            resource.type === "aws:iam/role:Role"
                ? strings(resource.props.managedPolicyArns).map((arn) => ({ where: "managedPolicyArns", arn }))
                : strings(resource.props.policyArn).map((arn) => ({ where: "policyArn", arn }));
        return arns
            .filter(({ arn }) => arn.includes(AWS_MANAGED))
            .map(({ where, arn }) => `${where} uses the AWS managed policy ${arn}`);
    },
};

export default control;
