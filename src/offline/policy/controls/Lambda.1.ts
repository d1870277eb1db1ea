import type { ResourceRule } from "../types";
import { isFixedValue } from "./statements";

const control: ResourceRule = {
    id: "Lambda.1",
    title: "Lambda function policies should prohibit public access",
    kind: "security",
    scope: "resource",
    severity: "Critical",
    pci: [
        "PCI DSS v3.2.1/1.2.1",
        "PCI DSS v3.2.1/1.3.1",
        "PCI DSS v3.2.1/1.3.2",
        "PCI DSS v3.2.1/1.3.4",
        "PCI DSS v3.2.1/7.2.1",
        "PCI DSS v4.0.1/7.2.1",
    ],
    resourceTypes: ["aws:lambda/permission:Permission"],
    remediation:
        "Set principal on the aws.lambda.Permission to a named service or account, and restrict public or service principals with sourceAccount, sourceArn or principalOrgId (sourceAccount is required for s3.amazonaws.com).",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-1",
    check: (permission) => {
        const p = permission.props;
        const principal = String(p.principal ?? "");
        const findings: string[] = [];
        if (principal.includes("*") && ![p.sourceAccount, p.sourceArn, p.principalOrgId].some(isFixedValue)) {
            findings.push(`principal is "${principal}" without a fixed sourceAccount, sourceArn or principalOrgId`);
        }
        if (principal === "s3.amazonaws.com" && !isFixedValue(p.sourceAccount)) {
            findings.push("sourceAccount must be set when principal is s3.amazonaws.com");
        }
        return findings;
    },
};

export default control;
