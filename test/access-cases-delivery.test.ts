/**
 * The access check's delivery integrations, cdk-nag style: a passing plan and numbered failing
 * plans for a CodeBuild project, a CodePipeline pipeline and a CodeDeploy ECS deployment group.
 */
import { A, allow, arn, checkIntegrations, grant, key, KEY_ROOT, keyArn, logArn, plan, R, res, role, roleArn, via, type Doc, type Integration, type Parts } from "./support/access";

type Grants<K extends string> = Partial<Record<K, Doc | undefined>>;
const defined = (grants: Readonly<Record<string, Doc | undefined>>) => Object.values(grants).filter((g): g is Doc => g !== undefined);

// --- CodeBuild ---
const BUILD = roleArn("build");
const ART = "arn:aws:s3:::art-bucket";
const CACHE = "arn:aws:s3:::cache-bucket";
const REPORTS = arn("codebuild", "report-group/build-tests");
const TOKEN = arn("secretsmanager", "secret:token-AbCdEf");
const REPO = arn("ecr", "repository/app");
const EC2 = arn("ec2", "");
const ENI = `${EC2}network-interface/eni-build`;
const SUBNET = `${EC2}subnet/subnet-1`;
const BUILD_LOG = `${logArn("/codebuild/build")}:log-stream:build-id`;

const BUILD_GRANTS = {
    logs: allow("Logs", ["logs:CreateLogStream", "logs:PutLogEvents"], `${logArn("/codebuild/build")}:*`),
    artifacts: allow("Artifacts", ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], `${ART}/*`),
    artifactBucket: allow("ArtifactBucket", ["s3:GetBucketAcl", "s3:GetBucketLocation"], ART),
    cache: allow("Cache", ["s3:GetObject", "s3:PutObject"], `${CACHE}/build/*`),
    cacheBucket: allow("CacheBucket", ["s3:GetBucketAcl", "s3:GetBucketLocation"], CACHE),
    key: allow("Key", ["kms:GenerateDataKey", "kms:Decrypt"], keyArn("k"), via("s3")),
    secret: allow("Secret", "secretsmanager:GetSecretValue", TOKEN),
    secretKey: allow("SecretKey", "kms:Decrypt", keyArn("k"), via("secretsmanager")),
    parameter: allow("Parameter", "ssm:GetParameters", arn("ssm", "parameter/build/flag")),
    reports: allow("Reports", ["codebuild:CreateReport", "codebuild:UpdateReport", "codebuild:BatchPutTestCases"], REPORTS),
    login: allow("EcrLogin", "ecr:GetAuthorizationToken", "*"),
    push: allow("EcrPush", ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"], REPO),
    describe: allow("Describe", ["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"], "*"),
    create: allow("CreateEni", "ec2:CreateNetworkInterface", [`${EC2}network-interface/*`, SUBNET, `${EC2}security-group/sg-1`]),
    delete: allow("DeleteEni", "ec2:DeleteNetworkInterface", `${EC2}network-interface/*`, { StringEquals: { "ec2:Vpc": `${EC2}vpc/vpc-1` } }),
    attach: allow("AttachEni", "ec2:CreateNetworkInterfacePermission", `${EC2}network-interface/*`, { StringEquals: { "ec2:Subnet": [SUBNET], "ec2:AuthorizedService": "codebuild.amazonaws.com" } }),
};

