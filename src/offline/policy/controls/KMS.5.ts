import type { ResourceRule } from "../types";
import { allows, isPublicPrincipal, restrictedByFixedValues, matchingStatements } from "./statements";

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
        matchingStatements(key.props.policy, (s) => allows(s) && isPublicPrincipal(s) && !restrictedByFixedValues(s)).map(({ name }) => `policy ${name} allows Principal "*" without a fixed-value account condition`),
};

export default control;
