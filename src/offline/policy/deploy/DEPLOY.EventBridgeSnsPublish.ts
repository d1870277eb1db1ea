/**
 * EventBridge delivers to an SNS topic only when the topic policy lets `events.amazonaws.com`
 * publish, and, for a KMS-encrypted topic, when the key policy lets it use the key. Nothing fails
 * at deploy time: events are dropped silently, which is why this is checked before.
 */
import type { Finding, PolicyTarget, StackRule } from "../types";
import { allowsService, KMS_TYPES, keyPolicies, resolveKey } from "./kms";
import { attachedTo, ofType, planOf } from "../../model/plan";
import { str } from "./read";

const EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const TOPIC = "aws:sns/topic:Topic";
const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
const EVENTS = "events.amazonaws.com";
export const KEY_ACTIONS = ["kms:GenerateDataKey", "kms:Decrypt"] as const;

function topicPolicies(topic: PolicyTarget, resources: readonly PolicyTarget[]): unknown[] {
    const attached = attachedTo(resources, TOPIC_POLICY, topic, "arn").map((p) => p.props["policy"]);
    return [topic.props["policy"], ...attached].filter((doc) => doc !== undefined && doc !== null && doc !== "");
}

export const eventBridgeSnsPublish: StackRule = {
    id: "DEPLOY.EventBridgeSnsPublish",
    title: "SNS topics targeted by EventBridge let events.amazonaws.com publish (and use their KMS key)",
    kind: "deployability",
    scope: "stack",
    severity: "High",
    pci: [],
    resourceTypes: [EVENT_TARGET, TOPIC, TOPIC_POLICY, ...KMS_TYPES],
    remediation:
        "Add a topic policy statement allowing Service events.amazonaws.com sns:Publish on the topic; for a topic with " +
        "kmsMasterKeyId, add a key policy statement allowing events.amazonaws.com kms:GenerateDataKey* and kms:Decrypt " +
        "(the AWS-managed alias/aws/sns key cannot be used).",
    source: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions",
    check(resources) {
        const findings: Finding[] = [];
        const seen = new Set<string>();
        for (const target of ofType(resources, EVENT_TARGET)) {
            const topic = planOf(resources).resolveInput(target, "arn", TOPIC)[0];
            if (topic === undefined || seen.has(topic.urn)) continue;
            seen.add(topic.urn);
            if (!allowsService(topicPolicies(topic, resources), EVENTS, ["sns:Publish"])) {
                findings.push({
                    urn: topic.urn,
                    message: `${topic.name}: EventBridge target ${target.name} publishes to this topic, but no topic policy allows ${EVENTS} sns:Publish.`,
                });
            }
            const keyRef = str(topic.props["kmsMasterKeyId"]);
            if (keyRef === undefined) continue;
            if (keyRef === "alias/aws/sns") {
                findings.push({
                    urn: topic.urn,
                    message: `${topic.name}: encrypted with the AWS-managed alias/aws/sns key, whose policy EventBridge cannot use; use a customer-managed key.`,
                });
                continue;
            }
            const key = resolveKey(keyRef, resources);
            if (key !== undefined && !allowsService(keyPolicies(key, resources), EVENTS, KEY_ACTIONS)) {
                findings.push({
                    urn: key.urn,
                    message: `${key.name}: encrypts topic ${topic.name}, which EventBridge target ${target.name} publishes to, but its key policy does not allow ${EVENTS} ${KEY_ACTIONS.join(" and ")}.`,
                });
            }
        }
        return findings;
    },
};
