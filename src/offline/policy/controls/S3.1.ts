import type { Finding, StackRule } from "../types";
import { ofType } from "../../model/plan";
import { publicAccessGaps } from "./s3";

const control: StackRule = {
    id: "S3.1",
    title: "S3 general purpose buckets should have block public access settings enabled",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [
        "PCI DSS v3.2.1/1.2.1",
        "PCI DSS v3.2.1/1.3.1",
        "PCI DSS v3.2.1/1.3.2",
        "PCI DSS v3.2.1/1.3.4",
        "PCI DSS v3.2.1/1.3.6",
        "PCI DSS v4.0.1/1.4.4",
    ],
    resourceTypes: ["aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"],
    remediation:
        "Set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets to true on the account's aws.s3.AccountPublicAccessBlock.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-1",
    check: (resources) =>
        ofType(resources, "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock").flatMap((settings): Finding[] => {
            const gaps = publicAccessGaps(settings);
            return gaps.length === 0 ? [] : [{ urn: settings.urn, message: `${gaps.join(", ")} must be true` }];
        }),
};

export default control;