function build(over: { grants?: Grants<keyof typeof BUILD_GRANTS>; parts?: Parts } = {}) {
    const env = [
        { name: "TOKEN", type: "SECRETS_MANAGER", value: TOKEN },
        { name: "FLAG", type: "PARAMETER_STORE", value: "/build/flag" },
        { name: "REPOSITORY_URI", type: "PLAINTEXT", value: `${A}.dkr.ecr.${R}.amazonaws.com/app` },
    ];
    return plan({
        key: key("k", KEY_ROOT),
        secret: res("aws:secretsmanager/secret:Secret", "token", { name: "token", kmsKeyId: keyArn("k") }),
        repo: res("aws:ecr/repository:Repository", "app", { name: "app" }),
        logs: res("aws:cloudwatch/logGroup:LogGroup", "build-logs", { name: "/codebuild/build" }),
        reports: res("aws:codebuild/reportGroup:ReportGroup", "tests", { name: "build-tests", type: "TEST" }),
        role: role("build", "codebuild.amazonaws.com", defined({ ...BUILD_GRANTS, ...over.grants })),
        project: res("aws:codebuild/project:Project", "build", {
            name: "build",
            serviceRole: BUILD,
            encryptionKey: keyArn("k"),
            logsConfig: { cloudwatchLogs: { groupName: "/codebuild/build" } },
            cache: { type: "S3", location: "cache-bucket/build" },
            environment: { environmentVariables: env },
            vpcConfig: { vpcId: "vpc-1", subnets: ["subnet-1"], securityGroupIds: ["sg-1"] },
        }),
        // The pipeline that runs the project puts its artifacts in its store (its own role is not under test here).
        pipeline: res("aws:codepipeline/pipeline:Pipeline", "p", { name: "p", artifactStores: [{ location: "art-bucket", type: "S3" }], stages: [{ name: "Build", actions: [{ provider: "CodeBuild", configuration: { ProjectName: "build" } }] }] }),
        ...over.parts,
    });
}

const codebuild: Integration = {
    name: "CodeBuild project (build role)",
    pass: build(),
    rows: ["codebuild.assume-role", "codebuild.logs", "codebuild.artifacts", "codebuild.artifact-bucket", "s3.key", "codebuild.cache", "codebuild.cache-bucket", "codebuild.secret", "secretsmanager.key", "codebuild.parameter", "codebuild.reports-test", "codebuild.ecr-push", "codebuild.vpc-describe", "codebuild.vpc-interface", "codebuild.vpc-permission"],
    fails: [
        { why: "no log grant", plan: build({ grants: { logs: undefined } }), denied: ["logs:CreateLogStream", "logs:PutLogEvents"].map((a) => ["codebuild.logs", BUILD, a, BUILD_LOG, "build"] as const) },
        {
            why: "the artifact grant names another bucket",
            plan: build({ grants: { artifacts: { ...BUILD_GRANTS.artifacts, Resource: "arn:aws:s3:::other/*" } } }),
            denied: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"].map((a) => ["codebuild.artifacts", BUILD, a, `${ART}/artifact`, "build"] as const),
        },
        { why: "no s3:GetBucketAcl on the artifact bucket", plan: build({ grants: { artifactBucket: { ...BUILD_GRANTS.artifactBucket, Action: "s3:GetBucketLocation" } } }), denied: [["codebuild.artifact-bucket", BUILD, "s3:GetBucketAcl", ART, "build"]] },
        {
            why: "the project's key is granted without kms:GenerateDataKey",
            plan: build({ grants: { key: { ...BUILD_GRANTS.key, Action: "kms:Decrypt" } } }),
            denied: [["s3.key", BUILD, "kms:GenerateDataKey", keyArn("k"), "build"], ["s3.key", BUILD, "kms:GenerateDataKey", keyArn("k"), "build"]],
        },
        {
            why: "the cache grant names the bucket's root, not the project's prefix",
            plan: build({ grants: { cache: { ...BUILD_GRANTS.cache, Resource: `${CACHE}/other/*` } } }),
            denied: ["s3:GetObject", "s3:PutObject"].map((a) => ["codebuild.cache", BUILD, a, `${CACHE}/build/cache.zip`, "build"] as const),
        },
        { why: "no bucket calls on the cache bucket", plan: build({ grants: { cacheBucket: undefined } }), denied: ["s3:GetBucketAcl", "s3:GetBucketLocation"].map((a) => ["codebuild.cache-bucket", BUILD, a, CACHE, "build"] as const) },
        { why: "the secret in the environment is not granted", plan: build({ grants: { secret: undefined } }), denied: [["codebuild.secret", BUILD, "secretsmanager:GetSecretValue", TOKEN, "build"]] },
        { why: "the parameter in the environment is not granted", plan: build({ grants: { parameter: undefined } }), denied: [["codebuild.parameter", BUILD, "ssm:GetParameters", arn("ssm", "parameter/build/flag"), "build"]] },
        { why: "the report group grant lacks BatchPutTestCases", plan: build({ grants: { reports: { ...BUILD_GRANTS.reports, Action: ["codebuild:CreateReport", "codebuild:UpdateReport"] } } }), denied: [["codebuild.reports-test", BUILD, "codebuild:BatchPutTestCases", REPORTS, "build"]] },
        { why: "no ECR login", plan: build({ grants: { login: undefined } }), denied: [["codebuild.ecr-push", BUILD, "ecr:GetAuthorizationToken", "*", "build"]] },
        { why: "the push grant lacks ecr:PutImage", plan: build({ grants: { push: { ...BUILD_GRANTS.push, Action: (BUILD_GRANTS.push["Action"] as string[]).slice(0, 4) } } }), denied: [["codebuild.ecr-push", BUILD, "ecr:PutImage", REPO, "build"]] },
        {
            why: "interface permissions not limited to CodeBuild's service are not what CodeBuild asks for: ec2:AuthorizedService names EC2",
            plan: build({ grants: { attach: { ...BUILD_GRANTS.attach, Condition: { StringEquals: { "ec2:Subnet": [SUBNET], "ec2:AuthorizedService": "ec2.amazonaws.com" } } } } }),
            denied: [["codebuild.vpc-permission", BUILD, "ec2:CreateNetworkInterfacePermission", ENI, "build"]],
        },
        { why: "creating interfaces is not granted on the build's security group", plan: build({ grants: { create: { ...BUILD_GRANTS.create, Resource: [`${EC2}network-interface/*`, SUBNET] } } }), denied: [["codebuild.vpc-interface", BUILD, "ec2:CreateNetworkInterface", `${EC2}security-group/sg-1`, "build"]] },
        { why: "the build role trusts CodePipeline, not CodeBuild", plan: build({ parts: { role: role("build", "codepipeline.amazonaws.com", defined(BUILD_GRANTS)) } }), denied: [["codebuild.assume-role", "codebuild.amazonaws.com", "sts:AssumeRole", BUILD, "build"]] },
    ],
};

