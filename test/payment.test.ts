/**
 * payment-pipeline, dev and prod, with the ECS target the stack creates and with an existing one
 * from config: every requirement of the design asserted on what the program registers under the
 * mock runtime, and the Docker build's deployment-file step run from the buildspec it registers.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { renderBuildspec } from "../src/aws/buildspec";
import { unitTestBuildspec } from "../src/buildspecs/payment";
import { WRITER_VARIABLE } from "../src/functions/codedeployFiles/bundle";
import { describedTaskDefinition } from "../src/functions/codedeployFiles/fixtures";
import type { StackPlan } from "../src/offline/model/types";
import { buildspecOf, env, planPayment, PROJECT, stagesOf, statementsOfRole, variablesOf } from "./support/payment";
import { actionsOf, assertClean, assertTagged, docStatements, input, ofType, one, resourcesOf, withAwsName } from "./helpers";

let dev: StackPlan;
let prod: StackPlan;
let devExisting: StackPlan;
let all: StackPlan[];

before(async () => {
    ({ dev, prod, devExisting, all } = await planPayment());
});

describe("payment-pipeline: every stack", () => {
    it("plans without errors or mandatory violations, with the created target and with an existing one", () => {
        for (const p of all) assertClean(p);
    });

    it("exports the outputs the design names, the connection's status and the image repository", () => {
        for (const p of all) {
            for (const name of ["pipelineArn", "artifactBucketName", "unitTestProjectArn", "dockerBuildProjectArn", "codeDeployApplicationArn", "snsTopicArn", "connectionStatus", "connectionArn", "ecrRepositoryUrl"]) {
                assert.ok(typeof p.outputs[name] === "string" && p.outputs[name] !== "", `${p.stack}: ${name} is empty`);
            }
            assert.equal(p.outputs.pipelineArn, `arn:aws:codepipeline:us-east-2:123456789012:payment-service-pipeline-${env(p)}`);
            assert.equal(p.outputs.artifactBucketName, `pipeline-artifacts-${env(p)}-123456789012-us-east-2`);
            assert.equal(p.outputs.codeDeployApplicationArn, `arn:aws:codedeploy:us-east-2:123456789012:application:payment-service-app-${env(p)}`);
            assert.equal(p.outputs.snsTopicArn, `arn:aws:sns:us-east-2:123456789012:pipeline-notifications-${env(p)}`);
            assert.match(String(p.outputs.unitTestProjectArn), /^arn:aws:codebuild:us-east-2:123456789012:project\//);
            assert.match(String(p.outputs.dockerBuildProjectArn), /^arn:aws:codebuild:us-east-2:123456789012:project\//);
            assert.equal(p.outputs.connectionStatus, "PENDING", "a connection made by Pulumi waits for the console handshake");
        }
        assert.equal(dev.outputs.serviceEndpoint, "http://payment-alb-dev-123.us-east-2.elb.amazonaws.com");
        assert.equal(prod.outputs.serviceEndpoint, "https://payment-alb-prod-123.us-east-2.elb.amazonaws.com");
        assert.equal(devExisting.outputs.serviceEndpoint, undefined);
    });

    it("tags every taggable resource with Environment, Project and CostCenter", () => {
        for (const p of all) assertTagged(p, { Environment: env(p), Project: PROJECT, CostCenter: "commerce-platform" });
    });

    it("names resources as the design does, within AWS's limits", () => {
        for (const p of all) {
            const e = env(p);
            withAwsName(p, "aws:codepipeline/pipeline:Pipeline", `payment-service-pipeline-${e}`);
            withAwsName(p, "aws:codebuild/project:Project", `unit-test-project-${e}`);
            withAwsName(p, "aws:codebuild/project:Project", `docker-build-project-${e}`);
            withAwsName(p, "aws:s3/bucket:Bucket", `pipeline-artifacts-${e}-123456789012-us-east-2`, "bucket");
            withAwsName(p, "aws:sns/topic:Topic", `pipeline-notifications-${e}`);
            withAwsName(p, "aws:codedeploy/application:Application", `payment-service-app-${e}`);
            withAwsName(p, "aws:codedeploy/deploymentGroup:DeploymentGroup", `payment-service-dg-${e}`, "deploymentGroupName");
            withAwsName(p, "aws:secretsmanager/secret:Secret", `docker-registry-credentials-${e}`);
            for (const role of ["codepipeline-role", "codebuild-role", "codedeploy-role"]) withAwsName(p, "aws:iam/role:Role", `${role}-${e}`);
            for (const lb of [...ofType(p, "aws:lb/loadBalancer:LoadBalancer"), ...ofType(p, "aws:lb/targetGroup:TargetGroup")]) {
                assert.ok(String(lb.inputs.name).length <= 32, `${lb.inputs.name} is longer than 32 characters`);
            }
            assert.ok(String(one(p, "aws:codestarconnections/connection:Connection").inputs.name).length <= 32);
        }
    });
});

describe("payment-pipeline: the pipeline", () => {
    it("is a V2 pipeline of five stages: Source, UnitTests, DockerBuild, ManualApproval, Deploy", () => {
        for (const p of all) {
            const pipeline = one(p, "aws:codepipeline/pipeline:Pipeline");
            assert.equal(input(pipeline, "pipelineType"), "V2");
            assert.deepEqual(stagesOf(p).map((s) => s.name), ["Source", "UnitTests", "DockerBuild", "ManualApproval", "Deploy"]);
            assert.deepEqual(
                stagesOf(p).map((s) => s.actions.map((a) => `${a.category}/${a.provider}`)),
                [["Source/CodeStarSourceConnection"], ["Test/CodeBuild"], ["Build/CodeBuild"], ["Approval/Manual"], ["Deploy/CodeDeployToECS"]],
            );
            assert.equal(input(pipeline, "roleArn"), `arn:aws:iam::123456789012:role/codepipeline-role-${env(p)}`);
            assert.deepEqual(input(pipeline, "artifactStores"), [
                { type: "S3", location: `pipeline-artifacts-${env(p)}-123456789012-us-east-2`, encryptionKey: { type: "KMS", id: "arn:aws:kms:us-east-2:123456789012:key/pipeline-key-key-id" } },
            ]);
        }
    });

    it("reads GitHub through a new CodeStar connection, on the configured owner, repository and branch", () => {
        const connection = one(dev, "aws:codestarconnections/connection:Connection");
        assert.equal(input(connection, "providerType"), "GitHub");
        const [source] = stagesOf(dev)[0]!.actions;
        assert.equal(source!.configuration.FullRepositoryId, "acme-payments/payment-service");
        assert.equal(source!.configuration.BranchName, "develop");
        assert.equal(stagesOf(prod)[0]!.actions[0]!.configuration.BranchName, "main");
        assert.equal(source!.configuration.ConnectionArn, dev.outputs.connectionArn);
        assert.equal(source!.namespace, "SourceVariables");
    });

    it("passes the commit to the Docker build and the build's files to CodeDeploy", () => {
        const [, tests, build, approval, deploy] = stagesOf(dev).map((s) => s.actions[0]!);
        assert.deepEqual(tests!.inputArtifacts, ["source"]);
        assert.equal(tests!.configuration.ProjectName, "unit-test-project-dev");
        assert.equal(build!.configuration.ProjectName, "docker-build-project-dev");
        assert.deepEqual(JSON.parse(build!.configuration.EnvironmentVariables!), [{ name: "COMMIT_ID", value: "#{SourceVariables.CommitId}", type: "PLAINTEXT" }]);
        assert.deepEqual(build!.outputArtifacts, ["deployfiles"]);
        assert.equal(approval!.configuration.NotificationArn, dev.outputs.snsTopicArn);
        assert.deepEqual(deploy!.inputArtifacts, ["deployfiles"]);
        assert.deepEqual(deploy!.configuration, {
            ApplicationName: "payment-service-app-dev",
            DeploymentGroupName: "payment-service-dg-dev",
            TaskDefinitionTemplateArtifact: "deployfiles",
            TaskDefinitionTemplatePath: "taskdef.json",
            AppSpecTemplateArtifact: "deployfiles",
            AppSpecTemplatePath: "appspec.yaml",
        });
    });

    it("lets its role start exactly these builds, deploy to exactly this group and pass exactly the task's roles", () => {
        const statements = statementsOfRole(dev, "codepipeline-role-dev");
        const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
        assert.deepEqual(resourcesOf(bySid.DeployThroughCodeDeploy!), ["arn:aws:codedeploy:us-east-2:123456789012:deploymentgroup:payment-service-app-dev/payment-service-dg-dev"]);
        assert.deepEqual(resourcesOf(bySid.ReadDeploymentConfig!), ["arn:aws:codedeploy:us-east-2:123456789012:deploymentconfig:CodeDeployDefault.ECSCanary10Percent5Minutes"]);
        assert.deepEqual(resourcesOf(bySid.PassTaskRoles!), ["arn:aws:iam::123456789012:role/payment-task-execution-dev", "arn:aws:iam::123456789012:role/payment-task-dev"]);
        assert.deepEqual(bySid.PassTaskRoles!.Condition, { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } });
        assert.deepEqual(statements.filter((s) => resourcesOf(s).includes("*")).map((s) => s.Sid), ["RegisterTaskDefinition"]);
        assert.deepEqual(resourcesOf(bySid.UseSourceConnection!), [String(dev.outputs.connectionArn)]);
    });
});

describe("payment-pipeline: CodeBuild", () => {
    it("runs the unit-test buildspec of src/buildspecs/payment.ts: Node.js 22, install, lint, audit, unit tests, coverage report", () => {
        const registered = buildspecOf(dev, "unit-test-project-dev");
        assert.equal(registered, renderBuildspec(unitTestBuildspec()));
        const spec = parse(registered) as { phases: Record<string, { commands?: string[]; "runtime-versions"?: Record<string, number> }>; reports: Record<string, { "file-format": string }> };
        assert.equal(spec.phases.install!["runtime-versions"]!.nodejs, 22);
        const commands = Object.values(spec.phases).flatMap((ph) => ph.commands ?? []).join("\n");
        for (const step of [/npm ci/, /npm run lint/, /npm audit .*--audit-level=high/, /npm run test:coverage/]) assert.match(commands, step);
        assert.deepEqual(Object.fromEntries(Object.entries(spec.reports).map(([k, v]) => [k, v["file-format"]])), { "unit-tests": "JUNITXML", coverage: "COBERTURAXML" });
        const groups = ofType(dev, "aws:codebuild/reportGroup:ReportGroup").map((g) => `${g.inputs.name} ${g.inputs.type}`).sort();
        assert.deepEqual(groups, ["unit-test-project-dev-coverage CODE_COVERAGE", "unit-test-project-dev-unit-tests TEST"]);
    });

    it("runs the Docker build buildspec: registry login from the secret, build, commit and latest tags, push, the three deployment files", () => {
        const rendered = parse(buildspecOf(dev, "docker-build-project-dev")) as { phases: Record<string, { commands?: string[] }>; artifacts: { files: string[] } };
        const commands = Object.values(rendered.phases).flatMap((ph) => ph.commands ?? []).join("\n");
        for (const step of [
            /docker login --username "\$DOCKER_REGISTRY_USERNAME" --password-stdin/,
            /aws ecr get-login-password/,
            /--tag "\$REPOSITORY_URI:\$IMAGE_TAG" --tag "\$REPOSITORY_URI:latest"/,
            /docker push "\$REPOSITORY_URI:\$IMAGE_TAG"/,
            /docker push "\$REPOSITORY_URI:latest"/,
            /node "\$WORK_DIR\/write-deploy-files\.cjs"/,
        ]) {
            assert.match(commands, step);
        }
        assert.deepEqual(rendered.artifacts.files, ["imagedefinitions.json", "taskdef.json", "appspec.yaml"]);
        const vars = variablesOf(dev, "docker-build-project-dev");
        const secret = String(one(dev, "aws:secretsmanager/secret:Secret").inputs.name);
        assert.equal(secret, "docker-registry-credentials-dev");
        assert.match(vars.DOCKER_REGISTRY_USERNAME!.value, /:secret:docker-registry-credentials-dev-AbCdEf:username$/);
        assert.match(vars.DOCKER_REGISTRY_PASSWORD!.value, /:secret:docker-registry-credentials-dev-AbCdEf:password$/);
        assert.equal(vars.DOCKER_REGISTRY_PASSWORD!.type, "SECRETS_MANAGER");
        assert.equal(vars.REPOSITORY_URI!.value, "123456789012.dkr.ecr.us-east-2.amazonaws.com/payment-service-dev");
        const project = withAwsName(dev, "aws:codebuild/project:Project", "docker-build-project-dev");
        assert.equal((project.inputs.environment as { privilegedMode: boolean }).privilegedMode, true);
        assert.equal((withAwsName(dev, "aws:codebuild/project:Project", "unit-test-project-dev").inputs.environment as { privilegedMode: boolean }).privilegedMode, false);
    });

    it("keeps build logs in /aws/codebuild/unit-test-<env> and docker-build-<env>: 30 days in dev, a year in prod, encrypted", () => {
        for (const [p, days] of [[dev, 30], [prod, 365]] as const) {
            for (const group of [`/aws/codebuild/unit-test-${env(p)}`, `/aws/codebuild/docker-build-${env(p)}`]) {
                const lg = withAwsName(p, "aws:cloudwatch/logGroup:LogGroup", group);
                assert.equal(input(lg, "retentionInDays"), days);
                assert.match(String(input(lg, "kmsKeyId")), /^arn:aws:kms:/);
            }
        }
    });

    it("shares one role, codebuild-role-<env>, with a policy per project scoped to its logs, reports, secret and repository", () => {
        const role = withAwsName(dev, "aws:iam/role:Role", "codebuild-role-dev");
        assert.deepEqual(docStatements(role, "assumeRolePolicy")[0]!.Principal, { Service: ["codebuild.amazonaws.com"] });
        for (const project of ["unit-test-project-dev", "docker-build-project-dev"]) {
            assert.equal(withAwsName(dev, "aws:codebuild/project:Project", project).inputs.serviceRole, "arn:aws:iam::123456789012:role/codebuild-role-dev");
        }
        const bySid = (policy: string) => Object.fromEntries(docStatements(withAwsName(dev, "aws:iam/policy:Policy", policy)).map((s) => [s.Sid, s]));
        const tests = bySid("codebuild-role-dev-unit-test-build");
        assert.deepEqual(resourcesOf(tests.WriteOwnLogs!), ["arn:aws:logs:us-east-2:123456789012:log-group:/aws/codebuild/unit-test-dev:log-stream:*"]);
        assert.deepEqual(resourcesOf(tests.PublishReports!).map((a) => a.split(":report-group/")[1]), ["unit-test-project-dev-unit-tests", "unit-test-project-dev-coverage"]);
        assert.equal(tests.ReadBuildSecrets, undefined, "the unit tests read no secret");
        const build = bySid("codebuild-role-dev-docker-build-build");
        assert.deepEqual(resourcesOf(build.ReadBuildSecrets!), ["arn:aws:secretsmanager:us-east-2:123456789012:secret:docker-registry-credentials-dev-AbCdEf"]);
        const push = bySid("codebuild-role-dev-docker-build-registry-push");
        assert.deepEqual(resourcesOf(push.PushImages!), ["arn:aws:ecr:us-east-2:123456789012:repository/payment-service-dev"]);
        assert.ok(!actionsOf(push.PushImages!).some((a) => a.includes("*")));
        assert.ok(actionsOf(push.PushImages!).includes("ecr:DescribeImages"), "the build looks for an existing tag before it pushes");
        assert.deepEqual(actionsOf(bySid("codebuild-role-dev-docker-build-ecs-target-task-definition-read").ReadCurrentTaskDefinition!), ["ecs:DescribeTaskDefinition"]);
    });
});

describe("payment-pipeline: the bundled deployment-files writer", () => {
    it("carries the bundled writer, which the buildspec's own commands decode and run to write the three files", () => {
        const rendered = parse(buildspecOf(dev, "docker-build-project-dev")) as { env: { variables: Record<string, string> }; phases: { build: { commands: string[] } } };
        const writer = rendered.env.variables[WRITER_VARIABLE]!;
        assert.match(Buffer.from(writer, "base64").toString("utf8"), /deployment files not written/);
        // The build phase from the work directory to the writer, with a stand-in `aws` CLI.
        const commands = rendered.phases.build.commands;
        const first = commands.findIndex((c) => c.startsWith("WORK_DIR="));
        const last = commands.findIndex((c) => c.includes("write-deploy-files.cjs\"") && c.startsWith("IMAGE_URI="));
        assert.ok(first >= 0 && last > first, "the buildspec decodes and runs the writer");
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "payment-build-"));
        try {
            const bin = path.join(dir, "bin");
            fs.mkdirSync(bin);
            fs.writeFileSync(path.join(dir, "taskdef.json"), JSON.stringify(describedTaskDefinition()));
            fs.writeFileSync(
                path.join(bin, "aws"),
                `#!/bin/sh\n[ "$1 $2 $3 $4" = "ecs describe-task-definition --task-definition payment-service-dev" ] || { echo "unexpected aws $*" >&2; exit 2; }\ncat "${path.join(dir, "taskdef.json")}"\n`,
                { mode: 0o755 },
            );
            const vars = variablesOf(dev, "docker-build-project-dev");
            const image = "123456789012.dkr.ecr.us-east-2.amazonaws.com/payment-service-dev@sha256:" + "cd".repeat(32);
            const run = spawnSync("bash", ["-euo", "pipefail", "-c", commands.slice(first, last + 1).join("\n")], {
                cwd: dir,
                encoding: "utf8",
                env: {
                    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
                    [WRITER_VARIABLE]: writer,
                    TASK_DEFINITION_FAMILY: vars.TASK_DEFINITION_FAMILY!.value,
                    CONTAINER_NAME: vars.CONTAINER_NAME!.value,
                    CONTAINER_PORT: vars.CONTAINER_PORT!.value,
                    IMAGE_URI: image,
                },
            });
            assert.equal(run.status, 0, run.stderr);
            assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, "imagedefinitions.json"), "utf8")), [{ name: "payment-service", imageUri: image }]);
            const taskdef = JSON.parse(fs.readFileSync(path.join(dir, "taskdef.json"), "utf8")) as { family: string; containerDefinitions: { image: string }[] };
            assert.equal(taskdef.family, "payment-service-dev");
            assert.equal(taskdef.containerDefinitions[0]!.image, image);
            assert.match(fs.readFileSync(path.join(dir, "appspec.yaml"), "utf8"), /ContainerName: "payment-service"\n\s+ContainerPort: 8080/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("payment-pipeline: CodeDeploy blue/green", () => {
    it("deploys ECS blue/green with traffic shifting, rollback on failure and alarm, blue tasks terminated after 5 minutes", () => {
        assert.equal(input(one(dev, "aws:codedeploy/application:Application"), "computePlatform"), "ECS");
        for (const [p, config] of [[dev, "CodeDeployDefault.ECSCanary10Percent5Minutes"], [prod, "CodeDeployDefault.ECSCanary10Percent15Minutes"]] as const) {
            const group = one(p, "aws:codedeploy/deploymentGroup:DeploymentGroup");
            assert.equal(input(group, "deploymentConfigName"), config);
            assert.deepEqual(input(group, "deploymentStyle"), { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" });
            assert.deepEqual(input(group, "autoRollbackConfiguration"), { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] });
            assert.deepEqual(input(group, "blueGreenDeploymentConfig"), {
                deploymentReadyOption: { actionOnTimeout: "CONTINUE_DEPLOYMENT" },
                terminateBlueInstancesOnDeploymentSuccess: { action: "TERMINATE", terminationWaitTimeInMinutes: 5 },
            });
            const alarms = input<{ enabled: boolean; alarms: string[] }>(group, "alarmConfiguration");
            assert.equal(alarms.enabled, true);
            assert.deepEqual(alarms.alarms.sort(), ofType(p, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => String(a.inputs.name)).sort());
            assert.equal(alarms.alarms.length, 4);
            assert.equal(input(group, "serviceRoleArn"), `arn:aws:iam::123456789012:role/codedeploy-role-${env(p)}`);
        }
    });

    it("swaps the created service between the blue and green target groups behind the production listener", () => {
        const group = one(dev, "aws:codedeploy/deploymentGroup:DeploymentGroup");
        assert.deepEqual(input(group, "ecsService"), { clusterName: "payment-cluster-dev", serviceName: "payment-service-dev" });
        const pair = input<{ targetGroupPairInfo: { targetGroups: { name: string }[]; prodTrafficRoute: { listenerArns: string[] } } }>(group, "loadBalancerInfo").targetGroupPairInfo;
        assert.deepEqual(pair.targetGroups, [{ name: "payment-blue-dev" }, { name: "payment-green-dev" }]);
        assert.deepEqual(pair.prodTrafficRoute.listenerArns, ["arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/payment-alb-dev/abc123/0000000000000080"]);
        for (const tg of ofType(dev, "aws:lb/targetGroup:TargetGroup")) {
            assert.equal(input(tg, "targetType"), "ip");
            assert.equal(input(tg, "port"), 8080);
        }
    });

    it("gives codedeploy-role-<env> customer-managed policies scoped to the service, listener, alarms and task roles", () => {
        const role = withAwsName(dev, "aws:iam/role:Role", "codedeploy-role-dev");
        assert.deepEqual(docStatements(role, "assumeRolePolicy")[0]!.Principal, { Service: ["codedeploy.amazonaws.com"] });
        const bySid = Object.fromEntries(statementsOfRole(dev, "codedeploy-role-dev").map((s) => [s.Sid, s]));
        assert.deepEqual(resourcesOf(bySid.ShiftTaskSets!), ["arn:aws:ecs:us-east-2:123456789012:service/payment-cluster-dev/payment-service-dev"]);
        assert.deepEqual(resourcesOf(bySid.DeleteOldTaskSets!), ["arn:aws:ecs:us-east-2:123456789012:task-set/payment-cluster-dev/payment-service-dev/*"]);
        assert.deepEqual(resourcesOf(bySid.ShiftListeners!), input<{ targetGroupPairInfo: { prodTrafficRoute: { listenerArns: string[] } } }>(one(dev, "aws:codedeploy/deploymentGroup:DeploymentGroup"), "loadBalancerInfo").targetGroupPairInfo.prodTrafficRoute.listenerArns);
        assert.deepEqual(resourcesOf(bySid.WatchRollbackAlarms!).length, 4);
        assert.deepEqual(resourcesOf(bySid.DescribeLoadBalancing!), ["*"]);
        assert.ok(actionsOf(bySid.DescribeLoadBalancing!).every((a) => a.startsWith("elasticloadbalancing:Describe")));
    });

    it("attaches no AWS-managed policy to any role (no AWSCodeDeployRoleForECS)", () => {
        for (const p of all) {
            for (const a of ofType(p, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")) assert.doesNotMatch(String(a.inputs.policyArn), /:iam::aws:policy\//);
            for (const r of ofType(p, "aws:iam/role:Role")) assert.equal(r.inputs.managedPolicyArns, undefined);
        }
    });

    it("alarms on target and load balancer 5xx and on unhealthy targets in either group, notifying the topic", () => {
        const alarms = ofType(dev, "aws:cloudwatch/metricAlarm:MetricAlarm");
        assert.deepEqual(alarms.map((a) => a.inputs.metricName).sort(), ["HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count", "UnHealthyHostCount", "UnHealthyHostCount"]);
        for (const a of alarms) {
            assert.equal(a.inputs.namespace, "AWS/ApplicationELB");
            assert.deepEqual(a.inputs.alarmActions, [dev.outputs.snsTopicArn]);
            assert.equal((a.inputs.dimensions as Record<string, string>).LoadBalancer, "app/payment-alb-dev/abc123");
        }
    });
});
