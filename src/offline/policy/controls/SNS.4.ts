import type { ResourceRule } from "../types";
import { allows, isPublicPrincipal, restrictedByFixedValues, matchingStatements } from "./statements";

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
        matchingStatements(resource.props.policy, (s) => allows(s) && isPublicPrincipal(s) && !restrictedByFixedValues(s)).map(({ name }) => `policy ${name} allows Principal "*" without a fixed-value condition`),
};

export default control;
