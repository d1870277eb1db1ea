/**
 * CodeBuild projects and CodePipeline pipelines: what the build role and the pipeline role are
 * called on to do by the project's configuration and by each action of each stage.
 */
import type { AccessModel } from "../model";
import type { AccessCall, AccessResource } from "../types";
import { secretCalls } from "./secrets";
import { arnBase, assume, calls, keyUse, list, logGroup, obj, str, streamArn } from "./call";
import { ecsRolesOfDeploymentGroup } from "./deploy";

function bucketArn(name: unknown): string {
    return `arn:aws:s3:::${String(name)}`;
}

/** The artifact bucket's calls and its key, used through S3, for a build or pipeline role. */
function artifactCalls(m: AccessModel, objects: "codebuild.artifacts" | "pipeline.artifacts", bucket: "codebuild.artifact-bucket" | "pipeline.artifact-bucket", role: string, bucketName: unknown, keyRef: unknown, by: AccessResource): AccessCall[] {
    const arn = bucketArn(bucketName);
    return [...calls(objects, role, `${arn}/artifact`, by), ...calls(bucket, role, arn, by), ...keyUse(m, "s3.key", role, keyRef, "s3", by, { "kms:EncryptionContext:aws:s3:arn": arn })];
}

function buildVariableCalls(m: AccessModel, project: AccessResource, role: string): AccessCall[] {
    const out: AccessCall[] = [];
    for (const v of list(obj(project.inputs["environment"])?.["environmentVariables"]) as { type?: string; value?: string }[]) {
        const value = str(v.value);
        if (value === undefined) continue;
        if (v.type === "SECRETS_MANAGER") out.push(...secretCalls(m, "codebuild.secret", role, value, project));
        else if (v.type === "PARAMETER_STORE") out.push(...calls("codebuild.parameter", role, `${arnBase(m, "ssm")}parameter/${value.replace(/^\//, "")}`, project));
        else {
            // A plain variable naming one of the stack's repositories by URI is where the build pushes.
            const repo = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/([^:@]+)$/.exec(value);
            const target = repo === null ? undefined : m.find("aws:ecr/repository:Repository", repo[1]);
            if (target) {
                out.push(...calls("codebuild.ecr-push", role, "*", project, {}, ["ecr:GetAuthorizationToken"]));
                out.push(...calls("codebuild.ecr-push", role, m.arnOf(target), project, {}, CONTRACT_PUSH));
            }
        }
    }
    return out;
}

const CONTRACT_PUSH = ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"];

function vpcCalls(m: AccessModel, project: AccessResource, role: string): AccessCall[] {
    const vpc = obj(project.inputs["vpcConfig"]);
    if (vpc === undefined) return [];
    const ec2 = arnBase(m, "ec2");
    const subnets = list(vpc["subnets"]).map((s) => `${ec2}subnet/${String(s)}`);
    const eni = `${ec2}network-interface/eni-build`;
    const vpcArn = `${ec2}vpc/${String(vpc["vpcId"])}`;
    return [
        ...calls("codebuild.vpc-describe", role, "*", project),
        ...calls("codebuild.vpc-interface", role, eni, project, { "ec2:Vpc": vpcArn, "ec2:Subnet": subnets[0] ?? "" }),
        ...subnets.flatMap((s) => calls("codebuild.vpc-interface", role, s, project, { "ec2:Vpc": vpcArn }, ["ec2:CreateNetworkInterface"])),
        ...list(vpc["securityGroupIds"]).flatMap((g) => calls("codebuild.vpc-interface", role, `${ec2}security-group/${String(g)}`, project, { "ec2:Vpc": vpcArn }, ["ec2:CreateNetworkInterface"])),
        ...subnets.flatMap((s) => calls("codebuild.vpc-permission", role, eni, project, { "ec2:Subnet": s, "ec2:AuthorizedService": "codebuild.amazonaws.com", "ec2:Vpc": vpcArn })),
    ];
}

export function codeBuildCalls(m: AccessModel): AccessCall[] {
    const out: AccessCall[] = [];
    for (const project of m.ofType("aws:codebuild/project:Project")) {
        const role = str(project.inputs["serviceRole"]);
        if (role === undefined) continue;
        const name = str(project.inputs["name"]) ?? project.name;
        const projectArn = m.arnOf(project);
        out.push(...assume(m, "codebuild.assume-role", "codebuild.amazonaws.com", role, project, { "aws:SourceAccount": m.account, "aws:SourceArn": projectArn }));
        const group = logGroup(m, obj(obj(project.inputs["logsConfig"])?.["cloudwatchLogs"])?.["groupName"]);
        if (group) out.push(...calls("codebuild.logs", role, streamArn(m, group, "build-id"), project));
        // CODEPIPELINE artifacts land in the bucket of every pipeline that runs the project.
        for (const pipeline of pipelinesRunning(m, name)) {
            for (const store of list(pipeline.inputs["artifactStores"]) as Record<string, unknown>[]) {
                out.push(...artifactCalls(m, "codebuild.artifacts", "codebuild.artifact-bucket", role, store["location"], project.inputs["encryptionKey"], project));
            }
        }
        const cache = obj(project.inputs["cache"]);
        const location = str(cache?.["location"]);
        if (cache?.["type"] === "S3" && location !== undefined) {
            const [bucket, ...prefix] = location.split("/");
            out.push(...calls("codebuild.cache", role, `${bucketArn(bucket)}/${prefix.join("/")}/cache.zip`, project), ...calls("codebuild.cache-bucket", role, bucketArn(bucket), project));
            out.push(...keyUse(m, "s3.key", role, project.inputs["encryptionKey"], "s3", project, { "kms:EncryptionContext:aws:s3:arn": bucketArn(bucket) }));
        }
        for (const rg of m.ofType("aws:codebuild/reportGroup:ReportGroup").filter((g) => String(g.inputs["name"] ?? "").startsWith(`${name}-`))) {
            out.push(...calls(rg.inputs["type"] === "CODE_COVERAGE" ? "codebuild.reports-coverage" : "codebuild.reports-test", role, m.arnOf(rg), project));
        }
        out.push(...buildVariableCalls(m, project, role), ...vpcCalls(m, project, role));
    }
    return out;
}

