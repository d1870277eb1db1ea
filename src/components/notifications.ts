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
import { TOKEN } from "./common";

export interface NotificationsArgs extends BaseArgs {
    /** Resource key or full topic name. */
    readonly topicName: string;
    readonly displayName: string;
    /** The key must let the publishing services use it (EncryptionKey `eventBridge`, `cloudWatchAlarms`). */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Services that publish: `events.amazonaws.com`, `cloudwatch.amazonaws.com`, `codestar-notifications.amazonaws.com`. */
    readonly publishers: readonly string[];
    readonly email?: string;
}

export class Notifications extends pulumi.ComponentResource {
    readonly topic: aws.sns.Topic;
    readonly arn: pulumi.Output<string>;

    constructor(name: string, args: NotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:sns:Notifications`, name, {}, opts);
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        this.topic = new aws.sns.Topic(
            name,
            { name: args.topicName, displayName: args.displayName, kmsMasterKeyId: args.kmsKeyArn, tags: args.tags },
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
        this.arn = this.topic.arn;
        this.registerOutputs({ arn: this.arn });
    }
}
