import type { ResourceRule } from "../types";
import { show } from "./read";

// Severity of Security Hub KMS.4, its equivalent outside FSBP.
const control: ResourceRule = {
    id: "AwsSolutions-KMS5",
    title: "The KMS Symmetric key does not have automatic key rotation enabled",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: ["PCI DSS v3.2.1/3.6.4", "PCI DSS v4.0.1/3.7.4"],
    resourceTypes: ["aws:kms/key:Key"],
    remediation:
        "Set enableKeyRotation to true on every symmetric aws.kms.Key (customerMasterKeySpec unset or \"SYMMETRIC_DEFAULT\").",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (key) => {
        const spec = key.props.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
        if (spec !== "SYMMETRIC_DEFAULT" || key.props.enableKeyRotation === true) return [];
        return [`enableKeyRotation must be true on a symmetric key (is ${show(key.props.enableKeyRotation)})`];
    },
};

export default control;
