/**
 * Where the stack's signals go: EventBridge targets (an SNS topic and its key, a log group, a
 * pipeline through a role), alarm actions, encrypted log groups, VPC flow logs, RDS enhanced
 * monitoring, and S3 and load balancer access logs into their buckets.
 */
import { ELB_LOG_DELIVERY_ACCOUNTS } from "../../../aws/elb";
import type { AccessModel } from "../model";
import type { AccessCall, AccessResource } from "../types";
import { arnBase, assume, calls, keyArn, list, logGroup, obj, str, streamArn } from "./call";

/** Publishing to a topic of the stack by a service, and that service's use of the topic's key. */
function publishCalls(m: AccessModel, topicArn: unknown, service: string, by: AccessResource, source: string, publish: "events.sns" | "alarms.sns", key: "events.sns-key" | "alarms.sns-key", keyContext: Record<string, string>): AccessCall[] {
    const topic = m.find("aws:sns/topic:Topic", topicArn);
    if (topic === undefined) return [];
    const out = calls(publish, service, m.arnOf(topic), by, { "aws:SourceAccount": m.account, "aws:SourceArn": source });
    const k = keyArn(m, topic.inputs["kmsMasterKeyId"]);
    if (k !== undefined) out.push(...calls(key, service, k, by, keyContext));
    return out;
}

function eventTargetCalls(m: AccessModel, target: AccessResource): AccessCall[] {
    const rule = m.find("aws:cloudwatch/eventRule:EventRule", target.inputs["rule"]);
    if (rule === undefined) return [];
    const ruleArn = m.arnOf(rule);
    const arn = str(target.inputs["arn"]) ?? "";
    const role = str(target.inputs["roleArn"]);
    const out: AccessCall[] = [];
    if (role !== undefined) {
        out.push(...assume(m, "events.assume-role", "events.amazonaws.com", role, target, { "aws:SourceAccount": m.account, "aws:SourceArn": ruleArn }));
        const pipeline = m.find("aws:codepipeline/pipeline:Pipeline", arn);
        if (pipeline) out.push(...calls("events.pipeline", role, m.arnOf(pipeline), target));
    }
    // EventBridge sends no aws:SourceAccount or aws:SourceArn to KMS for an encrypted topic.
    out.push(...publishCalls(m, arn, "events.amazonaws.com", target, ruleArn, "events.sns", "events.sns-key", {}));
    const group = logGroup(m, arn);
    if (group) out.push(...calls("events.logs", "events.amazonaws.com", streamArn(m, group, "event-stream"), target, { "aws:SourceArn": ruleArn, "aws:SourceAccount": m.account }));
    return out;
}

function alarmCalls(m: AccessModel, alarm: AccessResource): AccessCall[] {
    const arn = m.arnOf(alarm);
    const ctx = { "aws:SourceAccount": m.account, "aws:SourceArn": arn };
    const topics = [...new Set([...list(alarm.inputs["alarmActions"]), ...list(alarm.inputs["okActions"]), ...list(alarm.inputs["insufficientDataActions"])].map(String))];
    return topics.flatMap((t) => publishCalls(m, t, "cloudwatch.amazonaws.com", alarm, arn, "alarms.sns", "alarms.sns-key", ctx));
}

function logKeyCalls(m: AccessModel, group: AccessResource): AccessCall[] {
    const k = keyArn(m, group.inputs["kmsKeyId"]);
    return k === undefined ? [] : calls("logs.key", `logs.${m.region}.amazonaws.com`, k, group, { "kms:EncryptionContext:aws:logs:arn": m.arnOf(group) });
}

function flowLogCalls(m: AccessModel, flow: AccessResource): AccessCall[] {
    const role = str(flow.inputs["iamRoleArn"]);
    const group = flow.inputs["logDestinationType"] === "cloud-watch-logs" || flow.inputs["logDestinationType"] === undefined ? logGroup(m, flow.inputs["logDestination"] ?? flow.inputs["logGroupName"]) : undefined;
    if (role === undefined || group === undefined) return [];
    const flowArn = `${arnBase(m, "ec2")}vpc-flow-log/fl-${flow.name}`;
    return [
        ...assume(m, "flowlogs.assume-role", "vpc-flow-logs.amazonaws.com", role, flow, { "aws:SourceAccount": m.account, "aws:SourceArn": flowArn }),
        ...calls("flowlogs.write", role, streamArn(m, group, "eni-1-all"), flow, {}, ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]),
        // DescribeLogGroups supports no resource type: it is granted and called on `*`.
        ...calls("flowlogs.write", role, "*", flow, {}, ["logs:DescribeLogGroups"]),
    ];
}

function monitoringCalls(m: AccessModel, db: AccessResource): AccessCall[] {
    const role = str(db.inputs["monitoringRoleArn"]);
    if (role === undefined || Number(db.inputs["monitoringInterval"] ?? 0) === 0) return [];
    const group = `${arnBase(m, "logs")}log-group:RDSOSMetrics`;
    return [
        ...assume(m, "rds.monitoring-assume-role", "monitoring.rds.amazonaws.com", role, db, { "aws:SourceAccount": m.account }),
        ...calls("rds.monitoring-group", role, group, db),
        ...calls("rds.monitoring-stream", role, `${group}:log-stream:db-instance`, db),
    ];
}

function accessLogCalls(m: AccessModel): AccessCall[] {
    const out: AccessCall[] = [];
    for (const logging of m.ofType("aws:s3/bucketLogging:BucketLogging")) {
        const target = str(logging.inputs["targetBucket"]);
        if (target === undefined) continue;
        const source = `arn:aws:s3:::${String(logging.inputs["bucket"])}`;
        out.push(...calls("s3.server-access-logs", "logging.s3.amazonaws.com", `arn:aws:s3:::${target}/${String(logging.inputs["targetPrefix"] ?? "")}2026-01-01-00-00-00-ABC`, logging, { "aws:SourceAccount": m.account, "aws:SourceArn": source }));
    }
    for (const lb of m.ofType("aws:lb/loadBalancer:LoadBalancer")) {
        const logs = obj(lb.inputs["accessLogs"]);
        if (logs?.["enabled"] !== true || str(logs["bucket"]) === undefined) continue;
        const prefix = str(logs["prefix"]);
        const key = `${prefix === undefined ? "" : `${prefix}/`}AWSLogs/${m.account}/elasticloadbalancing/${m.region}/2026/01/01/log.gz`;
        out.push(...calls("elb.access-logs", elbLogPrincipal(m.region), `arn:aws:s3:::${String(logs["bucket"])}/${key}`, lb, { "aws:SourceAccount": m.account }));
    }
    return out;
}

function elbLogPrincipal(region: string): string {
    const account = (ELB_LOG_DELIVERY_ACCOUNTS as Readonly<Record<string, string | undefined>>)[region];
    return account === undefined ? "logdelivery.elasticloadbalancing.amazonaws.com" : `arn:aws:iam::${account}:root`;
}

export function signalCalls(m: AccessModel): AccessCall[] {
    return [
        ...m.ofType("aws:cloudwatch/eventTarget:EventTarget").flatMap((t) => eventTargetCalls(m, t)),
        ...m.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").flatMap((a) => alarmCalls(m, a)),
        ...m.ofType("aws:cloudwatch/logGroup:LogGroup").flatMap((g) => logKeyCalls(m, g)),
        ...m.ofType("aws:ec2/flowLog:FlowLog").flatMap((f) => flowLogCalls(m, f)),
        ...m.ofType("aws:rds/instance:Instance").flatMap((d) => monitoringCalls(m, d)),
        ...accessLogCalls(m),
    ];
}