function pipelinesRunning(m: AccessModel, projectName: string): AccessResource[] {
    return m.ofType("aws:codepipeline/pipeline:Pipeline").filter((p) => actionsOf(p).some((a) => a.provider === "CodeBuild" && obj(a.configuration)?.["ProjectName"] === projectName));
}

interface StageAction {
    readonly provider?: string;
    readonly configuration?: Record<string, unknown>;
}

function actionsOf(pipeline: AccessResource): StageAction[] {
    return (list(pipeline.inputs["stages"]) as { actions?: unknown }[]).flatMap((s) => list(s.actions) as StageAction[]);
}

function actionCalls(m: AccessModel, pipeline: AccessResource, role: string, a: StageAction): AccessCall[] {
    const c = a.configuration ?? {};
    switch (a.provider) {
        case "CodeStarSourceConnection":
        {
            const arn = str(c["ConnectionArn"]);
            if (arn === undefined) return [];
            const prefix = arn.split(":")[2] === "codestar-connections" ? "codestar-connections" : "codeconnections";
            return calls("pipeline.connection", role, arn, pipeline, {}, [`${prefix}:UseConnection`]);
        }
        case "CodeCommit": {
            const repo = m.find("aws:codecommit/repository:Repository", c["RepositoryName"]);
            return repo === undefined ? [] : calls("pipeline.codecommit", role, m.arnOf(repo), pipeline);
        }
        case "CodeBuild": {
            const project = m.find("aws:codebuild/project:Project", c["ProjectName"]);
            return project === undefined ? [] : calls("pipeline.codebuild", role, m.arnOf(project), pipeline);
        }
        case "Manual": {
            const topic = m.find("aws:sns/topic:Topic", c["NotificationArn"]);
            if (topic === undefined) return [];
            return [...calls("pipeline.approval", role, m.arnOf(topic), pipeline), ...keyUse(m, "sns.key", role, topic.inputs["kmsMasterKeyId"], "sns", pipeline)];
        }
        case "Lambda": {
            const fn = m.find("aws:lambda/function:Function", c["FunctionName"]);
            if (fn === undefined) return [];
            return [...calls("pipeline.lambda", role, m.arnOf(fn), pipeline, {}, ["lambda:InvokeFunction"]), ...calls("pipeline.lambda", role, "*", pipeline, {}, ["lambda:ListFunctions"])];
        }
        case "CodeDeployToECS":
            return codeDeployActionCalls(m, pipeline, role, c);
        default:
            return [];
    }
}

function codeDeployActionCalls(m: AccessModel, pipeline: AccessResource, role: string, c: Record<string, unknown>): AccessCall[] {
    const cd = arnBase(m, "codedeploy");
    const app = String(c["ApplicationName"]);
    const group = m.ofType("aws:codedeploy/deploymentGroup:DeploymentGroup").find((g) => g.inputs["appName"] === app && g.inputs["deploymentGroupName"] === c["DeploymentGroupName"]);
    if (group === undefined) return [];
    const groupArn = `${cd}deploymentgroup:${app}/${String(c["DeploymentGroupName"])}`;
    const config = String(group.inputs["deploymentConfigName"] ?? "CodeDeployDefault.ECSAllAtOnce");
    return [
        ...calls("pipeline.codedeploy-ecs", role, groupArn, pipeline, {}, ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"]),
        ...calls("pipeline.codedeploy-ecs", role, `${cd}application:${app}`, pipeline, {}, ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"]),
        ...calls("pipeline.codedeploy-ecs", role, `${cd}deploymentconfig:${config}`, pipeline, {}, ["codedeploy:GetDeploymentConfig"]),
        ...calls("pipeline.codedeploy-ecs", role, "*", pipeline, {}, ["ecs:RegisterTaskDefinition"]),
        ...ecsRolesOfDeploymentGroup(m, group).flatMap((r) => calls("pipeline.codedeploy-ecs", role, r, pipeline, { "iam:PassedToService": "ecs-tasks.amazonaws.com" }, ["iam:PassRole"])),
    ];
}

export function pipelineCalls(m: AccessModel): AccessCall[] {
    const out: AccessCall[] = [];
    for (const pipeline of m.ofType("aws:codepipeline/pipeline:Pipeline")) {
        const role = str(pipeline.inputs["roleArn"]);
        if (role === undefined) continue;
        out.push(...assume(m, "pipeline.assume-role", "codepipeline.amazonaws.com", role, pipeline, { "aws:SourceAccount": m.account, "aws:SourceArn": m.arnOf(pipeline) }));
        for (const store of list(pipeline.inputs["artifactStores"]) as Record<string, unknown>[]) {
            out.push(...artifactCalls(m, "pipeline.artifacts", "pipeline.artifact-bucket", role, store["location"], obj(store["encryptionKey"])?.["id"], pipeline));
        }
        for (const a of actionsOf(pipeline)) out.push(...actionCalls(m, pipeline, role, a));
    }
    return out;
}