// --- CodePipeline ---
const PIPE = roleArn("pipe");
const CONNECTION = arn("codeconnections", "connection/gh");
const CODECOMMIT = arn("codecommit", "repo");
const PROJECT = arn("codebuild", "project/build");
const TOPIC = arn("sns", "approvals");
const FN = arn("lambda", "function:deploy");
const CD = arn("codedeploy", "");
const TASK_ROLES = [roleArn("task"), roleArn("exec")];

const PIPE_GRANTS = {
    artifacts: allow("Artifacts", ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], `${ART}/*`),
    artifactBucket: allow("ArtifactBucket", ["s3:GetBucketVersioning", "s3:GetBucketLocation"], ART),
    artifactKey: allow("ArtifactKey", ["kms:GenerateDataKey", "kms:Decrypt"], keyArn("art-key"), via("s3")),
    connection: allow("Connection", "codeconnections:UseConnection", CONNECTION),
    codecommit: allow("CodeCommit", ["codecommit:GetBranch", "codecommit:GetCommit", "codecommit:UploadArchive", "codecommit:GetUploadArchiveStatus", "codecommit:CancelUploadArchive"], CODECOMMIT),
    build: allow("Build", ["codebuild:StartBuild", "codebuild:BatchGetBuilds"], PROJECT),
    approve: allow("Approve", "sns:Publish", TOPIC),
    approveKey: allow("ApproveKey", ["kms:GenerateDataKey", "kms:Decrypt"], keyArn("topic-key"), via("sns")),
    deployGroup: allow("DeployGroup", ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"], `${CD}deploymentgroup:app/dg`),
    deployApp: allow("DeployApp", ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"], `${CD}application:app`),
    deployConfig: allow("DeployConfig", "codedeploy:GetDeploymentConfig", `${CD}deploymentconfig:CodeDeployDefault.ECSAllAtOnce`),
    register: allow("Register", "ecs:RegisterTaskDefinition", "*"),
    pass: allow("PassTaskRoles", "iam:PassRole", TASK_ROLES, { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } }),
    invoke: allow("Invoke", "lambda:InvokeFunction", FN),
    list: allow("List", "lambda:ListFunctions", "*"),
};

