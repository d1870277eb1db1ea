import type { StackRule } from "../types";
import { attachedTo, ofType } from "../../model/plan";
import { blocks } from "./read";

const control: StackRule = {
    id: "S3.13",
    title: "S3 general purpose buckets should have Lifecycle configurations",
    kind: "security",
    scope: "stack",
    severity: "Low",
    pci: [],
    resourceTypes: ["aws:s3/bucket:Bucket", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"],
    remediation:
        "Declare an aws.s3.BucketLifecycleConfiguration with bucket set to the bucket and at least one rule whose status is \"Enabled\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-13",
    check: (resources) =>
        ofType(resources, "aws:s3/bucket:Bucket")
            .filter(
                (bucket) =>
                    !attachedTo(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", bucket).some((c) =>
                        blocks(c.props.rules).some((r) => r.status === "Enabled"),
                    ),
            )
            .map((bucket) => ({
                urn: bucket.urn,
                message: 'no aws.s3.BucketLifecycleConfiguration for this bucket has a rule with status "Enabled"',
            })),
};

export default control;
