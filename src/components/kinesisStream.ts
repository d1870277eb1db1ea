/**
 * A Kinesis data stream encrypted with the customer key, with shard-level metrics and an alarm
 * on how far consumers lag (iterator age).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs, StatefulArgs } from "./common";
import { lifecycle, renamedFrom, TOKEN } from "./common";
import { keyStatement } from "./encryption";
import { grantKey, type Grantee } from "./iam";
import { metricAlarm } from "./logs";

/** What a consumer calls: find the shards (ListShards also follows resharding), read them. */
export const STREAM_READ_ACTIONS = ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"] as const;
/** What a producer calls. */
export const STREAM_WRITE_ACTIONS = ["kinesis:PutRecord", "kinesis:PutRecords", "kinesis:ListShards"] as const;

export interface KinesisStreamArgs extends BaseArgs, StatefulArgs {
    /** Resource key of the stream name. @default "stream" */
    readonly streamName?: string;
    /** The customer key the records are encrypted with. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Provisioned shards: 1 MB/s or 1,000 records/s of writes each. */
    readonly shardCount: number;
    /** Hours records are kept: 24 (free) to 8760. Kinesis.3 wants 168 in prod. */
    readonly retentionHours: number;
    /** Alarm when the oldest unread record is older than this. @default 60000 */
    readonly iteratorAgeAlarmMs?: number;
    /** SNS topics the iterator-age alarm notifies. @default - none */
    readonly alarmActions?: readonly pulumi.Input<string>[];
}

/** Shard-level (enhanced) metrics; each costs CloudWatch metric charges per shard. */
export const SHARD_METRICS = ["IncomingBytes", "IncomingRecords", "OutgoingBytes", "OutgoingRecords", "IteratorAgeMilliseconds", "ReadProvisionedThroughputExceeded", "WriteProvisionedThroughputExceeded"];

export class KinesisStream extends pulumi.ComponentResource {
    /** @internal The Kinesis stream; read `name` and `arn` instead. */
    readonly stream: aws.kinesis.Stream;
    /** The checked stream name, known before deployment. */
    readonly name: string;
    /** The stream's ARN. */
    readonly arn: pulumi.Output<string>;
    private readonly resourceName: string;
    private readonly kmsKeyArn: pulumi.Input<string>;

    constructor(name: string, args: KinesisStreamArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:kinesis:KinesisStream`, name, {}, renamedFrom("kinesis:EventStream", opts));
        if (!Number.isInteger(args.shardCount) || args.shardCount < 1) throw new Error(`KinesisStream ${name}: shardCount must be a positive integer, got ${args.shardCount}`);
        if (args.retentionHours < 24 || args.retentionHours > 8760) throw new Error(`KinesisStream ${name}: retentionHours must be 24 to 8760, got ${args.retentionHours}`);
        this.name = args.namer.name(args.streamName ?? "stream", "kinesisStream");
        this.resourceName = name;
        this.kmsKeyArn = args.kmsKeyArn;
        this.stream = new aws.kinesis.Stream(
            name,
            {
                name: this.name,
                shardCount: args.shardCount,
                retentionPeriod: args.retentionHours,
                streamModeDetails: { streamMode: "PROVISIONED" },
                encryptionType: "KMS",
                kmsKeyId: args.kmsKeyArn,
                shardLevelMetrics: SHARD_METRICS,
                tags: args.tags,
            },
            { parent: this, protect: lifecycle(args.removal).protect },
        );
        metricAlarm(
            `${name}-iterator-age`,
            {
                alarmName: args.namer.name("stream-iterator-age"),
                description: `Consumers of ${this.name} lag more than ${(args.iteratorAgeAlarmMs ?? 60000) / 1000} s`,
                namespace: "AWS/Kinesis",
                metricName: "GetRecords.IteratorAgeMilliseconds",
                dimensions: { StreamName: this.stream.name },
                statistic: "Maximum",
                threshold: args.iteratorAgeAlarmMs ?? 60000,
                actions: args.alarmActions,
                tags: args.tags,
            },
            { parent: this },
        );
        this.arn = this.stream.arn;
        this.registerOutputs({ name: this.stream.name, arn: this.arn });
    }

    /** Read records: consumers. Kinesis decrypts them with the stream's key on the reader's behalf. */
    grantRead(grantee: Grantee): void {
        this.grantStream(grantee, "read", STREAM_READ_ACTIONS, ["kms:Decrypt"]);
    }

    /** Put records: producers. Kinesis encrypts them with a data key of the stream's key. */
    grantWrite(grantee: Grantee): void {
        this.grantStream(grantee, "write", STREAM_WRITE_ACTIONS, ["kms:GenerateDataKey"]);
    }

    /** Both `grantRead` and `grantWrite`, in one policy. */
    grantReadWrite(grantee: Grantee): void {
        this.grantStream(grantee, "read-write", [...STREAM_WRITE_ACTIONS, ...STREAM_READ_ACTIONS], ["kms:GenerateDataKey", "kms:Decrypt"]);
    }

    private grantStream(grantee: Grantee, access: string, actions: readonly string[], keyActions: readonly string[]): void {
        grantee.grant(grantKey(this.resourceName, access), [
            { Sid: "StreamRecords", Action: [...new Set(actions)], Resource: this.arn },
            keyStatement("StreamKey", this.kmsKeyArn, keyActions),
        ]);
    }
}
