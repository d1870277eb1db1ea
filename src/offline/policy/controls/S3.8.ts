import type { Finding, StackRule } from "../types";
import { attachedTo, ofType } from "../../model/plan";
import { publicAccessGaps } from "./s3";

const control: StackRule = {
    id: "S3.8",
    title: "S3 general purpose buckets should block public access",
    kind: "security",
    scope: "stack",
    severity: "High",
    pci: ["PCI DSS v4.0.1/1.4.4"],
    resourceTypes: ["aws:s3/bucket:Bucket", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
    remediation:
        "Declare an aws.s3.BucketPublicAccessBlock with bucket set to the bucket and blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-8",
    check: (resources) =>
        ofType(resources, "aws:s3/bucket:Bucket").flatMap((bucket): Finding[] => {
            const settings = attachedTo(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket);
            if (settings.length === 0) {
                return [{ urn: bucket.urn, message: "no aws.s3.BucketPublicAccessBlock has bucket set to this bucket" }];
            }
            if (settings.some((s) => publicAccessGaps(s).length === 0)) return [];
            return settings.map((s) => ({ urn: s.urn, message: `${publicAccessGaps(s).join(", ")} must be true` }));
        }),
};

export default control;
