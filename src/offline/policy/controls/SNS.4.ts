import type { ResourceRule } from "../types";
import { statements } from "../documents";
import { allows, isPublicPrincipal, restrictedByFixedValues, statementName } from "./statements";

const control: ResourceRule = {
    id: "SNS.4",
    title: "SNS topic access policies should not allow public access",
    kind: "security",
    scope: "resource",
    severity: "Critical",
    pci: [],
    resourceTypes: ["aws:sns/topic:Topic", "aws:sns/topicPolicy:TopicPolicy"],
    remediation:
        "Remove Principal \"*\" from Allow statements in the topic's policy (aws.sns.Topic policy or aws.sns.TopicPolicy policy), or restrict them with a fixed aws:SourceAccount, aws:SourceArn or aws:PrincipalOrgID condition.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/sns-controls.html#sns-4",
    check: (resource) =>
        statements(resource.props.policy)
            .map((s, i) => ({ s, i }))
            .filter(({ s }) => allows(s) && isPublicPrincipal(s) && !restrictedByFixedValues(s))
            .map(({ s, i }) => `policy ${statementName(s, i)} allows Principal "*" without a fixed-value condition`),
};

export default control;
