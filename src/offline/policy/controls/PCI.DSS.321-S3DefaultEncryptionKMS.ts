import type { PolicyTarget, StackRule } from "../types";
import { attachedTo, ofType } from "../../model/plan";
import { block, blocks } from "./read";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

function sseAlgorithm(rule: Record<string, unknown>): unknown {
    return block(rule.applyServerSideEncryptionByDefault)?.sseAlgorithm;
}

/** The default-encryption rules given for a bucket, by side resource or by the deprecated inline input. */
function encryptionRules(bucket: PolicyTarget, resources: readonly PolicyTarget[]): Record<string, unknown>[][] {
    const separate = attachedTo(
        resources,
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        bucket,
    ).map((c) => blocks(c.props.rules));
    const inline = block(block(bucket.props.serverSideEncryptionConfiguration)?.rule);
    return inline === undefined ? separate : [...separate, [inline]];
}

// Severity of Security Hub S3.17, its equivalent outside FSBP.
const control: StackRule = {
    id: "PCI.DSS.321-S3DefaultEncryptionKMS",
    title: "The S3 Bucket is not encrypted with a KMS Key by default",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/3.5.1"],
    resourceTypes: [
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketLogging:BucketLogging",
    ],
    remediation:
        "Declare an aws.s3.BucketServerSideEncryptionConfiguration for the bucket whose rules set applyServerSideEncryptionByDefault.sseAlgorithm to \"aws:kms\" with kmsMasterKeyId naming a customer managed key.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (resources) =>
        ofType(resources, "aws:s3/bucket:Bucket")
            // S3 server access logs cannot be delivered to an SSE-KMS bucket: targets keep SSE-S3.
            .filter((bucket) => attachedTo(resources, "aws:s3/bucketLogging:BucketLogging", bucket, "targetBucket").length === 0)
            .filter(
                (bucket) =>
                    !encryptionRules(bucket, resources).some(
                        (rules) =>
                            rules.length > 0 &&
                            rules.every((r) => KMS_ALGORITHMS.includes(String(sseAlgorithm(r)))),
                    ),
            )
            .map((bucket) => ({
                urn: bucket.urn,
                message: 'no aws.s3.BucketServerSideEncryptionConfiguration sets sseAlgorithm "aws:kms" on every rule',
            })),
};

export default control;
