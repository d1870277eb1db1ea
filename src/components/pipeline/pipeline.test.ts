/**
 * The CI/CD components on what they register: the fixture project (test/fixtures/cicd) planned
 * with a CodeCommit source and with a GitHub connection; plus the pure argument checks.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { planStack } from "../../offline/plan/planner";
import { readProject } from "../../offline/plan/project";
import type { StackPlan } from "../../offline/model/types";
import { statements, type Statement } from "../../offline/policy/documents";
import { actionsOf, ofType, one, resourcesOf } from "../../../test/helpers";
import { buildProblems } from "./build";
import { stageProblems } from "./actions";
import { PIPELINE_EVENT_TYPES } from "./pipeline";

const FIXTURE = readProject(path.join(__dirname, "..", "..", "..", "test", "fixtures", "cicd"));

let codecommit: StackPlan;
let github: StackPlan;

before(async () => {
    [codecommit, github] = await Promise.all([
        planStack(FIXTURE, "dev"),
        planStack(FIXTURE, "dev", { configOverrides: { "cicd-fixture:source": "github" } }),
    ]);
});

const policyOf = (p: StackPlan, name: string): Statement[] => statements(one(p, "aws:iam/policy:Policy", name).inputs.policy);

describe("CI/CD components under the planner", () => {
    it("plan without errors or mandatory violations, with either source", () => {
        for (const p of [codecommit, github]) {
            assert.equal(p.error, null, String(p.error));
            assert.deepEqual(p.violations.filter((v) => v.level === "mandatory"), []);
        }
    });

    it("export the clone URL for CodeCommit, and the pending connection for GitHub", () => {
        assert.equal(codecommit.outputs.cloneUrl, "https://git-codecommit.sa-east-1.amazonaws.com/v1/repos/fixture-app-dev");
        assert.equal(codecommit.outputs.connectionArn, "");
        assert.equal(codecommit.outputs.connectionStatus, "NONE");
        assert.equal(github.outputs.cloneUrl, "");
        assert.match(String(github.outputs.connectionArn), /^arn:aws:codeconnections:sa-east-1:/);
        assert.equal(github.outputs.connectionStatus, "PENDING");
        assert.equal(ofType(github, "aws:codecommit/repository:Repository").length, 0);
        const connection = one(github, "aws:codestarconnections/connection:Connection", "source");
        assert.equal(connection.inputs.name, "fixture-github-dev");
        assert.equal(connection.inputs.providerType, "GitHub");
    });
});

describe("BuildProject", () => {
    it("is encrypted with the customer key, takes its buildspec and logs to its own encrypted log group", () => {
        const project = one(codecommit, "aws:codebuild/project:Project", "build");
        assert.equal(project.inputs.name, "fixture-build-dev");
        assert.match(String(project.inputs.encryptionKey), /^arn:aws:kms:sa-east-1:123456789012:key\//);
        const source = project.inputs.source as { type: string; buildspec: string };
        assert.equal(source.type, "CODEPIPELINE");
        assert.match(source.buildspec, /npm test/);
        assert.deepEqual(project.inputs.artifacts, { type: "CODEPIPELINE" });
        const env = project.inputs.environment as Record<string, unknown>;
        assert.equal(env.computeType, "BUILD_GENERAL1_MEDIUM");
        assert.equal(env.type, "LINUX_CONTAINER");
        assert.equal(env.image, "aws/codebuild/amazonlinux-x86_64-standard:5.0");
        assert.equal(env.privilegedMode, true);
        const logs = project.inputs.logsConfig as { cloudwatchLogs: { status: string; groupName: string } };
        assert.deepEqual(logs.cloudwatchLogs, { status: "ENABLED", groupName: "/aws/codebuild/fixture-build-dev" });
        const group = one(codecommit, "aws:cloudwatch/logGroup:LogGroup", "build-logs");
        assert.equal(group.inputs.retentionInDays, 14);
        assert.match(String(group.inputs.kmsKeyId), /^arn:aws:kms:/);
        assert.equal(project.inputs.vpcConfig, undefined);
    });

    it("has a role trusted by CodeBuild and scoped to its log group, the artifact bucket and the key", () => {
        const role = one(codecommit, "aws:iam/role:Role", "build-role");
        assert.equal(role.inputs.name, "fixture-build-dev");
        assert.deepEqual(statements(role.inputs.assumeRolePolicy)[0]!.Principal, { Service: ["codebuild.amazonaws.com"] });
        const policy = policyOf(codecommit, "build-role-build");
        const bySid = Object.fromEntries(policy.map((s) => [s.Sid, s]));
        assert.deepEqual(resourcesOf(bySid.WriteOwnLogs!), ["arn:aws:logs:sa-east-1:123456789012:log-group:/aws/codebuild/fixture-build-dev:log-stream:*"]);
        assert.deepEqual(resourcesOf(bySid.PipelineArtifacts!), ["arn:aws:s3:::fixture-artifacts-dev-123456789012-sa-east-1/*"]);
        assert.deepEqual(resourcesOf(bySid.ArtifactBucket!), ["arn:aws:s3:::fixture-artifacts-dev-123456789012-sa-east-1"]);
        assert.match(resourcesOf(bySid.CustomerKey!)[0]!, /^arn:aws:kms:/);
        for (const s of policy) for (const a of actionsOf(s)) assert.ok(!a.includes("*"), `${s.Sid}: action ${a} has a wildcard`);
        assert.equal(ofType(codecommit, "aws:iam/policy:Policy").filter((p) => p.name.startsWith("build-role-")).length, 1, "no VPC or extra policy");
    });

    it("passes secrets by reference and lets the role read exactly those", () => {
        const project = one(codecommit, "aws:codebuild/project:Project", "deploy");
        const vars = (project.inputs.environment as { environmentVariables: { name: string; type: string; value: string }[] }).environmentVariables;
        assert.deepEqual(vars, [
            { name: "DB_PASSWORD", type: "SECRETS_MANAGER", value: "arn:aws:secretsmanager:sa-east-1:123456789012:secret:fixture-db-AbCdEf:password" },
            { name: "FEATURE_FLAGS", type: "PARAMETER_STORE", value: "/fixture/flags" },
        ]);
        const bySid = Object.fromEntries(policyOf(codecommit, "deploy-role-build").map((s) => [s.Sid, s]));
        assert.deepEqual(resourcesOf(bySid.ReadBuildSecrets!), ["arn:aws:secretsmanager:sa-east-1:123456789012:secret:fixture-db-AbCdEf"]);
        // The secret's key, only through Secrets Manager.
        assert.deepEqual(actionsOf(bySid.ReadBuildSecretsKey!), ["kms:Decrypt"]);
        assert.deepEqual(bySid.ReadBuildSecretsKey!.Condition, { StringEquals: { "kms:ViaService": "secretsmanager.sa-east-1.amazonaws.com" } });
        assert.deepEqual(resourcesOf(bySid.ReadBuildParameters!), ["arn:aws:ssm:sa-east-1:123456789012:parameter/fixture/flags"]);
        const extra = policyOf(codecommit, "deploy-role-describe-database");
        assert.deepEqual(extra.map((s) => s.Sid), ["DescribeDatabase"]);
    });

    it("runs in the given subnets with ENI permissions limited to them", () => {
        const project = one(codecommit, "aws:codebuild/project:Project", "deploy");
        assert.deepEqual(project.inputs.vpcConfig, { vpcId: "vpc-0fixture", subnets: ["subnet-a", "subnet-b"], securityGroupIds: ["sg-deploy"] });
        const bySid = Object.fromEntries(policyOf(codecommit, "deploy-role-vpc").map((s) => [s.Sid, s]));
        assert.deepEqual(resourcesOf(bySid.DescribeNetwork!), ["*"]);
        assert.ok(actionsOf(bySid.DescribeNetwork!).every((a) => a.startsWith("ec2:Describe")), "only Describe calls on *");
        const arn = (r: string) => `arn:aws:ec2:sa-east-1:123456789012:${r}`;
        assert.deepEqual(resourcesOf(bySid.CreateInterfacesInBuildSubnets!), [arn("network-interface/*"), arn("subnet/subnet-a"), arn("subnet/subnet-b"), arn("security-group/sg-deploy")]);
        assert.deepEqual(bySid.AttachInterfacesForCodeBuild!.Condition, {
            StringEquals: { "ec2:Subnet": [arn("subnet/subnet-a"), arn("subnet/subnet-b")], "ec2:AuthorizedService": "codebuild.amazonaws.com" },
        });
        assert.deepEqual(bySid.DeleteOwnInterfaces!.Condition, { StringEquals: { "ec2:Vpc": arn("vpc/vpc-0fixture") } });
    });

    it("rejects bad arguments, every problem at once", () => {
        const problems = buildProblems({
            environmentVariables: [
                { name: "AWS_SECRET_ACCESS_KEY", value: "x" },
                { name: "A", value: "1" },
                { name: "A", value: "2" },
            ],
            vpc: { vpcId: "vpc-1", subnetIds: [], securityGroupIds: ["sg-1"] },
            buildTimeoutMinutes: 3,
            queuedTimeoutMinutes: 481,
        });
        assert.equal(problems.length, 5, problems.join("\n"));
        assert.match(problems.join("\n"), /CodeBuild\.2/);
        assert.deepEqual(buildProblems({ environmentVariables: [{ name: "AWS_SECRET_ACCESS_KEY", type: "SECRETS_MANAGER", secret: { arn: "arn", kmsKeyArn: "key" } }] }), []);
    });
});

describe("Pipeline layout and role", () => {
    it("is a V2, queued pipeline with its artifacts in the KMS-encrypted bucket", () => {
        const p = one(codecommit, "aws:codepipeline/pipeline:Pipeline", "pipeline");
        assert.equal(p.inputs.name, "fixture-pipeline-dev");
        assert.equal(p.inputs.pipelineType, "V2");
        assert.equal(p.inputs.executionMode, "QUEUED");
        const [store] = p.inputs.artifactStores as { type: string; location: string; encryptionKey: { type: string; id: string } }[];
        assert.equal(store!.type, "S3");
        assert.equal(store!.location, "fixture-artifacts-dev-123456789012-sa-east-1");
        assert.equal(store!.encryptionKey.type, "KMS");
        assert.match(store!.encryptionKey.id, /^arn:aws:kms:/);
    });

    it("lays out the stages and actions in order", () => {
        const stages = one(codecommit, "aws:codepipeline/pipeline:Pipeline", "pipeline").inputs.stages as { name: string; actions: Record<string, unknown>[] }[];
        assert.deepEqual(stages.map((s) => s.name), ["Source", "Build", "Approval", "Deploy"]);
        assert.deepEqual(stages.map((s) => s.actions.map((a) => `${a.category}/${a.provider}`)), [
            ["Source/CodeCommit"],
            ["Build/CodeBuild"],
            ["Approval/Manual"],
            ["Build/CodeBuild", "Invoke/Lambda", "Invoke/StepFunctions"],
        ]);
        const source = stages[0]!.actions[0]!;
        assert.deepEqual(source.configuration, { RepositoryName: "fixture-app-dev", BranchName: "main", PollForSourceChanges: "false", OutputArtifactFormat: "CODE_ZIP" });
        assert.deepEqual(source.outputArtifacts, ["source"]);
        const build = stages[1]!.actions[0]!;
        assert.deepEqual(build.configuration, { ProjectName: "fixture-build-dev" });
        assert.equal(build.namespace, "BuildVariables");
        const approval = stages[2]!.actions[0]!;
        assert.match(String((approval.configuration as Record<string, string>).NotificationArn), /^arn:aws:sns:sa-east-1:123456789012:fixture-approvals-dev$/);
        assert.equal((approval.configuration as Record<string, string>).CustomData, "Approve the deployment");
        const migrate = stages[3]!.actions[0]!;
        assert.deepEqual(JSON.parse((migrate.configuration as Record<string, string>).EnvironmentVariables!), [{ name: "RELEASE", value: "#{BuildVariables.RELEASE}", type: "PLAINTEXT" }]);
        assert.deepEqual(stages[3]!.actions.map((a) => a.runOrder), [1, 2, 3]);
    });

    it("has a role scoped to the bucket, the key, the repository, the projects, the topic and the custom actions", () => {
        const role = one(codecommit, "aws:iam/role:Role", "pipeline-role");
        assert.deepEqual(statements(role.inputs.assumeRolePolicy)[0]!.Principal, { Service: ["codepipeline.amazonaws.com"] });
        const policy = policyOf(codecommit, "pipeline-role-pipeline");
        const bySid = Object.fromEntries(policy.map((s) => [s.Sid, s]));
        assert.deepEqual(Object.keys(bySid), [
            "Artifacts", "ArtifactBucket", "CustomerKey", "ReadSourceRepository",
            "RunBuildBuild", "NotifyApproversApprove", "NotifyApproversKeyApprove", "RunBuildMigrate", "InvokeNotify", "ListFunctionsForNotify", "StartAnnouncement",
        ]);
        assert.deepEqual(resourcesOf(bySid.Artifacts!), ["arn:aws:s3:::fixture-artifacts-dev-123456789012-sa-east-1/*"]);
        assert.match(resourcesOf(bySid.ReadSourceRepository!)[0]!, /^arn:aws:codecommit:sa-east-1:123456789012:fixture-app-dev$/);
        assert.deepEqual(actionsOf(bySid.RunBuildBuild!), ["codebuild:BatchGetBuilds", "codebuild:StartBuild"]);
        assert.match(resourcesOf(bySid.RunBuildMigrate!)[0]!, /^arn:aws:codebuild:.*deploy$/);
        assert.deepEqual(resourcesOf(bySid.InvokeNotify!), ["arn:aws:lambda:sa-east-1:123456789012:function:fixture-notify-dev"]);
        assert.deepEqual([actionsOf(bySid.ListFunctionsForNotify!), resourcesOf(bySid.ListFunctionsForNotify!)], [["lambda:ListFunctions"], ["*"]]);
        // ListFunctions supports no resource-level permissions; every other statement names its resources.
        for (const s of policy.filter((x) => x.Sid !== "ListFunctionsForNotify")) for (const r of resourcesOf(s)) assert.notEqual(r, "*", `${s.Sid} names its resources`);
        const gh = Object.fromEntries(policyOf(github, "pipeline-role-pipeline").map((s) => [s.Sid, s]));
        assert.equal(gh.ReadSourceRepository, undefined);
        assert.deepEqual(actionsOf(gh.UseSourceConnection!), ["codestar-connections:UseConnection", "codeconnections:UseConnection"]);
        assert.match(resourcesOf(gh.UseSourceConnection!)[0]!, /^arn:aws:codeconnections:/);
    });
});

describe("Pipeline triggers, event log and stage checks", () => {
    it("starts on a CodeCommit push through an EventBridge rule whose role may start only this pipeline", () => {
        const rule = one(codecommit, "aws:cloudwatch/eventRule:EventRule", "pipeline-on-push");
        const pattern = JSON.parse(String(rule.inputs.eventPattern)) as Record<string, unknown>;
        assert.deepEqual(pattern.source, ["aws.codecommit"]);
        assert.deepEqual(pattern.detail, { event: ["referenceCreated", "referenceUpdated"], referenceType: ["branch"], referenceName: ["main"] });
        const start = policyOf(codecommit, "pipeline-on-push-start");
        assert.deepEqual(start.map((s) => [actionsOf(s), resourcesOf(s)]), [[["codepipeline:StartPipelineExecution"], ["arn:aws:codepipeline:sa-east-1:123456789012:fixture-pipeline-dev"]]]);
        const target = one(codecommit, "aws:cloudwatch/eventTarget:EventTarget", "pipeline-on-push");
        assert.match(String(target.inputs.roleArn), /role\/fixture-pipeline-push-dev$/);
        assert.equal(ofType(github, "aws:cloudwatch/eventRule:EventRule").filter((r) => r.name === "pipeline-on-push").length, 0);
    });

    it("uses a V2 push trigger on main for the connection, which then does not detect changes itself", () => {
        const p = one(github, "aws:codepipeline/pipeline:Pipeline", "pipeline");
        assert.deepEqual(p.inputs.triggers, [{ providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: "Source", pushes: [{ branches: { includes: ["main"] } }] } }]);
        const source = (p.inputs.stages as { actions: { provider: string; configuration: Record<string, string> }[] }[])[0]!.actions[0]!;
        assert.equal(source.provider, "CodeStarSourceConnection");
        assert.equal(source.configuration.FullRepositoryId, "example/app");
        assert.equal(source.configuration.DetectChanges, "false");
        assert.equal(one(codecommit, "aws:codepipeline/pipeline:Pipeline", "pipeline").inputs.triggers, undefined);
    });

    it("logs every execution, stage and action event of this pipeline to an encrypted log group", () => {
        const rule = one(codecommit, "aws:cloudwatch/eventRule:EventRule", "pipeline-events");
        assert.deepEqual(JSON.parse(String(rule.inputs.eventPattern)), {
            source: ["aws.codepipeline"],
            "detail-type": [...PIPELINE_EVENT_TYPES],
            resources: ["arn:aws:codepipeline:sa-east-1:123456789012:fixture-pipeline-dev"],
        });
        const group = one(codecommit, "aws:cloudwatch/logGroup:LogGroup", "pipeline-events");
        assert.equal(group.inputs.name, "/aws/events/codepipeline/fixture-pipeline-dev");
        assert.match(String(group.inputs.kmsKeyId), /^arn:aws:kms:/);
        const target = one(codecommit, "aws:cloudwatch/eventTarget:EventTarget", "pipeline-events");
        assert.equal(target.inputs.arn, "arn:aws:logs:sa-east-1:123456789012:log-group:/aws/events/codepipeline/fixture-pipeline-dev");
        const [grant] = statements(one(codecommit, "aws:cloudwatch/logResourcePolicy:LogResourcePolicy", "pipeline-events").inputs.policyDocument);
        assert.deepEqual(grant!.Principal, { Service: ["events.amazonaws.com", "delivery.logs.amazonaws.com"] });
        assert.deepEqual(resourcesOf(grant!), ["arn:aws:logs:sa-east-1:123456789012:log-group:/aws/events/codepipeline/fixture-pipeline-dev:*"]);
    });

    it("rejects stages that read artifacts nobody produced, duplicates and empty stages, all at once", () => {
        const problems = stageProblems("Source", "source", [
            { name: "Build", actions: [{ kind: "approval", name: "Wait", topicArn: "arn", message: "m" }] },
            { name: "Build", actions: [] },
            { name: "Bad name!", actions: [{ kind: "lambdaInvoke", name: "Wait", functionName: "f", functionArn: "a", inputArtifacts: ["built"], outputArtifacts: ["source"] }] },
        ]);
        assert.deepEqual(problems, [
            "stage Build is declared twice",
            "stage Build has no action",
            'stage name "Bad name!" must be 1-100 letters, digits and .@-_',
            "action Wait is declared twice",
            'action Wait in stage Bad name! reads artifact "built", which no earlier stage produces',
            'artifact "source" is produced twice',
        ]);
        assert.match(stageProblems("Source", "source", []).join(), /at least one stage/);
    });
});
