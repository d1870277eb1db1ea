/**
 * CloudWatch log groups and metric alarms, encrypted and named explicitly.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../config/tags";

export interface LogGroupArgs {
    /** The full log group name, e.g. `/ecs/fastcart-orders-dev`. */
    readonly logGroupName: string;
    readonly retentionInDays: number;
    /** A KMS key whose policy lets `logs.<region>.amazonaws.com` use it (see EncryptionKey). */
    readonly kmsKeyArn: pulumi.Input<string>;
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
    readonly alarmName: string;
    readonly description: string;
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Record<string, pulumi.Input<string>>;
    readonly statistic: "Average" | "Maximum" | "Sum" | "Minimum";
    readonly threshold: number;
    readonly comparisonOperator?: "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold";
    /** @default 300 */
    readonly periodSeconds?: number;
    /** @default 2 */
    readonly evaluationPeriods?: number;
    /** SNS topics to notify. */
    readonly actions?: readonly pulumi.Input<string>[];
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
