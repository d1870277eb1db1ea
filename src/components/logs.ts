/**
 * CloudWatch log groups and metric alarms, encrypted and named explicitly.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../config/tags";

export interface LogGroupArgs {
    /** The full log group name, e.g. `/ecs/fastcart-orders-dev`. */
    readonly logGroupName: string;
    /** Days events are kept (one of the values CloudWatch Logs accepts). */
    readonly retentionInDays: number;
    /** A KMS key whose policy lets `logs.<region>.amazonaws.com` use it (see EncryptionKey). */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Tags of the log group. */
    readonly tags: Tags;
}

export function logGroup(name: string, args: LogGroupArgs, opts?: pulumi.CustomResourceOptions): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(
        name,
        { name: args.logGroupName, retentionInDays: args.retentionInDays, kmsKeyId: args.kmsKeyArn, tags: args.tags },
        opts,
    );
}

export interface AlarmArgs {
    /** The alarm's full name. */
    readonly alarmName: string;
    /** What firing means and what to do, for the notification. */
    readonly description: string;
    /** The metric's namespace, e.g. `AWS/Kinesis`. */
    readonly namespace: string;
    /** The metric, e.g. `GetRecords.IteratorAgeMilliseconds`. */
    readonly metricName: string;
    /** The metric's dimensions, e.g. `{ StreamName: ... }`. */
    readonly dimensions: Record<string, pulumi.Input<string>>;
    /** How each period's datapoints are combined. */
    readonly statistic: "Average" | "Maximum" | "Sum" | "Minimum";
    /** The value the statistic is compared with. */
    readonly threshold: number;
    /** @default "GreaterThanThreshold" */
    readonly comparisonOperator?: "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold";
    /** @default 300 */
    readonly periodSeconds?: number;
    /** @default 2 */
    readonly evaluationPeriods?: number;
    /** SNS topics to notify. @default - none */
    readonly actions?: readonly pulumi.Input<string>[];
    /** Tags of the alarm. */
    readonly tags: Tags;
}

export function metricAlarm(name: string, args: AlarmArgs, opts?: pulumi.CustomResourceOptions): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(
        name,
        {
            name: args.alarmName,
            alarmDescription: args.description,
            namespace: args.namespace,
            metricName: args.metricName,
            dimensions: args.dimensions,
            statistic: args.statistic,
            threshold: args.threshold,
            comparisonOperator: args.comparisonOperator ?? "GreaterThanThreshold",
            period: args.periodSeconds ?? 300,
            evaluationPeriods: args.evaluationPeriods ?? 2,
            treatMissingData: "notBreaching",
            alarmActions: args.actions ? [...args.actions] : [],
            okActions: args.actions ? [...args.actions] : [],
            tags: args.tags,
        },
        opts,
    );
}
