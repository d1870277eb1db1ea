import type { StackRule } from "../types";
import { PUBLIC_ACCESS_TYPES, publicAccessCheck } from "./s3";

const control: StackRule = {
    id: "S3.3",
    title: "S3 general purpose buckets should block public write access",
    kind: "security",
    scope: "stack",
    severity: "Critical",
    pci: [
        "PCI DSS v3.2.1/1.2.1",
        "PCI DSS v3.2.1/1.3.1",
        "PCI DSS v3.2.1/1.3.2",
        "PCI DSS v3.2.1/1.3.4",
        "PCI DSS v3.2.1/1.3.6",
        "PCI DSS v3.2.1/7.2.1",
    ],
    resourceTypes: PUBLIC_ACCESS_TYPES,
    remediation:
        "Declare an aws.s3.BucketPublicAccessBlock with all four flags true for the bucket, and drop public-read-write ACLs and Allow statements for Principal \"*\" that grant s3:Put* or s3:Delete*.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-3",
    check: publicAccessCheck("write"),
};

export default control;