/** The ECS service a deployment group deploys, with its task definition's two roles (roles of another stack here). */
const ecsTarget: Parts = {
    service: res("aws:ecs/service:Service", "svc", { name: "svc", taskDefinition: "td" }),
    td: res("aws:ecs/taskDefinition:TaskDefinition", "td", { family: "td", taskRoleArn: TASK_ROLES[0], executionRoleArn: TASK_ROLES[1], containerDefinitions: "[]" }),
};

function pipeline(over: { grants?: Grants<keyof typeof PIPE_GRANTS>; parts?: Parts } = {}) {
    const action = (provider: string, configuration: Record<string, unknown>) => ({ actions: [{ provider, configuration }] });
    return plan({
        artKey: key("art-key", KEY_ROOT),
        topicKey: key("topic-key", KEY_ROOT),
        connection: res("aws:codestarconnections/connection:Connection", "gh", { name: "gh" }),
        repo: res("aws:codecommit/repository:Repository", "repo", { repositoryName: "repo" }),
        project: res("aws:codebuild/project:Project", "build", { name: "build" }),
        topic: res("aws:sns/topic:Topic", "approvals", { name: "approvals", kmsMasterKeyId: keyArn("topic-key") }),
        fn: res("aws:lambda/function:Function", "deploy", { name: "deploy" }),
        group: res("aws:codedeploy/deploymentGroup:DeploymentGroup", "dg", { appName: "app", deploymentGroupName: "dg", ecsService: { clusterName: "c", serviceName: "svc" } }),
        ...ecsTarget,
        role: role("pipe", "codepipeline.amazonaws.com", defined({ ...PIPE_GRANTS, ...over.grants })),
        pipeline: res("aws:codepipeline/pipeline:Pipeline", "p", {
            name: "p",
            roleArn: PIPE,
            artifactStores: [{ location: "art-bucket", type: "S3", encryptionKey: { id: keyArn("art-key"), type: "KMS" } }],
            stages: [
                action("CodeStarSourceConnection", { ConnectionArn: CONNECTION }),
                action("CodeCommit", { RepositoryName: "repo" }),
                action("CodeBuild", { ProjectName: "build" }),
                action("Manual", { NotificationArn: TOPIC }),
                action("CodeDeployToECS", { ApplicationName: "app", DeploymentGroupName: "dg" }),
                action("Lambda", { FunctionName: "deploy" }),
            ],
        }),
        ...over.parts,
    });
}

