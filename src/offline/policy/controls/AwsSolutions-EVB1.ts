import type { ResourceRule } from "../types";
import { statements } from "../documents";
import { allows, isPublicPrincipal, statementName } from "./statements";

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
const control: ResourceRule = {
    id: "AwsSolutions-EVB1",
    title: "The event bus policy allows for open access",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:cloudwatch/eventBusPolicy:EventBusPolicy"],
    remediation:
        "Give every Allow statement for Principal \"*\" in the aws.cloudwatch.EventBusPolicy policy a Condition (e.g. aws:PrincipalOrgID), or name the principals.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (busPolicy) =>
        statements(busPolicy.props.policy)
            .map((s, i) => ({ s, i }))
            .filter(({ s }) => allows(s) && isPublicPrincipal(s) && Object.keys(s.Condition ?? {}).length === 0)
            .map(({ s, i }) => `policy ${statementName(s, i)} allows Principal "*" with no Condition`),
};

export default control;
