/**
 * Payment service pipeline (PCI scope): GitHub → unit tests → Docker build → manual approval →
 * CodeDeploy ECS blue/green. The ECS target comes from config (`ecsTarget`) when it exists;
 * otherwise the stack creates one (VPC, ALB, blue and green target groups, Fargate service under
 * the CODE_DEPLOY controller), so one `pulumi up` on an empty account gives a working pipeline.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { dockerBuildBuildspec, unitTestBuildspec } from "../../src/buildspecs/payment";
import { EcsBlueGreenDeployment } from "../../src/components/blueGreen";
import { BlueGreenService, type IBlueGreenService } from "../../src/components/blueGreenService";
import { bucketName, SecureBucket } from "../../src/components/bucket";
import { lifecycle } from "../../src/components/common";
import { EncryptionKey } from "../../src/components/encryption";
import { ServiceRole } from "../../src/components/iam";
import { SnsTopic } from "../../src/components/snsTopic";
import { BuildProject, Pipeline, PipelineSource } from "../../src/components/pipeline";
import { ContainerRegistry } from "../../src/components/registry";
import { StoredSecret } from "../../src/components/secret";
import { systemContext } from "../../src/config/context";
import { accessLogBucketSettings } from "../../src/config/profile";
import { loadPaymentConfig, PROJECT, SYSTEM, TRAFFIC_SHIFTING } from "../../src/config/payment";
import { bucketNaming, taskSettings } from "../../src/config/shapes";

const { config, settings, base } = systemContext({ project: PROJECT, system: SYSTEM }, loadPaymentConfig);
const removal = settings.removal;
const env = config.environmentSuffix;
const partition = aws.getPartitionOutput().partition;

const key = new EncryptionKey("pipeline-key", {
    ...base,
    aliasName: "pipeline",
    description: `Payment service pipeline (${env}): artifacts, logs, secrets, images, notifications`,
    viaServices: ["s3", "codebuild", "codepipeline", "secretsmanager", "ecr", "sns"],
    cloudWatchLogs: true,
    removal,
});

const notifications = new SnsTopic("notifications", {
    ...base,
    topicName: "notifications",
    fullName: `pipeline-notifications-${env}`,
    displayName: `Payment pipeline (${env})`,
    key,
    publishers: ["events.amazonaws.com", "cloudwatch.amazonaws.com"],
    email: config.notificationEmail,
});

// Access logs of the artifact bucket (S3.9) and of the load balancer (ELB.5).
const artifactsNames = { ...base, ...bucketNaming(config), bucketName: "artifacts", fullName: `pipeline-artifacts-${env}` };
const accessLogsNames = { ...base, ...bucketNaming(config), bucketName: "access-logs" };
const accessLogs = new SecureBucket("access-logs", {
    ...accessLogsNames,
    ...accessLogBucketSettings(settings),
    logSourceArns: [pulumi.interpolate`arn:${partition}:s3:::${bucketName(artifactsNames)}`],
    // The created load balancer writes its access logs here.
    ...(config.ecsTarget ? {} : { loadBalancerLogs: { region: config.region, prefix: "alb" } }),
});
const artifacts = new SecureBucket("artifacts", {
    ...artifactsNames,
    kmsKeyArn: key.arn,
    lifecycle: { expireAfterDays: config.artifactExpirationDays, noncurrentVersionsExpireAfterDays: settings.noncurrentVersionDays },
    accessLogs: { targetBucket: accessLogs.name },
    removal,
});

const registry = new ContainerRegistry("registry", {
    ...base,
    repositoryName: "service",
    kmsKeyArn: key.arn,
    // Commit tags never move; the design also pushes `latest`, which must.
    immutableTags: true,
    mutableTagFilters: ["latest"],
    keepImages: settings.keepImages,
    removal,
});

// The value (JSON {"username", "password"}) is set outside Pulumi, so it never enters the state.
const registryCredentials = new StoredSecret("docker-registry-credentials", {
    ...base,
    secretName: "docker-registry-credentials",
    fullName: `docker-registry-credentials-${env}`,
    description: 'Docker registry login for the payment image build: JSON {"username": "...", "password": "..."}',
    kmsKeyArn: key.arn,
    recoveryWindowDays: lifecycle(removal).secretRecoveryWindowDays,
});

// The ECS target: an existing service from config, or one created here.
const target: IBlueGreenService = config.ecsTarget
    ? BlueGreenService.fromAttributes("ecs-target", config.ecsTarget)
    : new BlueGreenService("ecs-target", {
          ...base,
          description: "Payment service",
          network: { cidrBlock: config.vpcCidr, availabilityZoneCount: config.azCount, natGateways: config.natGateways, interfaceEndpoints: config.vpcEndpoints },
          loadBalancer: {
              healthCheck: { path: config.healthCheckPath },
              certificateArn: config.certificateArn,
              accessLogs: { bucket: accessLogs.name, prefix: "alb" },
              removal,
              // The load balancer checks it may write its logs when it is created.
              dependsOn: [accessLogs],
          },
          container: { ...taskSettings(config), containerName: config.containerName, pullRepositoryArns: [registry.arn] },
          kmsKeyArn: key.arn,
          logRetentionDays: config.logRetentionDays,
      });

const deployment = new EcsBlueGreenDeployment("deployment", {
    ...base,
    applicationName: "service",
    deploymentGroupName: "service",
    fullNames: { application: `payment-service-app-${env}`, deploymentGroup: `payment-service-dg-${env}`, role: `codedeploy-role-${env}` },
    target: target.target,
    deploymentConfigName: TRAFFIC_SHIFTING[config.trafficShifting],
    terminationWaitMinutes: config.terminationWaitMinutes,
    alarmActions: [notifications.arn],
});

const buildRole = new ServiceRole("codebuild-role", {
    ...base,
    roleName: "codebuild",
    fullName: `codebuild-role-${env}`,
    description: `The payment pipeline's builds (${env}); each project adds its own policies`,
    services: ["codebuild.amazonaws.com"],
    policies: {},
});
const buildBase = { ...base, kmsKeyArn: key.arn, artifactBucketArn: artifacts.arn, logRetentionDays: config.buildLogRetentionDays, sharedRole: buildRole };
const unitTests = new BuildProject("unit-tests", {
    ...buildBase,
    projectName: "unit-test",
    fullNames: { project: `unit-test-project-${env}`, logGroup: `/aws/codebuild/unit-test-${env}` },
    description: "Payment service: install, lint, dependency audit, unit tests and coverage on Node.js 22",
    buildspec: unitTestBuildspec(),
    reportGroups: { "unit-tests": "TEST", coverage: "CODE_COVERAGE" },
    buildTimeoutMinutes: 30,
});
const dockerBuild = new BuildProject("docker-build", {
    ...buildBase,
    projectName: "docker-build",
    fullNames: { project: `docker-build-project-${env}`, logGroup: `/aws/codebuild/docker-build-${env}` },
    description: "Payment service: build and push the image, write the blue/green deployment files",
    buildspec: dockerBuildBuildspec(),
    privilegedMode: true,
    environmentVariables: [
        { name: "REPOSITORY_URI", value: registry.repositoryUrl },
        { name: "REPOSITORY_NAME", value: registry.name },
        { name: "TASK_DEFINITION_FAMILY", value: target.taskDefinitionFamily },
        { name: "CONTAINER_NAME", value: target.containerName },
        { name: "CONTAINER_PORT", value: String(target.containerPort) },
        { name: "DOCKER_REGISTRY_USERNAME", type: "SECRETS_MANAGER", secret: registryCredentials, jsonKey: "username" },
        { name: "DOCKER_REGISTRY_PASSWORD", type: "SECRETS_MANAGER", secret: registryCredentials, jsonKey: "password" },
    ],
});
registry.grantPush(dockerBuild);
target.grantTaskDefinitionRead(dockerBuild);

const source = new PipelineSource("source", {
    ...base,
    spec: { provider: "CodeStarConnection", connectionName: "github", providerType: "GitHub", fullRepositoryId: `${config.githubOwner}/${config.githubRepo}`, branch: config.githubBranch },
    removal,
});

const pipeline = new Pipeline("pipeline", {
    ...base,
    pipelineName: "service-pipeline",
    fullNames: { role: `codepipeline-role-${env}` },
    source,
    sourceNamespace: "SourceVariables",
    artifactBucket: artifacts,
    kmsKeyArn: key.arn,
    logRetentionDays: config.logRetentionDays,
    executionNotifications: { topicArn: notifications.arn, states: ["FAILED", "SUCCEEDED"] },
    stages: [
        { name: "UnitTests", actions: [{ kind: "build", category: "Test", name: "UnitTests", project: unitTests, inputArtifacts: ["source"] }] },
        {
            name: "DockerBuild",
            actions: [
                {
                    kind: "build",
                    name: "DockerBuild",
                    project: dockerBuild,
                    inputArtifacts: ["source"],
                    outputArtifacts: ["deployfiles"],
                    namespace: "BuildVariables",
                    variables: { COMMIT_ID: "#{SourceVariables.CommitId}" },
                },
            ],
        },
        {
            name: "ManualApproval",
            actions: [
                {
                    kind: "approval",
                    name: "ApproveRelease",
                    topicArn: notifications.arn,
                    topicKmsKeyArn: key.arn,
                    message: `Approve releasing the tested payment service image to ${env}: CodeDeploy shifts traffic blue/green and rolls back on failure or alarm.`,
                },
            ],
        },
        { name: "Deploy", actions: [deployment.deployAction("BlueGreenDeploy", "deployfiles")] },
    ],
});

export const pipelineArn = pipeline.arn;
export const artifactBucketName = artifacts.name;
export const unitTestProjectArn = unitTests.arn;
export const dockerBuildProjectArn = dockerBuild.arn;
export const codeDeployApplicationArn = deployment.arn;
export const snsTopicArn = notifications.arn;
/** PENDING until someone completes the GitHub handshake in the console (see README); then AVAILABLE. */
export const connectionStatus = source.connectionStatus;
export const connectionArn = source.connectionArn;
export const ecrRepositoryUrl = registry.repositoryUrl;
export const registryCredentialsSecretArn = registryCredentials.arn;
/** The created service's URL; absent when the stack deploys to an existing target. */
export const serviceEndpoint = target.url;
