import type { StackRule } from "../types";
import { grants, statements, type Statement } from "../documents";
import { attachedTo, ofType } from "../../model/plan";
import { allows, hasCondition, isPublicPrincipal } from "./statements";

function deniesInsecurePublish(statement: Statement): boolean {
    return (
        !allows(statement) &&
        isPublicPrincipal(statement) &&
        grants(statement, "sns:Publish") &&
        hasCondition(statement, "Bool", "aws:SecureTransport", "false")
    );
}

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
const control: StackRule = {
    id: "AwsSolutions-SNS3",
    title: "The SNS Topic does not require publishers to use SSL",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:sns/topic:Topic", "aws:sns/topicPolicy:TopicPolicy"],
    remediation:
        "Add to the topic's aws.sns.TopicPolicy a Deny statement for Principal \"*\" and Action \"sns:Publish\" with Condition {Bool: {\"aws:SecureTransport\": \"false\"}}.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (resources) =>
        ofType(resources, "aws:sns/topic:Topic")
            // cdk-nag counts a KMS-encrypted topic as compliant.
            .filter((topic) => typeof topic.props.kmsMasterKeyId !== "string" || topic.props.kmsMasterKeyId === "")
            .filter(
                (topic) =>
                    !attachedTo(resources, "aws:sns/topicPolicy:TopicPolicy", topic, "arn").some((p) =>
                        statements(p.props.policy).some(deniesInsecurePublish),
                    ),
            )
            .map((topic) => ({
                urn: topic.urn,
                message: 'no aws.sns.TopicPolicy denies sns:Publish when aws:SecureTransport is "false", and kmsMasterKeyId is unset',
            })),
};

export default control;
