import SNS4 from "../../../../src/offline/policy/controls/SNS.4";
import AwsSolutionsSNS3 from "../../../../src/offline/policy/controls/AwsSolutions-SNS3";
import SNSEncryptedKMS from "../../../../src/offline/policy/controls/PCI.DSS.321-SNSEncryptedKMS";
import EventBridge3 from "../../../../src/offline/policy/controls/EventBridge.3";
import AwsSolutionsEVB1 from "../../../../src/offline/policy/controls/AwsSolutions-EVB1";
import LogGroupEncrypted from "../../../../src/offline/policy/controls/PCI.DSS.321-CloudWatchLogGroupEncrypted";
import LogGroupRetention from "../../../../src/offline/policy/controls/PCI.DSS.321-CloudWatchLogGroupRetentionPeriod";
import { builder, controlCases, dev, fail, pass, prod } from "../controls";

const topic = builder("aws:sns/topic:Topic");
const topicPolicy = builder("aws:sns/topicPolicy:TopicPolicy");
const bus = builder("aws:cloudwatch/eventBus:EventBus");
const busPolicy = builder("aws:cloudwatch/eventBusPolicy:EventBusPolicy");
const logGroup = builder("aws:cloudwatch/logGroup:LogGroup");
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });

const publicPublish = { Effect: "Allow", Principal: { AWS: "*" }, Action: "sns:Publish", Resource: "arn:aws:sns:us-east-1:1:alerts" };
const eventsPublish = { Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish", Resource: "*" };

controlCases(SNS4, {
    passing: [
        pass("no policy (default owner-only)", topic()),
        pass("service principal", topicPolicy({ arn: "alerts-id", policy: doc(eventsPublish) })),
        pass("public, pinned to the source account", topic({ policy: doc({ ...publicPublish, Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } }) })),
    ],
    failing: [
        fail("topic policy input open to everyone", topic({ policy: doc(publicPublish) }), "policy"),
        fail("TopicPolicy open to everyone with a wildcard ARN condition", topicPolicy({ arn: "alerts-id", policy: doc({ ...publicPublish, Principal: "*", Condition: { ArnLike: { "aws:SourceArn": "arn:aws:*" } } }) }), "Principal"),
    ],
});

const alerts = topic({ name: "fastcart-alerts-dev" }, "alerts");
const denyInsecure = { Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } };

controlCases(AwsSolutionsSNS3, {
    passing: [
        pass("deny insecure publish", [alerts, topicPolicy({ arn: "arn:aws:sns:us-east-1:1:alerts", policy: doc(eventsPublish, denyInsecure) })]),
        pass("KMS-encrypted topic", topic({ kmsMasterKeyId: "alias/aws/sns" })),
    ],
    failing: [
        fail("no topic policy", alerts, "aws:SecureTransport"),
        fail("policy without the deny", [alerts, topicPolicy({ arn: "alerts-id", policy: doc(eventsPublish) })], "aws:SecureTransport"),
        fail("deny that does not cover sns:Publish", [alerts, topicPolicy({ arn: "alerts-id", policy: doc({ ...denyInsecure, Action: "sns:Subscribe" }) })], "TopicPolicy"),
    ],
});

controlCases(SNSEncryptedKMS, {
    passing: [pass("customer managed key", topic({ kmsMasterKeyId: "arn:aws:kms:us-east-1:1:key/abc" }))],
    failing: [fail("unset", topic(), "kmsMasterKeyId"), fail("empty", topic({ kmsMasterKeyId: "" }), "kmsMasterKeyId")],
});

const orders = bus({ name: "fastcart-orders-dev" }, "orders-bus");

controlCases(EventBridge3, {
    passing: [
        pass("bus policy by name", [orders, busPolicy({ eventBusName: "fastcart-orders-dev", policy: doc() })]),
        pass("no custom bus", busPolicy({ policy: doc() })),
    ],
    failing: [
        fail("custom bus without a policy", orders, "eventBusName"),
        fail("policy on the default bus only", [orders, busPolicy({ policy: doc() })], "EventBusPolicy"),
    ],
});

const putEvents = { Effect: "Allow", Principal: "*", Action: "events:PutEvents", Resource: "arn:aws:events:us-east-1:1:event-bus/orders" };

controlCases(AwsSolutionsEVB1, {
    passing: [
        pass("everyone in the organisation", busPolicy({ policy: doc({ ...putEvents, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } }) })),
        pass("a named account", busPolicy({ policy: doc({ ...putEvents, Principal: { AWS: "arn:aws:iam::123456789012:root" } }) })),
    ],
    failing: [
        fail("everyone, no condition", busPolicy({ policy: doc(putEvents) }), "Condition"),
        fail("{AWS: '*'} with an empty condition, twice", busPolicy({ policy: doc({ ...putEvents, Principal: { AWS: "*" }, Condition: {} }, { ...putEvents, Sid: "Again" }) }), "policy", 2),
    ],
});

controlCases(LogGroupEncrypted, {
    passing: [pass("KMS key", logGroup({ kmsKeyId: "arn:aws:kms:us-east-1:1:key/abc" }))],
    failing: [fail("unset", logGroup(), "kmsKeyId"), fail("an alias instead of the key ARN", logGroup({ kmsKeyId: "alias/logs" }), "kmsKeyId")],
});

controlCases(LogGroupRetention, {
    passing: [
        pass("a week in dev", logGroup({ retentionInDays: 7 }), dev),
        pass("a year in prod", logGroup({ retentionInDays: 365 }), prod),
        pass("never expire in prod", logGroup({ retentionInDays: 0 }), prod),
    ],
    failing: [
        fail("unset in dev", logGroup(), "retentionInDays", 1, dev),
        fail("unset in prod", logGroup(), "retentionInDays", 1, prod),
        fail("a month in prod", logGroup({ retentionInDays: 30 }), "retentionInDays", 1, prod),
    ],
});
