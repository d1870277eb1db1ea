/**
 * The pipelines: topics and their subscriptions, roles, pipelines and their last execution,
 * build projects, the source connection, repositories, the CodeDeploy deployment group, the
 * functions, and the EventBridge rules with their targets.
 */
import type { Check, Observation } from "../check";
import { eq, nameOf, sameKey, sorted } from "../check";
import { CannotCheck, NotFound } from "../verifier";

export const topic: Check = {
    id: "sns.topic",
    type: "aws:sns/topic:Topic",
    actions: ["sns:GetTopicAttributes", "kms:DescribeKey"],
    async observe(r, v) {
        const attributes = (await v.call("sns:GetTopicAttributes", { TopicArn: v.liveArn("sns", nameOf(r)) })).Attributes ?? {};
        return [await sameKey(v, "KmsMasterKeyId", attributes.KmsMasterKeyId, r.inputs.kmsMasterKeyId)];
    },
};

export const subscription: Check = {
    id: "sns.subscription",
    type: "aws:sns/topicSubscription:TopicSubscription",
    actions: ["sns:ListSubscriptionsByTopic"],
    async observe(r, v) {
        const topicArn = String(r.inputs.topic ?? "");
        const subs = await v.call("sns:ListSubscriptionsByTopic", { TopicArn: v.liveArn("sns", topicArn.slice(topicArn.lastIndexOf(":") + 1)) });
        const mine = subs.find((s) => s.Protocol === r.inputs.protocol && s.Endpoint === r.inputs.endpoint);
        if (!mine) throw new NotFound(`no ${String(r.inputs.protocol)} subscription for ${String(r.inputs.endpoint)}`);
        // An e-mail subscription delivers nothing until its recipient confirms it.
        return [{ property: "confirmed", found: mine.SubscriptionArn, expected: "a subscription ARN", ok: mine.SubscriptionArn !== "PendingConfirmation" && mine.SubscriptionArn !== "Deleted" }];
    },
};

/** The services a trust policy lets assume the role. */
function trustedServices(document: unknown): string[] {
    const doc = (typeof document === "string" ? JSON.parse(document) : document) as { Statement?: { Principal?: { Service?: string | string[] } }[] };
    return sorted((doc.Statement ?? []).flatMap((s) => [s.Principal?.Service ?? []].flat()));
}

export const role: Check = {
    id: "iam.role",
    type: "aws:iam/role:Role",
    actions: ["iam:GetRole"],
    async observe(r, v) {
        const found = (await v.call("iam:GetRole", { RoleName: nameOf(r) })).Role;
        if (!found) throw new NotFound(`role ${nameOf(r)}`);
        return [
            eq("trusted services", trustedServices(decodeURIComponent(found.AssumeRolePolicyDocument ?? "{}")), trustedServices(r.inputs.assumeRolePolicy ?? "{}")),
            eq("MaxSessionDuration", found.MaxSessionDuration, r.inputs.maxSessionDuration ?? 3600),
        ];
    },
};

type Stage = { name?: string; actions?: { name?: string }[] };
const layout = (stages: Stage[] | undefined) => (stages ?? []).map((s) => `${s.name}: ${(s.actions ?? []).map((a) => a.name).join(", ")}`);

export const pipeline: Check = {
    id: "codepipeline.pipeline",
    type: "aws:codepipeline/pipeline:Pipeline",
    actions: ["codepipeline:GetPipeline", "codepipeline:ListPipelineExecutions"],
    async observe(r, v) {
        const p = (await v.call("codepipeline:GetPipeline", { name: nameOf(r) })).pipeline;
        if (!p) throw new NotFound(`pipeline ${nameOf(r)}`);
        const [last] = (await v.call("codepipeline:ListPipelineExecutions", { pipelineName: nameOf(r), maxResults: 1 })).pipelineExecutionSummaries ?? [];
        const observations: Observation[] = [
            eq("stages", layout(p.stages as Stage[] | undefined), layout(r.inputs.stages as Stage[] | undefined)),
            eq("pipelineType", p.pipelineType, r.inputs.pipelineType ?? "V1"),
            eq("executionMode", p.executionMode, r.inputs.executionMode ?? "SUPERSEDED"),
        ];
        const status = last?.status;
        if (status === undefined || status === "InProgress" || status === "Stopping") {
            observations.push({ property: "last execution", found: status ?? "none", expected: "Succeeded", pending: status ? "the last execution is still running" : "the pipeline has not run yet" });
        } else {
            observations.push(eq("last execution", status, "Succeeded"));
        }
        return observations;
    },
};

