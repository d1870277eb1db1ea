/**
 * A customer-managed KMS key with rotation, an alias, and a key policy that lets exactly the
 * services that use it do so. Services that act through grants on the caller's behalf
 * (Secrets Manager, RDS, ElastiCache, Kinesis, ECR, S3, CodeBuild...) are allowed through
 * `kms:ViaService` for principals of this account only — never `Principal: "*"` (KMS.5).
 * Services that write with their own principal (CloudWatch Logs, EventBridge → SNS) get a
 * statement for that principal, scoped by encryption context or source account.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "./common";
import { TOKEN } from "./common";

/** Services that use the key through `kms:ViaService` on behalf of callers in the account. */
export const VIA_SERVICES = ["secretsmanager", "rds", "elasticache", "kinesis", "ecr", "s3", "sns", "sqs", "dynamodb", "lambda", "codebuild", "codepipeline", "codecommit"] as const;
export type ViaService = (typeof VIA_SERVICES)[number];

export interface EncryptionKeyArgs extends BaseArgs {
    /** Alias resource key: the alias is `alias/<system>-<resource>-<suffix>`. */
    readonly aliasName: string;
    readonly description: string;
    /** Services that use the key on behalf of callers in this account. */
    readonly viaServices: readonly ViaService[];
    /** Let CloudWatch Logs in this region encrypt log groups of this account with the key. */
    readonly cloudWatchLogs?: boolean;
    /** Let EventBridge publish to SNS topics encrypted with this key. */
    readonly eventBridge?: boolean;
    /** Let CloudWatch alarms publish to SNS topics encrypted with this key. */
    readonly cloudWatchAlarms?: boolean;
    /**
     * Days before a scheduled deletion completes (7–30). dev uses 7 so a destroyed stack's key
     * goes quickly; prod uses 30, the most time to notice a mistaken deletion.
     * @default 30
     */
    readonly deletionWindowInDays?: number;
}

export class EncryptionKey extends pulumi.ComponentResource {
    readonly key: aws.kms.Key;
    readonly alias: aws.kms.Alias;
    readonly arn: pulumi.Output<string>;
    readonly keyId: pulumi.Output<string>;

    constructor(name: string, args: EncryptionKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:kms:EncryptionKey`, name, {}, opts);
        const window = args.deletionWindowInDays ?? 30;
        if (!Number.isInteger(window) || window < 7 || window > 30) {
            throw new Error(`EncryptionKey ${name}: deletionWindowInDays must be 7 to 30, got ${window}`);
        }
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const region = aws.getRegionOutput({}, { parent: this });
        const partition = aws.getPartitionOutput({}, { parent: this });
        const account = identity.accountId;
        const root = pulumi.interpolate`arn:${partition.partition}:iam::${account}:root`;

        const statements: unknown[] = [
            {
                Sid: "AccountAdministration",
                Effect: "Allow",
                Principal: { AWS: root },
                Action: "kms:*",
                Resource: "*",
            },
        ];
        if (args.viaServices.length > 0) {
            statements.push({
                Sid: "UseThroughServices",
                Effect: "Allow",
                Principal: { AWS: root },
                Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey", "kms:CreateGrant"],
                Resource: "*",
                Condition: {
                    StringEquals: {
                        "kms:CallerAccount": account,
                        "kms:ViaService": args.viaServices.map((s) => pulumi.interpolate`${s}.${region.region}.amazonaws.com`),
                    },
                },
            });
        }
        if (args.cloudWatchLogs) {
            statements.push({
                Sid: "CloudWatchLogs",
                Effect: "Allow",
                Principal: { Service: pulumi.interpolate`logs.${region.region}.amazonaws.com` },
                Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                Resource: "*",
                Condition: {
                    ArnLike: { "kms:EncryptionContext:aws:logs:arn": pulumi.interpolate`arn:${partition.partition}:logs:${region.region}:${account}:log-group:*` },
                },
            });
        }
        if (args.cloudWatchAlarms) {
            statements.push({
                Sid: "PublishToEncryptedTopics",
                Effect: "Allow",
                Principal: { Service: ["cloudwatch.amazonaws.com"] },
                Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
                Resource: "*",
                Condition: { StringEquals: { "aws:SourceAccount": account } },
            });
        }
        if (args.eventBridge) {
            // EventBridge sends no aws:SourceAccount, aws:SourceArn or aws:SourceOrgID to KMS when it
            // publishes to an encrypted topic: a condition on them drops every event.
            // https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
            statements.push({
                Sid: "EventBridgePublishesToEncryptedTopics",
                Effect: "Allow",
                Principal: { Service: "events.amazonaws.com" },
                Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
                Resource: "*",
            });
        }

        this.key = new aws.kms.Key(
            name,
            {
                description: args.description,
                enableKeyRotation: true,
                rotationPeriodInDays: 365,
                deletionWindowInDays: window,
                keyUsage: "ENCRYPT_DECRYPT",
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements }),
                tags: args.tags,
            },
            { parent: this },
        );
        this.alias = new aws.kms.Alias(name, { name: `alias/${args.namer.name(args.aliasName)}`, targetKeyId: this.key.keyId }, { parent: this });
        this.arn = this.key.arn;
        this.keyId = this.key.keyId;
        this.registerOutputs({ arn: this.arn, keyId: this.keyId, alias: this.alias.name });
    }
}
