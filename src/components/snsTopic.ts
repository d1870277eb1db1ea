/**
 * An SNS topic for alarms and pipeline events: encrypted with the customer key, a topic policy
 * that lets only this account's CloudWatch alarms and EventBridge rules publish (and denies
 * publishing without TLS), and an optional email subscription.
 *
 * An email subscription stays "pending confirmation" until the recipient clicks the link, and
 * Pulumi cannot delete an unconfirmed one: confirm it, or expect it to linger after destroy.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "./common";
import { renamedFrom, TOKEN } from "./common";
import type { EncryptionKey } from "./encryption";

/** The AWS services that publish to topics here (EventBridge rules, CloudWatch alarms, CodeStar notification rules). */
export const TOPIC_PUBLISHERS = ["events.amazonaws.com", "cloudwatch.amazonaws.com", "codestar-notifications.amazonaws.com"] as const;
export type TopicPublisher = (typeof TOPIC_PUBLISHERS)[number];

export interface SnsTopicArgs extends BaseArgs {
    /** Resource key: the topic is named `<system>-<topicName>-<suffix>`, checked against SNS's rule. */
    readonly topicName: string;
    /**
     * The topic's whole name, when the design fixes one (`pipeline-notifications-<env>`), checked
     * against SNS's rule instead of built from `topicName`.
     * @default - `<system>-<topicName>-<suffix>`
     */
    readonly fullName?: string;
    /** The topic's display name, the sender of its emails. */
    readonly displayName: string;
    /** The customer key: the topic lets its publishers use it (they encrypt what they publish). */
    readonly key: EncryptionKey;
    /** Services that publish, under this account only. */
    readonly publishers: readonly TopicPublisher[];
    /** An address subscribed by email; pending until its owner confirms. @default - no subscription */
    readonly email?: string;
}

export class SnsTopic extends pulumi.ComponentResource {
    /** @internal The SNS topic; read `arn`. */
    readonly topic: aws.sns.Topic;
    /** The topic's ARN: what alarms, rules and approvals publish to. */
    readonly arn: pulumi.Output<string>;
    /** The customer key the topic is encrypted with, for publishers that are IAM roles (a pipeline's approval). */
    readonly kmsKeyArn: pulumi.Output<string>;
    /** The checked topic name, known before deployment. */
    readonly name: string;

    constructor(name: string, args: SnsTopicArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:sns:SnsTopic`, name, {}, renamedFrom("sns:Notifications", opts));
        this.name = args.fullName !== undefined ? args.namer.custom(args.fullName, args.topicName, "snsTopic") : args.namer.name(args.topicName, "snsTopic");
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        this.topic = new aws.sns.Topic(
            name,
            { name: this.name, displayName: args.displayName, kmsMasterKeyId: args.key.arn, tags: args.tags },
            { parent: this },
        );
        new aws.sns.TopicPolicy(
            name,
            {
                arn: this.topic.arn,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "ServicesOfThisAccountPublish",
                            Effect: "Allow",
                            Principal: { Service: [...args.publishers] },
                            Action: "sns:Publish",
                            Resource: this.topic.arn,
                            Condition: { StringEquals: { "aws:SourceAccount": account } },
                        },
                        {
                            Sid: "DenyPublishWithoutTls",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "sns:Publish",
                            Resource: this.topic.arn,
                            Condition: { Bool: { "aws:SecureTransport": "false" } },
                        },
                    ],
                }),
            },
            { parent: this },
        );
        if (args.email) {
            new aws.sns.TopicSubscription(`${name}-email`, { topic: this.topic.arn, protocol: "email", endpoint: args.email }, { parent: this });
        }
        args.key.allowTopicPublishers(args.publishers);
        this.arn = this.topic.arn;
        this.kmsKeyArn = args.key.arn;
        this.registerOutputs({ arn: this.arn });
    }
}
