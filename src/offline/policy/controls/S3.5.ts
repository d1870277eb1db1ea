import type { PolicyTarget, StackRule } from "../types";
import { asArray, statements, type Statement } from "../documents";
import { attachedTo, ofType } from "../../model/plan";
import { refersTo } from "../../model/references";
import { allows, hasCondition, isPublicPrincipal } from "./statements";

/** true when the statement's Resource covers both the bucket and its objects. */
function coversBucketAndObjects(statement: Statement, bucket: PolicyTarget): boolean {
    const arns = asArray(statement.Resource);
    if (arns.includes("*")) return true;
    const objects = arns.filter((a) => a.endsWith("/*")).map((a) => a.slice(0, -2));
    return arns.some((a) => !a.endsWith("/*") && refersTo(a, bucket)) && objects.some((a) => refersTo(a, bucket));
}

function deniesInsecureTransport(statement: Statement, bucket: PolicyTarget): boolean {
    return (
        !allows(statement) &&
        isPublicPrincipal(statement) &&
        asArray(statement.Action).some((a) => a === "s3:*" || a === "*") &&
        hasCondition(statement, "Bool", "aws:SecureTransport", "false") &&
        coversBucketAndObjects(statement, bucket)
    );
}

const control: StackRule = {
    id: "S3.5",
    title: "S3 general purpose buckets should require requests to use SSL",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: ["PCI DSS v3.2.1/4.1", "PCI DSS v4.0.1/4.2.1"],
    resourceTypes: ["aws:s3/bucket:Bucket", "aws:s3/bucketPolicy:BucketPolicy"],
    remediation:
        "Add to the bucket's aws.s3.BucketPolicy a Deny statement for Principal \"*\", Action \"s3:*\", on the bucket ARN and \"<bucket ARN>/*\", with Condition {Bool: {\"aws:SecureTransport\": \"false\"}}.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-5",
    check: (resources) =>
        ofType(resources, "aws:s3/bucket:Bucket")
            .filter(
                (bucket) =>
                    !attachedTo(resources, "aws:s3/bucketPolicy:BucketPolicy", bucket).some((p) =>
                        statements(p.props.policy).some((s) => deniesInsecureTransport(s, bucket)),
                    ),
            )
            .map((bucket) => ({
                urn: bucket.urn,
                message: 'no aws.s3.BucketPolicy denies s3:* on the bucket and its objects when aws:SecureTransport is "false"',
            })),
};

export default control;