const codepipeline: Integration = {
    name: "CodePipeline pipeline (pipeline role)",
    pass: pipeline(),
    rows: ["pipeline.assume-role", "pipeline.artifacts", "pipeline.artifact-bucket", "s3.key", "pipeline.connection", "pipeline.codecommit", "pipeline.codebuild", "pipeline.approval", "sns.key", "pipeline.codedeploy-ecs", "pipeline.lambda"],
    fails: [
        { why: "no s3:GetBucketVersioning on the artifact store", plan: pipeline({ grants: { artifactBucket: { ...PIPE_GRANTS.artifactBucket, Action: "s3:GetBucketLocation" } } }), denied: [["pipeline.artifact-bucket", PIPE, "s3:GetBucketVersioning", ART, "pipe"]] },
        {
            why: "the artifact key's policy does not delegate to the account",
            plan: pipeline({ parts: { artKey: key("art-key", grant("Build", { AWS: BUILD }, "kms:Decrypt", "*")) } }),
            denied: ["kms:GenerateDataKey", "kms:Decrypt"].map((a) => ["s3.key", PIPE, a, keyArn("art-key"), "art-key"] as const),
        },
        { why: "no codeconnections:UseConnection", plan: pipeline({ grants: { connection: undefined } }), denied: [["pipeline.connection", PIPE, "codeconnections:UseConnection", CONNECTION, "pipe"]] },
        {
            why: "the CodeCommit grant lacks GetUploadArchiveStatus",
            plan: pipeline({ grants: { codecommit: { ...PIPE_GRANTS.codecommit, Action: ["codecommit:GetBranch", "codecommit:GetCommit", "codecommit:UploadArchive", "codecommit:CancelUploadArchive"] } } }),
            denied: [["pipeline.codecommit", PIPE, "codecommit:GetUploadArchiveStatus", CODECOMMIT, "pipe"]],
        },
        {
            why: "the build grant names another project",
            plan: pipeline({ grants: { build: { ...PIPE_GRANTS.build, Resource: arn("codebuild", "project/other") } } }),
            denied: ["codebuild:StartBuild", "codebuild:BatchGetBuilds"].map((a) => ["pipeline.codebuild", PIPE, a, PROJECT, "pipe"] as const),
        },
        { why: "no sns:Publish on the approval topic", plan: pipeline({ grants: { approve: undefined } }), denied: [["pipeline.approval", PIPE, "sns:Publish", TOPIC, "pipe"]] },
        {
            why: "the approval topic's key lets only EventBridge use it",
            plan: pipeline({ parts: { topicKey: key("topic-key", grant("Events", { Service: "events.amazonaws.com" }, ["kms:GenerateDataKey*", "kms:Decrypt"], "*")) } }),
            denied: ["kms:GenerateDataKey", "kms:Decrypt"].map((a) => ["sns.key", PIPE, a, keyArn("topic-key"), "topic-key"] as const),
        },
        { why: "no GetDeploymentConfig", plan: pipeline({ grants: { deployConfig: undefined } }), denied: [["pipeline.codedeploy-ecs", PIPE, "codedeploy:GetDeploymentConfig", `${CD}deploymentconfig:CodeDeployDefault.ECSAllAtOnce`, "pipe"]] },
        {
            why: "iam:PassRole of the task roles is limited to CodeDeploy (iam:PassedToService), but ECS receives them",
            plan: pipeline({ grants: { pass: { ...PIPE_GRANTS.pass, Condition: { StringEquals: { "iam:PassedToService": "codedeploy.amazonaws.com" } } } } }),
            denied: TASK_ROLES.map((r) => ["pipeline.codedeploy-ecs", PIPE, "iam:PassRole", r, "pipe"] as const),
        },
        { why: "iam:PassRole names the task role only, not the execution role", plan: pipeline({ grants: { pass: { ...PIPE_GRANTS.pass, Resource: TASK_ROLES[0] } } }), denied: [["pipeline.codedeploy-ecs", PIPE, "iam:PassRole", TASK_ROLES[1]!, "pipe"]] },
        { why: "the invoke grant names another function", plan: pipeline({ grants: { invoke: { ...PIPE_GRANTS.invoke, Resource: arn("lambda", "function:other") } } }), denied: [["pipeline.lambda", PIPE, "lambda:InvokeFunction", FN, "pipe"]] },
        { why: "the pipeline role trusts CodeBuild", plan: pipeline({ parts: { role: role("pipe", "codebuild.amazonaws.com", defined(PIPE_GRANTS)) } }), denied: [["pipeline.assume-role", "codepipeline.amazonaws.com", "sts:AssumeRole", PIPE, "pipe"]] },
    ],
};

// --- CodeDeploy ECS blue/green ---
const DEPLOYER = roleArn("cd");
const ECS_ARN = arn("ecs", "");
const LISTENERS = [arn("elasticloadbalancing", "listener/app/lb/abc123/0000000000000443"), arn("elasticloadbalancing", "listener/app/lb/abc123/0000000000008443")];
const RULES = LISTENERS.map((l) => `${l.replace(":listener/", ":listener-rule/")}/rule-1`);
const ALARM = arn("cloudwatch", "alarm:svc-5xx");

const CD_GRANTS = {
    service: allow("Service", ["ecs:DescribeServices", "ecs:UpdateServicePrimaryTaskSet"], `${ECS_ARN}service/c/svc`),
    taskSets: allow("TaskSets", ["ecs:CreateTaskSet", "ecs:DeleteTaskSet"], `${ECS_ARN}task-set/c/svc/*`),
    describe: allow("Describe", ["elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules"], "*"),
    listeners: allow("Listeners", "elasticloadbalancing:ModifyListener", LISTENERS),
    rules: allow("Rules", "elasticloadbalancing:ModifyRule", LISTENERS.map((l) => `${l.replace(":listener/", ":listener-rule/")}/*`)),
    alarms: allow("Alarms", "cloudwatch:DescribeAlarms", ALARM),
    pass: allow("PassTaskRoles", "iam:PassRole", TASK_ROLES, { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } }),
};

