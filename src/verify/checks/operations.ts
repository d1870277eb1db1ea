/** Log groups, alarms, the ECS clusters and services with the health of their targets, target groups and listeners. */
import type { Check, Observation } from "../check";
import { eq, nameOf, sameKey, sorted } from "../check";
import { CannotCheck, NotFound, type Verifier } from "../verifier";

export const logGroup: Check = {
    id: "logs.log-group",
    type: "aws:cloudwatch/logGroup:LogGroup",
    actions: ["logs:DescribeLogGroups", "kms:DescribeKey"],
    async observe(r, v) {
        const name = nameOf(r);
        const group = (await v.call("logs:DescribeLogGroups", { logGroupNamePrefix: name })).find((g) => g.logGroupName === name);
        if (!group) throw new NotFound(`log group ${name}`);
        return [eq("retentionInDays", group.retentionInDays ?? null, r.inputs.retentionInDays ?? null), await sameKey(v, "kmsKeyId", group.kmsKeyId, r.inputs.kmsKeyId)];
    },
};

/** The last segment of an ARN: a topic's name, which does not depend on the account. */
const tail = (arns: unknown): string[] => sorted(arns as string[] | undefined).map((a) => a.slice(a.lastIndexOf(":") + 1));

export const alarm: Check = {
    id: "cloudwatch.alarm",
    type: "aws:cloudwatch/metricAlarm:MetricAlarm",
    actions: ["cloudwatch:DescribeAlarms"],
    async observe(r, v) {
        const [a] = await v.call("cloudwatch:DescribeAlarms", { AlarmNames: [nameOf(r)] });
        if (!a) throw new NotFound(`alarm ${nameOf(r)}`);
        return [
            eq("Namespace", a.Namespace, r.inputs.namespace),
            eq("MetricName", a.MetricName, r.inputs.metricName),
            eq("ComparisonOperator", a.ComparisonOperator, r.inputs.comparisonOperator),
            eq("Threshold", a.Threshold, r.inputs.threshold),
            eq("EvaluationPeriods", a.EvaluationPeriods, r.inputs.evaluationPeriods),
            eq("ActionsEnabled", a.ActionsEnabled, r.inputs.actionsEnabled ?? true),
            eq("AlarmActions", tail(a.AlarmActions), tail(r.inputs.alarmActions)),
        ];
    },
};

export const cluster: Check = {
    id: "ecs.cluster",
    type: "aws:ecs/cluster:Cluster",
    actions: ["ecs:DescribeClusters"],
    async observe(r, v) {
        const [c] = (await v.call("ecs:DescribeClusters", { clusters: [nameOf(r)], include: ["SETTINGS"] })).clusters ?? [];
        if (!c || c.status === "INACTIVE") throw new NotFound(`cluster ${nameOf(r)}`);
        const insights = (s: { name?: string; value?: string }[] | undefined) => s?.find((x) => x.name === "containerInsights")?.value ?? "disabled";
        return [eq("status", c.status, "ACTIVE"), eq("containerInsights", insights(c.settings), insights(r.inputs.settings as { name?: string; value?: string }[] | undefined))];
    },
};

/** Healthy targets across the stack's target groups: blue/green moves tasks between them. */
async function healthyTargets(v: Verifier): Promise<number> {
    let healthy = 0;
    for (const tg of v.ofType("aws:lb/targetGroup:TargetGroup")) {
        const [group] = (await v.call("elasticloadbalancing:DescribeTargetGroups", { Names: [nameOf(tg)] })).TargetGroups ?? [];
        if (!group?.TargetGroupArn) continue;
        const health = await v.call("elasticloadbalancing:DescribeTargetHealth", { TargetGroupArn: group.TargetGroupArn });
        healthy += (health.TargetHealthDescriptions ?? []).filter((t) => t.TargetHealth?.State === "healthy").length;
    }
    return healthy;
}

