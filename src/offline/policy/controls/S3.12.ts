import type { Finding, StackRule } from "../types";
import { attachedTo, ofType } from "../../model/plan";
import { block } from "./read";

const control: StackRule = {
    id: "S3.12",
    title: "ACLs should not be used to manage user access to S3 general purpose buckets",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: [
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        "aws:s3/bucketAcl:BucketAcl",
    ],
    remediation:
        "Declare an aws.s3.BucketOwnershipControls with rule.objectOwnership \"BucketOwnerEnforced\" for the bucket, and remove aws.s3.BucketAcl resources and the Bucket acl and grants inputs.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-12",
    check: (resources) =>
        ofType(resources, "aws:s3/bucket:Bucket").flatMap((bucket): Finding[] => {
            const findings: Finding[] = [];
            const enforced = attachedTo(resources, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", bucket).some(
                (c) => block(c.props.rule)?.objectOwnership === "BucketOwnerEnforced",
            );
            if (!enforced) {
                const message = 'no aws.s3.BucketOwnershipControls sets rule.objectOwnership "BucketOwnerEnforced" for this bucket';
                findings.push({ urn: bucket.urn, message });
            }
            for (const acl of attachedTo(resources, "aws:s3/bucketAcl:BucketAcl", bucket)) {
                findings.push({ urn: acl.urn, message: "aws.s3.BucketAcl manages access with ACLs; remove it and disable ACLs" });
            }
            for (const key of ["acl", "grants"].filter((k) => bucket.props[k] !== undefined)) {
                findings.push({ urn: bucket.urn, message: `${key} is set; ACLs must stay disabled (BucketOwnerEnforced)` });
            }
            return findings;
        }),
};

export default control;
