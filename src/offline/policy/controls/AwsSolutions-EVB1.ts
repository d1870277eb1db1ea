import type { ResourceRule } from "../types";
import { allows, isPublicPrincipal, matchingStatements } from "./statements";

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
        matchingStatements(busPolicy.props.policy, (s) => allows(s) && isPublicPrincipal(s) && Object.keys(s.Condition ?? {}).length === 0).map(({ name }) => `policy ${name} allows Principal "*" with no Condition`),
};

export default control;
