/**
 * A release pipeline for a container-image Lambda service: Source (GitHub through a CodeStar
 * connection, or CodeCommit) → Build (Docker image with a layer cache, pushed to ECR) → Test →
 * Manual approval → Deploy (a Lambda invoke of the deploy function, which moves the service to
 * the new image and records the deployment in DynamoDB). One customer KMS key encrypts
 * everything; alarms and failed executions go to one SNS topic.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SecureBucket } from "../../src/components/bucket";
import { EncryptionKey } from "../../src/components/encryption";
import { ServiceRole } from "../../src/components/iam";
import { ContainerImageFunction, ReleaseFunction } from "../../src/components/lambda";
import { SnsTopic } from "../../src/components/snsTopic";
import { BuildProject, Pipeline, PipelineSource } from "../../src/components/pipeline";
import { ContainerRegistry } from "../../src/components/registry";
import { DynamoDbTable } from "../../src/components/table";
import { DEPLOYMENT_HISTORY_KEYS } from "../../src/functions/lambdaRelease/history";
import { systemContext } from "../../src/config/context";
import { imageBuildspec, testBuildspec } from "../../src/buildspecs/service";
import { accessLogBucketSettings } from "../../src/config/profile";
import { CODECOMMIT_RESOURCE, CONNECTION_RESOURCE, deployUserParameters, loadServiceConfig, PROJECT, SYSTEM } from "../../src/config/service";
import { bucketNaming } from "../../src/config/shapes";

const { config, settings, base } = systemContext({ project: PROJECT, system: SYSTEM }, loadServiceConfig);
const removal = settings.removal;
const account = aws.getCallerIdentityOutput().accountId;
const partition = aws.getPartitionOutput().partition;

const key = new EncryptionKey("service-key", {
    ...base,
    aliasName: "key",
    description: `Service release pipeline (${config.environmentSuffix})`,
    viaServices: ["s3", "ecr", "dynamodb", "lambda", "codebuild", "codepipeline", "sns"],
    cloudWatchLogs: true,
    removal,
});

// Alarms, failed executions and approval requests.
const alerts = new SnsTopic("service-alerts", {
    ...base,
    topicName: "alerts",
    displayName: `Service pipeline (${config.environmentSuffix})`,
    key,
    publishers: ["cloudwatch.amazonaws.com", "events.amazonaws.com"],
    email: config.alarmEmail,
});

const registry = new ContainerRegistry("service-registry", {
    ...base,
    repositoryName: "app",
    kmsKeyArn: key.arn,
    immutableTags: settings.immutableTags,
    keepImages: config.keepImages,
    removal,
    lambdaPull: true,
});

const history = new DynamoDbTable("deployment-history", {
    ...base,
    tableName: "deployments",
    keys: DEPLOYMENT_HISTORY_KEYS,
    kmsKeyArn: key.arn,
    removal,
});

const app = new ContainerImageFunction("service-app", {
    ...base,
    functionName: "app",
    description: `The service released by ${PROJECT} (${config.environmentSuffix})`,
    memorySize: config.appMemoryMb,
    timeoutSeconds: config.appTimeoutSeconds,
    reservedConcurrency: config.appReservedConcurrency,
    kmsKeyArn: key.arn,
    logRetentionDays: config.logRetentionDays,
    repositoryUrl: registry.repositoryUrl,
    bootstrapImage: { contextDir: "bootstrap" },
    dependsOn: [registry],
    environment: { DEPLOYMENT_TABLE_NAME: history.name, ENVIRONMENT_SUFFIX: config.environmentSuffix },
    errorAlarm: { threshold: config.errorAlarmThreshold, periodSeconds: 300, evaluationPeriods: 1, actions: [alerts.arn] },
});

const deployer = new ReleaseFunction("service-deployer", {
    ...base,
    functionName: "deploy",
    description: `Deploy stage of ${PROJECT} (${config.environmentSuffix}): moves ${app.name} to a new image and records it`,
    timeoutSeconds: config.deployTimeoutSeconds,
    kmsKeyArn: key.arn,
    logRetentionDays: config.logRetentionDays,
    target: app,
    history,
    environmentSuffix: config.environmentSuffix,
});

// The role a pipeline in the trusted account (this one unless configured) assumes to release here.
const trustedAccount = config.trustedAccountId ?? account;
const deploymentRole = new ServiceRole("service-deployment-role", {
    ...base,
    roleName: "deployment",
    description: `Releases ${app.name} for CodePipeline, also from account ${config.trustedAccountId ?? "(this account)"}`,
    services: ["codepipeline.amazonaws.com"],
    awsPrincipals: [pulumi.interpolate`arn:${partition}:iam::${trustedAccount}:root`],
    policies: {},
});
app.grantRelease(deploymentRole);
deployer.grantInvoke(deploymentRole);
registry.grantImageRead(deploymentRole);
history.grantReadData(app);

const buckets = { ...base, ...bucketNaming(config) };
const accessLogs = new SecureBucket("service-access-logs", { ...buckets, ...accessLogBucketSettings(settings) });
const bucketLifecycle = { expireAfterDays: config.artifactExpiryDays, noncurrentVersionsExpireAfterDays: settings.noncurrentVersionDays, abortIncompleteMultipartUploadAfterDays: 2 };
const artifacts = new SecureBucket("service-artifacts", {
    ...buckets,
    bucketName: "artifacts",
    kmsKeyArn: key.arn,
    lifecycle: bucketLifecycle,
    accessLogs: { targetBucket: accessLogs.name },
    removal,
});
const buildCache = new SecureBucket("service-build-cache", {
    ...buckets,
    bucketName: "build-cache",
    kmsKeyArn: key.arn,
    lifecycle: bucketLifecycle,
    accessLogs: { targetBucket: accessLogs.name },
    removal,
});

const source = new PipelineSource("service-source", {
    ...base,
    spec:
        config.sourceProvider === "connection"
            ? { provider: "CodeStarConnection", connectionName: CONNECTION_RESOURCE, providerType: "GitHub", fullRepositoryId: config.githubRepository!, branch: config.branch }
            : { provider: "CodeCommit", repositoryName: CODECOMMIT_RESOURCE, description: `Source of the service released by ${PROJECT} (${config.environmentSuffix})`, branch: config.branch },
    removal,
});

const buildDefaults = { ...base, kmsKeyArn: key.arn, artifactBucketArn: artifacts.arn, logRetentionDays: config.logRetentionDays, image: config.buildImage };
const imageBuild = new BuildProject("service-image-build", {
    ...buildDefaults,
    projectName: "image-build",
    description: "Builds the service's Docker image with a layer cache and pushes it to ECR",
    buildspec: imageBuildspec(),
    computeType: config.buildComputeType,
    // Docker builds need the daemon, which runs privileged in CodeBuild.
    privilegedMode: true,
    environmentVariables: [{ name: "REPOSITORY_URI", value: registry.repositoryUrl }],
    cache: { bucketName: buildCache.name, bucketArn: buildCache.arn, prefix: "image-build" },
});
registry.grantPush(imageBuild);
const tests = new BuildProject("service-tests", {
    ...buildDefaults,
    projectName: "tests",
    description: "Runs the service's test suite",
    buildspec: testBuildspec(config.testCommands),
    computeType: config.testComputeType,
});

const BUILD = "BuildVariables";
const pipeline = new Pipeline("service-pipeline", {
    ...base,
    pipelineName: "release",
    source,
    artifactBucket: artifacts,
    kmsKeyArn: key.arn,
    logRetentionDays: config.logRetentionDays,
    executionNotifications: { topicArn: alerts.arn, states: ["FAILED"] },
    // A connection source starts on pushes to the branch through a V2 trigger; a CodeCommit source through its EventBridge rule.
    ...(config.sourceProvider === "connection"
        ? { triggers: [{ providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: "Source", pushes: [{ branches: { includes: [config.branch] } }] } }] }
        : {}),
    stages: [
        { name: "Build", actions: [{ kind: "build", name: "BuildImage", project: imageBuild, inputArtifacts: ["source"], namespace: BUILD }] },
        { name: "Test", actions: [{ kind: "build", name: "RunTests", category: "Test", project: tests, inputArtifacts: ["source"] }] },
        {
            name: "Approval",
            actions: [
                {
                    kind: "approval",
                    name: "ApproveRelease",
                    topicArn: alerts.arn,
                    topicKmsKeyArn: key.arn,
                    message: `Release #{${BUILD}.IMAGE_URI} (commit #{${BUILD}.COMMIT}) to ${app.name}?`,
                },
            ],
        },
        {
            name: "Deploy",
            actions: [{ kind: "lambdaInvoke", name: "DeployImage", functionName: deployer.name, functionArn: deployer.arn, userParameters: deployUserParameters(BUILD) }],
        },
    ],
});

export const pipelineArn = pipeline.arn;
export const pipelineUrl = pipeline.consoleUrl;
export const ecrRepositoryUri = registry.repositoryUrl;
export const lambdaFunctionArn = app.arn;
export const deploymentTableName = history.name;
// PENDING until someone completes the connection in the console (README); NONE for CodeCommit.
export const sourceConnectionStatus = source.connectionStatus;
export const sourceConnectionArn = source.connectionArn;
export const codecommitCloneUrl = source.cloneUrlHttp;
export const deploymentRoleArn = deploymentRole.arn;
export const deployFunctionName = deployer.name;
