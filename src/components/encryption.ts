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
import type { BaseArgs, StatefulArgs } from "./common";
import { lifecycle, TOKEN } from "./common";
import { grantKey, type Grantee, type Statement } from "./iam";
import { TOPIC_PUBLISHERS, type TopicPublisher } from "./snsTopic";

/** Services that use the key through `kms:ViaService` on behalf of callers in the account. */
export const VIA_SERVICES = ["secretsmanager", "rds", "elasticache", "kinesis", "ecr", "s3", "sns", "sqs", "dynamodb", "lambda", "codebuild", "codepipeline", "codecommit"] as const;
export type ViaService = (typeof VIA_SERVICES)[number];

/** What a role needs to read and write data under the customer key, named one by one (no wildcards, AwsSolutions-IAM5). */
export const KEY_USE_ACTIONS = [
    "kms:Decrypt",
    "kms:Encrypt",
    "kms:ReEncryptFrom",
    "kms:ReEncryptTo",
    "kms:GenerateDataKey",
    "kms:GenerateDataKeyWithoutPlaintext",
    "kms:DescribeKey",
] as const;

/** Reading data a service encrypted under the key. */
export const KEY_DECRYPT_ACTIONS = ["kms:Decrypt", "kms:DescribeKey"] as const;

/**
 * Use of a customer key by one service on a caller's behalf (`kms:ViaService`), or directly
 * when `via` is absent. Every component that encrypts with a key grants its readers and
 * writers through this, so the key statement sits beside the one for the data.
 */
export function keyStatement(sid: string, keyArn: pulumi.Input<string> | readonly pulumi.Input<string>[], actions: readonly string[], via?: { readonly service: ViaService; readonly region: pulumi.Input<string> }): Statement {
    return {
        Sid: sid,
        Action: [...actions],
        Resource: keyArn,
        ...(via !== undefined ? { Condition: { StringEquals: { "kms:ViaService": pulumi.interpolate`${via.service}.${via.region}.amazonaws.com` } } } : {}),
    };
}

export interface EncryptionKeyArgs extends BaseArgs, StatefulArgs {
    /** Alias resource key: the alias is `alias/<system>-<resource>-<suffix>`. */
    readonly aliasName: string;
    /** What the key encrypts, in words, for the console. */
    readonly description: string;
    /** Services that use the key on behalf of callers in this account. */
    readonly viaServices: readonly ViaService[];
    /** Let CloudWatch Logs in this region encrypt log groups of this account with the key. @default false */
    readonly cloudWatchLogs?: boolean;
    /**
     * Days before a scheduled deletion completes (7–30).
     * @default - 30 with removal `retain` (the most time to notice a mistake), 7 with `destroy`
     */
    readonly deletionWindowInDays?: number;
}

export class EncryptionKey extends pulumi.ComponentResource {
    /** @internal The KMS key; read `arn` and `keyId` instead. */
    readonly key: aws.kms.Key;
    /** @internal The alias `alias/<system>-<aliasName>-<suffix>`. */
    readonly alias: aws.kms.Alias;
    /** The key's ARN: what other resources name to encrypt with it. */
    readonly arn: pulumi.Output<string>;
    /** The key's id (a UUID). */
    readonly keyId: pulumi.Output<string>;
    private readonly resourceName: string;
    private readonly topicPublishers = new Set<TopicPublisher>();
    private sealed = false;

