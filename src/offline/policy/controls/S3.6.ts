import type { ResourceRule } from "../types";
import { grants, statements, type Statement } from "../documents";
import { block, strings } from "./read";
import { allows, statementName } from "./statements";

const BLOCKED_ACTIONS = [
    "s3:DeleteBucketPolicy",
    "s3:PutBucketAcl",
    "s3:PutBucketPolicy",
    "s3:PutEncryptionConfiguration",
    "s3:PutObjectAcl",
];

/**
 * The account principals of a statement ("*" or the AWS key). Planned inputs do not carry the
 * deploying account, so every account principal counts as another account; granting these
 * actions to the own account belongs in IAM policies, not in a bucket policy.
 */
function accountPrincipals(statement: Statement): string[] {
    const principal = statement.Principal;
    if (typeof principal === "string") return [principal];
    return strings(block(principal)?.AWS);
}

const control: ResourceRule = {
    id: "S3.6",
    title: "S3 general purpose bucket policies should restrict access to other AWS accounts",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:s3/bucketPolicy:BucketPolicy"],
    remediation:
        "Remove s3:DeleteBucketPolicy, s3:PutBucketAcl, s3:PutBucketPolicy, s3:PutEncryptionConfiguration and s3:PutObjectAcl from Allow statements for account principals in the aws.s3.BucketPolicy policy.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-6",
    check: (policy) =>
        statements(policy.props.policy).flatMap((s, i) => {
            const actions = BLOCKED_ACTIONS.filter((a) => grants(s, a));
            if (!allows(s) || actions.length === 0 || accountPrincipals(s).length === 0) return [];
            return [`policy ${statementName(s, i)} lets ${accountPrincipals(s).join(", ")} ${actions.join(", ")}`];
        }),
};

export default control;