export const buildProject: Check = {
    id: "codebuild.project",
    type: "aws:codebuild/project:Project",
    actions: ["codebuild:BatchGetProjects", "kms:DescribeKey"],
    async observe(r, v) {
        const [p] = (await v.call("codebuild:BatchGetProjects", { names: [nameOf(r)] })).projects ?? [];
        if (!p) throw new NotFound(`build project ${nameOf(r)}`);
        const env = (r.inputs.environment ?? {}) as { computeType?: string; type?: string; privilegedMode?: boolean };
        const observations = [eq("environment.computeType", p.environment?.computeType, env.computeType), eq("environment.type", p.environment?.type, env.type), eq("environment.privilegedMode", p.environment?.privilegedMode ?? false, env.privilegedMode ?? false)];
        if (r.inputs.encryptionKey) observations.push(await sameKey(v, "encryptionKey", p.encryptionKey, r.inputs.encryptionKey));
        return observations;
    },
};

export const connection: Check = {
    id: "codeconnections.connection",
    type: "aws:codestarconnections/connection:Connection",
    actions: ["codestar-connections:GetConnection"],
    async observe(r, v) {
        // The ARN ends with an id AWS assigns: the stack outputs it.
        const arn = v.liveOutputReferring(r);
        if (!arn) throw new CannotCheck(`the connection ${nameOf(r)}'s ARN is not among the stack outputs`);
        const c = (await v.call("codestar-connections:GetConnection", { ConnectionArn: arn })).Connection;
        if (!c) throw new NotFound(`connection ${arn}`);
        // A new connection stays PENDING until someone completes the handshake in the console.
        return [eq("ProviderType", c.ProviderType, r.inputs.providerType), eq("ConnectionStatus", c.ConnectionStatus, "AVAILABLE")];
    },
};

export const codeRepository: Check = {
    id: "codecommit.repository",
    type: "aws:codecommit/repository:Repository",
    actions: ["codecommit:GetRepository"],
    async observe(r, v) {
        const repo = (await v.call("codecommit:GetRepository", { repositoryName: nameOf(r, "repositoryName") })).repositoryMetadata;
        if (!repo) throw new NotFound(`repository ${nameOf(r, "repositoryName")}`);
        return [eq("defaultBranch", repo.defaultBranch ?? null, r.inputs.defaultBranch ?? repo.defaultBranch ?? null)];
    },
};

export const deploymentGroup: Check = {
    id: "codedeploy.deployment-group",
    type: "aws:codedeploy/deploymentGroup:DeploymentGroup",
    actions: ["codedeploy:GetDeploymentGroup"],
    async observe(r, v) {
        const g = (await v.call("codedeploy:GetDeploymentGroup", { applicationName: nameOf(r, "appName"), deploymentGroupName: nameOf(r, "deploymentGroupName") })).deploymentGroupInfo;
        if (!g) throw new NotFound(`deployment group ${nameOf(r, "deploymentGroupName")}`);
        const style = (r.inputs.deploymentStyle ?? {}) as { deploymentType?: string; deploymentOption?: string };
        const rollback = (r.inputs.autoRollbackConfiguration ?? {}) as { enabled?: boolean; events?: string[] };
        const alarms = (r.inputs.alarmConfiguration ?? {}) as { enabled?: boolean; alarms?: string[] };
        const ecs = (r.inputs.ecsService ?? {}) as { clusterName?: string; serviceName?: string };
        return [
            eq("deploymentStyle", `${g.deploymentStyle?.deploymentType}/${g.deploymentStyle?.deploymentOption}`, `${style.deploymentType}/${style.deploymentOption}`),
            eq("deploymentConfigName", g.deploymentConfigName, r.inputs.deploymentConfigName),
            eq("autoRollback.enabled", g.autoRollbackConfiguration?.enabled ?? false, rollback.enabled === true),
            eq("autoRollback.events", sorted(g.autoRollbackConfiguration?.events), sorted(rollback.events)),
            eq("alarms", sorted(g.alarmConfiguration?.alarms?.map((a) => a.name)), sorted(alarms.alarms)),
            eq("ecsServices", (g.ecsServices ?? []).map((s) => `${s.clusterName}/${s.serviceName}`), ecs.serviceName ? [`${ecs.clusterName}/${ecs.serviceName}`] : []),
        ];
    },
};

