/**
 * Deployments: CodeDeploy shifting an ECS service blue/green, and Lambda functions (their logs,
 * their image, and the deploy function of src/functions/lambdaRelease releasing another function).
 */
import type { AccessModel } from "../model";
import type { AccessCall, AccessResource } from "../types";
import { arnBase, assume, calls, keyUse, list, logGroup, obj, str, streamArn } from "./call";

/** The task and execution roles of the ECS service a deployment group deploys: what it passes. */
export function ecsRolesOfDeploymentGroup(m: AccessModel, group: AccessResource): string[] {
    const target = obj(group.inputs["ecsService"]);
    const service = m.ofType("aws:ecs/service:Service").find((s) => s.inputs["name"] === target?.["serviceName"]);
    const td = service === undefined ? undefined : m.find("aws:ecs/taskDefinition:TaskDefinition", service.inputs["taskDefinition"]);
    return [str(td?.inputs["taskRoleArn"]), str(td?.inputs["executionRoleArn"])].filter((r): r is string => r !== undefined);
}

function codeDeployEcsCalls(m: AccessModel, group: AccessResource, role: string): AccessCall[] {
    const target = obj(group.inputs["ecsService"]);
    const cluster = String(target?.["clusterName"]);
    const service = String(target?.["serviceName"]);
    const ecs = arnBase(m, "ecs");
    const route = obj(obj(group.inputs["loadBalancerInfo"])?.["targetGroupPairInfo"]);
    const listeners = [obj(route?.["prodTrafficRoute"]), obj(route?.["testTrafficRoute"])].flatMap((r) => list(r?.["listenerArns"]).map(String));
    const alarms = list(obj(group.inputs["alarmConfiguration"])?.["alarms"]).map((a) => `${arnBase(m, "cloudwatch")}alarm:${String(a)}`);
    const pick = (...actions: string[]) => actions;
    return [
        ...calls("codedeploy.ecs", role, `${ecs}service/${cluster}/${service}`, group, {}, pick("ecs:DescribeServices", "ecs:UpdateServicePrimaryTaskSet")),
        // The reference authorizes CreateTaskSet on the task set it creates, not on the service.
        ...calls("codedeploy.ecs", role, `${ecs}task-set/${cluster}/${service}/ecs-svc-1`, group, {}, pick("ecs:CreateTaskSet", "ecs:DeleteTaskSet")),
        ...calls("codedeploy.ecs", role, "*", group, {}, pick("elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules")),
        ...listeners.flatMap((l) => [
            ...calls("codedeploy.ecs", role, l, group, {}, pick("elasticloadbalancing:ModifyListener")),
            ...calls("codedeploy.ecs", role, `${l.replace(":listener/", ":listener-rule/")}/rule-1`, group, {}, pick("elasticloadbalancing:ModifyRule")),
        ]),
        ...alarms.flatMap((a) => calls("codedeploy.ecs", role, a, group, {}, pick("cloudwatch:DescribeAlarms"))),
        ...ecsRolesOfDeploymentGroup(m, group).flatMap((r) => calls("codedeploy.ecs", role, r, group, { "iam:PassedToService": "ecs-tasks.amazonaws.com" }, pick("iam:PassRole"))),
    ];
}

export function codeDeployCalls(m: AccessModel): AccessCall[] {
    return m.ofType("aws:codedeploy/deploymentGroup:DeploymentGroup").flatMap((group) => {
        const role = str(group.inputs["serviceRoleArn"]);
        if (role === undefined) return [];
        const ecs = obj(group.inputs["ecsService"]) !== undefined;
        return [...assume(m, "codedeploy.assume-role", "codedeploy.amazonaws.com", role, group, { "aws:SourceAccount": m.account }), ...(ecs ? codeDeployEcsCalls(m, group, role) : [])];
    });
}

/** The deploy function (src/functions/lambdaRelease): it names its target and history table in its environment. */
function deployFunctionCalls(m: AccessModel, fn: AccessResource, role: string, env: Record<string, unknown>): AccessCall[] {
    const out: AccessCall[] = [];
    const target = m.find("aws:lambda/function:Function", env["TARGET_FUNCTION_NAME"]);
    if (target) {
        const arn = m.arnOf(target);
        out.push(...calls("lambda.deploy.release", role, arn, fn, {}, ["lambda:GetFunctionConfiguration", "lambda:UpdateFunctionCode", "lambda:PublishVersion", "lambda:GetFunction", "lambda:GetAlias"]));
        out.push(...calls("lambda.deploy.release", role, `${arn}:live`, fn, {}, ["lambda:GetAlias", "lambda:CreateAlias", "lambda:UpdateAlias"]));
        out.push(...keyUse(m, "lambda.target-key", role, target.inputs["kmsKeyArn"], "lambda", fn));
    }
    const table = m.find("aws:dynamodb/table:Table", env["DEPLOYMENT_TABLE_NAME"]);
    if (table) {
        out.push(...calls("lambda.deploy.history", role, m.arnOf(table), fn));
        const sse = obj(table.inputs["serverSideEncryption"]);
        if (sse?.["enabled"] === true) out.push(...keyUse(m, "dynamodb.key", role, sse["kmsKeyArn"], "dynamodb", fn));
    }
    // Only a function some pipeline invokes reports job results.
    const invoked = m.ofType("aws:codepipeline/pipeline:Pipeline").some((p) => JSON.stringify(p.inputs["stages"] ?? []).includes(`"FunctionName":"${String(fn.inputs["name"])}"`));
    if (invoked) out.push(...calls("lambda.deploy.job-result", role, "*", fn));
    return out;
}

export function lambdaCalls(m: AccessModel): AccessCall[] {
    const out: AccessCall[] = [];
    for (const fn of m.ofType("aws:lambda/function:Function")) {
        const role = str(fn.inputs["role"]);
        const arn = m.arnOf(fn);
        if (role !== undefined) out.push(...assume(m, "lambda.assume-role", "lambda.amazonaws.com", role, fn, { "aws:SourceAccount": m.account, "aws:SourceArn": arn }));
        const group = logGroup(m, obj(fn.inputs["loggingConfig"])?.["logGroup"] ?? `/aws/lambda/${String(fn.inputs["name"] ?? fn.name)}`);
        if (role !== undefined && group) out.push(...calls("lambda.logs", role, streamArn(m, group, "2026/01/01/[$LATEST]abc"), fn));
        const image = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/([^:@]+)/.exec(String(fn.inputs["imageUri"] ?? ""));
        const repo = image === null ? undefined : m.find("aws:ecr/repository:Repository", image[1]);
        if (repo) out.push(...calls("lambda.ecr-pull", "lambda.amazonaws.com", m.arnOf(repo), fn, { "aws:SourceAccount": m.account, "aws:SourceArn": arn }));
        const env = obj(obj(fn.inputs["environment"])?.["variables"]) ?? {};
        if (role !== undefined && env["TARGET_FUNCTION_NAME"] !== undefined) out.push(...deployFunctionCalls(m, fn, role, env));
    }
    return out;
}