    constructor(name: string, args: EncryptionKeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:kms:EncryptionKey`, name, {}, opts);
        this.resourceName = name;
        const window = args.deletionWindowInDays ?? lifecycle(args.removal).keyDeletionWindowDays;
        if (!Number.isInteger(window) || window < 7 || window > 30) {
            throw new Error(`EncryptionKey ${name}: deletionWindowInDays must be 7 to 30, got ${window}`);
        }
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const region = aws.getRegionOutput({}, { parent: this });
        const partition = aws.getPartitionOutput({}, { parent: this });
        const account = identity.accountId;
        const root = pulumi.interpolate`arn:${partition.partition}:iam::${account}:root`;

        const statements = baseStatements(args, root, account, region.region, partition.partition);
        // The topics encrypted with this key say who publishes to them (`allowTopicPublishers`); the
        // policy is completed once the account is known, which is after the program declared them.
        const policy = pulumi.all([account, region.region, partition.partition]).apply(() => {
            this.sealed = true;
            const publishers = TOPIC_PUBLISHERS.filter((p) => this.topicPublishers.has(p));
            if (publishers.length === 0) return statements;
            return [...statements, ...topicPublisherStatements(publishers, account)];
        });

        this.key = new aws.kms.Key(
            name,
            {
                description: args.description,
                enableKeyRotation: true,
                rotationPeriodInDays: 365,
                deletionWindowInDays: window,
                keyUsage: "ENCRYPT_DECRYPT",
                customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: policy }),
                tags: args.tags,
            },
            { parent: this },
        );
        this.alias = new aws.kms.Alias(name, { name: `alias/${args.namer.name(args.aliasName)}`, targetKeyId: this.key.keyId }, { parent: this });
        this.arn = this.key.arn;
        this.keyId = this.key.keyId;
        this.registerOutputs({ arn: this.arn, keyId: this.keyId, alias: this.alias.name });
    }

    /**
     * Let AWS services publish to an SNS topic encrypted with this key (an `SnsTopic` calls
     * this with its publishers): SNS needs the publisher itself to generate and decrypt the data key.
     * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
     */
    allowTopicPublishers(services: readonly TopicPublisher[]): void {
        if (this.sealed) throw new Error(`EncryptionKey ${this.resourceName}: topic publishers were added after the key policy was written; declare the topic in the program's body, not inside an apply`);
        for (const service of services) this.topicPublishers.add(service);
    }

    /** Decrypt with the key (and describe it), for data the grantee only reads. */
    grantDecrypt(grantee: Grantee): void {
        grantee.grant(grantKey(this.resourceName, "decrypt"), [keyStatement("DecryptWithKey", this.arn, KEY_DECRYPT_ACTIONS)]);
    }

    /** Every data-key operation on the key, named one by one, for data the grantee reads and writes. */
    grantEncryptDecrypt(grantee: Grantee): void {
        grantee.grant(grantKey(this.resourceName, "encrypt-decrypt"), [keyStatement("UseKey", this.arn, KEY_USE_ACTIONS)]);
    }
}

/** The account's administration, and use through the services and CloudWatch Logs the key is for. */
function baseStatements(
    args: EncryptionKeyArgs,
    root: pulumi.Output<string>,
    account: pulumi.Output<string>,
    region: pulumi.Output<string>,
    partition: pulumi.Output<string>,
): unknown[] {
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
                    "kms:ViaService": args.viaServices.map((s) => pulumi.interpolate`${s}.${region}.amazonaws.com`),
                },
            },
        });
    }
    if (args.cloudWatchLogs) {
        statements.push({
            Sid: "CloudWatchLogs",
            Effect: "Allow",
            Principal: { Service: pulumi.interpolate`logs.${region}.amazonaws.com` },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: {
                ArnLike: { "kms:EncryptionContext:aws:logs:arn": pulumi.interpolate`arn:${partition}:logs:${region}:${account}:log-group:*` },
            },
        });
    }
    return statements;
}

/** What the services publishing to topics under this key need of it. */
function topicPublisherStatements(publishers: readonly TopicPublisher[], account: pulumi.Output<string>): unknown[] {
    const conditioned = publishers.filter((p) => p !== "events.amazonaws.com");
    return [
        ...(conditioned.length === 0
            ? []
            : [
                  {
                      Sid: "PublishToEncryptedTopics",
                      Effect: "Allow",
                      Principal: { Service: conditioned },
                      Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
                      Resource: "*",
                      Condition: { StringEquals: { "aws:SourceAccount": account } },
                  },
              ]),
        // EventBridge sends no aws:SourceAccount, aws:SourceArn or aws:SourceOrgID to KMS when it
        // publishes to an encrypted topic: a condition on them drops every event.
        // https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
        ...(publishers.includes("events.amazonaws.com")
            ? [{ Sid: "EventBridgePublishesToEncryptedTopics", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Resource: "*" }]
            : []),
    ];
}
