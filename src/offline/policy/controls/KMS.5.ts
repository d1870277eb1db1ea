import type { ResourceRule } from "../types";
import { statements } from "../documents";
import { allows, isPublicPrincipal, restrictedByFixedValues, statementName } from "./statements";

const control: ResourceRule = {
    id: "KMS.5",
    title: "KMS keys should not be publicly accessible",
    kind: "security",
    scope: "resource",
    severity: "Critical",
    pci: [],
    resourceTypes: ["aws:kms/key:Key"],
    remediation:
        "Remove Principal \"*\" from Allow statements in the aws.kms.Key policy, or restrict them with a fixed-value condition such as kms:CallerAccount or aws:PrincipalAccount.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-5",
    check: (key) =>
        statements(key.props.policy)
            .map((s, i) => ({ s, i }))
            .filter(({ s }) => allows(s) && isPublicPrincipal(s) && !restrictedByFixedValues(s))
            .map(({ s, i }) => `policy ${statementName(s, i)} allows Principal "*" without a fixed-value account condition`),
};

export default control;