export const service: Check = {
    id: "ecs.service",
    type: "aws:ecs/service:Service",
    actions: ["ecs:DescribeServices", "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth"],
    async observe(r, v) {
        const clusterRef = String(r.inputs.cluster ?? "");
        const clusterName = clusterRef.slice(clusterRef.lastIndexOf("/") + 1);
        const [s] = (await v.call("ecs:DescribeServices", { cluster: clusterName, services: [nameOf(r)] })).services ?? [];
        if (!s || s.status === "INACTIVE") throw new NotFound(`service ${nameOf(r)} in ${clusterName}`);
        const desired = Number(r.inputs.desiredCount ?? 1);
        const observations: Observation[] = [
            eq("status", s.status, "ACTIVE"),
            eq("desiredCount", s.desiredCount, desired),
            eq("runningCount", s.runningCount, desired),
            eq("launchType", s.launchType ?? null, r.inputs.launchType ?? null),
            eq("deploymentController", s.deploymentController?.type ?? "ECS", (r.inputs.deploymentController as { type?: string } | undefined)?.type ?? "ECS"),
        ];
        if (Array.isArray(r.inputs.loadBalancers) && r.inputs.loadBalancers.length > 0) {
            const healthy = await healthyTargets(v);
            observations.push({ property: "healthy targets", found: healthy, expected: `>= ${Math.min(desired, 1)}`, ok: healthy >= Math.min(desired, 1) });
        }
        return observations;
    },
};

export const targetGroup: Check = {
    id: "elbv2.target-group",
    type: "aws:lb/targetGroup:TargetGroup",
    actions: ["elasticloadbalancing:DescribeTargetGroups"],
    async observe(r, v) {
        const [g] = (await v.call("elasticloadbalancing:DescribeTargetGroups", { Names: [nameOf(r)] })).TargetGroups ?? [];
        if (!g) throw new NotFound(`target group ${nameOf(r)}`);
        const health = (r.inputs.healthCheck ?? {}) as { path?: string };
        return [eq("Port", g.Port, r.inputs.port), eq("Protocol", g.Protocol, r.inputs.protocol), eq("TargetType", g.TargetType, r.inputs.targetType), eq("HealthCheckPath", g.HealthCheckPath, health.path)];
    },
};

/** `forward payment-blue-dev`, `redirect HTTPS:443`: an action by its type and target, without account or ids. */
function actionText(a: { type?: string; targetGroupArn?: string; redirect?: { protocol?: string; port?: string } }): string {
    const group = /:targetgroup\/([^/]+)\//.exec(a.targetGroupArn ?? "")?.[1];
    if (group !== undefined) return `${a.type} ${group}`;
    return a.redirect ? `${a.type} ${a.redirect.protocol}:${a.redirect.port}` : String(a.type);
}

export const listener: Check = {
    id: "elbv2.listener",
    type: "aws:lb/listener:Listener",
    actions: ["elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeListeners"],
    async observe(r, v) {
        const balancer = v.ofType("aws:lb/loadBalancer:LoadBalancer").find((b) => String(r.inputs.loadBalancerArn ?? "").includes(`/${String(b.inputs.name)}/`));
        if (!balancer) throw new CannotCheck(`the listener's load balancer ${String(r.inputs.loadBalancerArn)} is not in the plan`);
        const [lb] = await v.call("elasticloadbalancing:DescribeLoadBalancers", { Names: [nameOf(balancer)] });
        if (!lb?.LoadBalancerArn) throw new NotFound(`load balancer ${nameOf(balancer)}`);
        const found = (await v.call("elasticloadbalancing:DescribeListeners", { LoadBalancerArn: lb.LoadBalancerArn })).find((l) => l.Port === r.inputs.port);
        if (!found) throw new NotFound(`no listener on port ${String(r.inputs.port)} of ${nameOf(balancer)}`);
        const planned = (r.inputs.defaultActions ?? []) as Parameters<typeof actionText>[0][];
        const observations: Observation[] = [
            eq("Protocol", found.Protocol, r.inputs.protocol),
            eq("Certificates", (found.Certificates ?? []).map((c) => c.CertificateArn), r.inputs.certificateArn ? [r.inputs.certificateArn] : []),
            eq("DefaultActions", (found.DefaultActions ?? []).map((a) => actionText({ type: a.Type, targetGroupArn: a.TargetGroupArn, redirect: a.RedirectConfig ? { protocol: a.RedirectConfig.Protocol, port: a.RedirectConfig.Port } : undefined })), planned.map(actionText)),
        ];
        // A TLS listener without a planned policy gets AWS's default, which the plan does not state.
        if (r.inputs.sslPolicy !== undefined || found.Protocol === "HTTP") observations.push(eq("SslPolicy", found.SslPolicy ?? null, r.inputs.sslPolicy ?? null));
        return observations;
    },
};

export const OPERATIONS_CHECKS = [logGroup, alarm, cluster, service, targetGroup, listener];