function deployment(over: { grants?: Grants<keyof typeof CD_GRANTS>; parts?: Parts } = {}) {
    const route = (listener: string) => ({ listenerArns: [listener] });
    return plan({
        ...ecsTarget,
        role: role("cd", "codedeploy.amazonaws.com", defined({ ...CD_GRANTS, ...over.grants })),
        group: res("aws:codedeploy/deploymentGroup:DeploymentGroup", "dg", {
            appName: "app",
            deploymentGroupName: "dg",
            serviceRoleArn: DEPLOYER,
            ecsService: { clusterName: "c", serviceName: "svc" },
            loadBalancerInfo: { targetGroupPairInfo: { prodTrafficRoute: route(LISTENERS[0]!), testTrafficRoute: route(LISTENERS[1]!) } },
            alarmConfiguration: { alarms: ["svc-5xx"], enabled: true },
        }),
        ...over.parts,
    });
}

const codedeploy: Integration = {
    name: "CodeDeploy ECS blue/green (CodeDeploy role)",
    pass: deployment(),
    rows: ["codedeploy.assume-role", "codedeploy.ecs"],
    fails: [
        {
            why: "task sets are granted on the service ARN, where the reference does not authorize them",
            plan: deployment({ grants: { taskSets: { ...CD_GRANTS.taskSets, Resource: `${ECS_ARN}service/c/svc` } } }),
            denied: ["ecs:CreateTaskSet", "ecs:DeleteTaskSet"].map((a) => ["codedeploy.ecs", DEPLOYER, a, `${ECS_ARN}task-set/c/svc/ecs-svc-1`, "cd"] as const),
        },
        { why: "ModifyListener on the production listener only", plan: deployment({ grants: { listeners: { ...CD_GRANTS.listeners, Resource: LISTENERS[0] } } }), denied: [["codedeploy.ecs", DEPLOYER, "elasticloadbalancing:ModifyListener", LISTENERS[1]!, "cd"]] },
        { why: "no ModifyRule", plan: deployment({ grants: { rules: undefined } }), denied: RULES.map((r) => ["codedeploy.ecs", DEPLOYER, "elasticloadbalancing:ModifyRule", r, "cd"] as const) },
        {
            why: "no load balancer Describe calls",
            plan: deployment({ grants: { describe: undefined } }),
            denied: ["elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules"].map((a) => ["codedeploy.ecs", DEPLOYER, a, "*", "cd"] as const),
        },
        { why: "DescribeAlarms names another alarm", plan: deployment({ grants: { alarms: { ...CD_GRANTS.alarms, Resource: arn("cloudwatch", "alarm:other") } } }), denied: [["codedeploy.ecs", DEPLOYER, "cloudwatch:DescribeAlarms", ALARM, "cd"]] },
        { why: "iam:PassRole without the execution role", plan: deployment({ grants: { pass: { ...CD_GRANTS.pass, Resource: TASK_ROLES[0] } } }), denied: [["codedeploy.ecs", DEPLOYER, "iam:PassRole", TASK_ROLES[1]!, "cd"]] },
        { why: "no iam:PassRole at all", plan: deployment({ grants: { pass: undefined } }), denied: TASK_ROLES.map((r) => ["codedeploy.ecs", DEPLOYER, "iam:PassRole", r, "cd"] as const) },
        { why: "the CodeDeploy role trusts ECS", plan: deployment({ parts: { role: role("cd", "ecs.amazonaws.com", defined(CD_GRANTS)) } }), denied: [["codedeploy.assume-role", "codedeploy.amazonaws.com", "sts:AssumeRole", DEPLOYER, "cd"]] },
    ],
};

checkIntegrations([codebuild, codepipeline, codedeploy]);
