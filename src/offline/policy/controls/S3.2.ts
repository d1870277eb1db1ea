import type { StackRule } from "../types";
import { PUBLIC_ACCESS_TYPES, publicAccessCheck } from "./s3";

const control: StackRule = {
    id: "S3.2",
    title: "S3 general purpose buckets should block public read access",
    kind: "security",
    scope: "stack",
    severity: "Critical",
    pci: [
        "PCI DSS v3.2.1/1.2.1",
        "PCI DSS v3.2.1/1.3.1",
        "PCI DSS v3.2.1/1.3.2",
        "PCI DSS v3.2.1/1.3.6",
        "PCI DSS v3.2.1/7.2.1",
    ],
    resourceTypes: PUBLIC_ACCESS_TYPES,
    remediation:
        "Declare an aws.s3.BucketPublicAccessBlock with all four flags true for the bucket, and drop public-read ACLs and Allow statements for Principal \"*\" that grant s3:Get* or s3:List*.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-2",
    check: publicAccessCheck("read"),
};

export default control;