export const lambdaFunction: Check = {
    id: "lambda.function",
    type: "aws:lambda/function:Function",
    actions: ["lambda:GetFunctionConfiguration", "kms:DescribeKey"],
    async observe(r, v) {
        const f = await v.call("lambda:GetFunctionConfiguration", { FunctionName: nameOf(r) });
        const role = String(r.inputs.role ?? "");
        return [
            eq("State", f.State, "Active"),
            eq("PackageType", f.PackageType, r.inputs.packageType ?? "Zip"),
            eq("Runtime", f.Runtime ?? null, r.inputs.runtime ?? null),
            eq("MemorySize", f.MemorySize, r.inputs.memorySize ?? 128),
            eq("Timeout", f.Timeout, r.inputs.timeout ?? 3),
            eq("Architectures", f.Architectures, r.inputs.architectures ?? ["x86_64"]),
            eq("Role", f.Role?.slice(f.Role.lastIndexOf("/") + 1), role.slice(role.lastIndexOf("/") + 1)),
            await sameKey(v, "KMSKeyArn", f.KMSKeyArn, r.inputs.kmsKeyArn),
        ];
    },
};

/** An ARN or a document holding ARNs with every account id replaced: the plan's account is the mock's. */
const withoutAccount = (text: unknown) => String(text ?? "").replace(/(arn:aws[\w-]*:[^:"]*:[^:"]*:)\d{12}:/g, "$1<account>:");
const parsed = (pattern: unknown) => (typeof pattern === "string" && pattern !== "" ? (JSON.parse(withoutAccount(pattern)) as unknown) : null);

export const eventRule: Check = {
    id: "events.rule",
    type: "aws:cloudwatch/eventRule:EventRule",
    actions: ["events:DescribeRule", "events:ListTargetsByRule"],
    async observe(r, v) {
        const rule = await v.call("events:DescribeRule", { Name: nameOf(r) });
        const targets = (await v.call("events:ListTargetsByRule", { Rule: nameOf(r) })).Targets ?? [];
        const planned = v.ofType("aws:cloudwatch/eventTarget:EventTarget").filter((t) => t.inputs.rule === nameOf(r));
        const text = (id: unknown, arn: unknown, role: unknown) => `${String(id)} -> ${withoutAccount(arn)}${role ? ` as ${withoutAccount(role)}` : ""}`;
        return [
            eq("State", rule.State, r.inputs.state ?? (r.inputs.isEnabled === false ? "DISABLED" : "ENABLED")),
            eq("EventPattern", parsed(rule.EventPattern), parsed(r.inputs.eventPattern)),
            eq("ScheduleExpression", rule.ScheduleExpression ?? null, r.inputs.scheduleExpression ?? null),
            eq("targets", sorted(targets.map((t) => text(t.Id, t.Arn, t.RoleArn))), sorted(planned.map((t) => text(t.inputs.targetId, t.inputs.arn, t.inputs.roleArn)))),
        ];
    },
};

export const DELIVERY_CHECKS = [topic, subscription, role, pipeline, buildProject, connection, codeRepository, deploymentGroup, lambdaFunction, eventRule];
