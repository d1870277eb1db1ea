import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { eventBridgeSnsPublish } from "./DEPLOY.EventBridgeSnsPublish";
import { doc, run, target } from "../../../../test/support/policy/deploy";

const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const TOPIC = "aws:sns/topic:Topic";
const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";
const TOPIC_ARN = "arn:aws:sns:eu-central-1:123456789012:alerts";
const KEY_ARN = "arn:aws:kms:eu-central-1:123456789012:key/alerts-key";

const publish = { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish", Resource: TOPIC_ARN };
const useKey = { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Resource: "*" };
const rootOnly = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" };
const eventTarget = target(TARGET, "alerts-target", { rule: "failures", arn: TOPIC_ARN });

describe("DEPLOY.EventBridgeSnsPublish", () => {
    it("compliant: a topic policy resource allowing publish, and a key allowing EventBridge (through an alias)", () => {
        const findings = run(eventBridgeSnsPublish, [
            eventTarget,
            target(TOPIC, "alerts", { kmsMasterKeyId: "alias/alerts" }),
            target(TOPIC_POLICY, "alerts-policy", { arn: TOPIC_ARN, policy: doc(publish) }),
            target(KEY, "alerts-key", { policy: doc(rootOnly, useKey) }),
            target(ALIAS, "alerts-alias", { name: "alias/alerts", targetKeyId: "alerts-key-id" }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("compliant: the topic's own policy input, no encryption; targets that are not topics of the stack", () => {
        const findings = run(eventBridgeSnsPublish, [
            eventTarget,
            target(TARGET, "queue-target", { arn: "arn:aws:sqs:eu-central-1:123456789012:jobs" }),
            target(TOPIC, "alerts", { policy: doc(publish) }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: the topic has no policy allowing events.amazonaws.com", () => {
        const topic = target(TOPIC, "alerts");
        const findings = run(eventBridgeSnsPublish, [eventTarget, topic, target(TOPIC_POLICY, "p", { arn: TOPIC_ARN, policy: doc(rootOnly) })]);
        assert.equal(findings.length, 1);
        assert.equal(findings[0]?.urn, topic.urn);
        assert.match(findings[0]?.message ?? "", /alerts-target/);
        assert.match(findings[0]?.message ?? "", /events\.amazonaws\.com sns:Publish/);
    });

    it("non-compliant 2: the topic's KMS key policy does not let EventBridge use the key", () => {
        const key = target(KEY, "alerts-key", { policy: doc(rootOnly) });
        const findings = run(eventBridgeSnsPublish, [eventTarget, target(TOPIC, "alerts", { policy: doc(publish), kmsMasterKeyId: KEY_ARN }), key]);
        assert.equal(findings.length, 1);
        assert.equal(findings[0]?.urn, key.urn);
        assert.match(findings[0]?.message ?? "", /kms:GenerateDataKey and kms:Decrypt/);
    });

    it("non-compliant 3: a key with no policy at all (AWS's default trusts only the account)", () => {
        const findings = run(eventBridgeSnsPublish, [
            eventTarget,
            target(TOPIC, "alerts", { policy: doc(publish), kmsMasterKeyId: "alerts-key-id" }),
            target(KEY, "alerts-key"),
        ]);
        assert.equal(findings.length, 1);
    });

    it("non-compliant 4: a topic encrypted with the AWS-managed alias/aws/sns key", () => {
        const findings = run(eventBridgeSnsPublish, [eventTarget, target(TOPIC, "alerts", { policy: doc(publish), kmsMasterKeyId: "alias/aws/sns" })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /alias\/aws\/sns/);
    });

    it("reports a topic once however many targets publish to it", () => {
        const second = target(TARGET, "second-target", { arn: TOPIC_ARN });
        assert.equal(run(eventBridgeSnsPublish, [eventTarget, second, target(TOPIC, "alerts")]).length, 1);
    });
});
