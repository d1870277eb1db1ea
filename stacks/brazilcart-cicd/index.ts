/**
 * BrazilCart CI/CD: a pipeline that builds the store's application, waits for a person to
 * approve, and deploys it from inside the private subnets, where the Multi-AZ PostgreSQL
 * database and the Redis cache accept only the application and the deploy builds.
 */
import { SecureBucket } from "../../src/components/bucket";
import { RedisCache } from "../../src/components/cache";
import { PostgresDatabase } from "../../src/components/database";
import { EncryptionKey } from "../../src/components/encryption";
import { Network } from "../../src/components/network";
import { SnsTopic } from "../../src/components/snsTopic";
import { BuildProject, Pipeline, PipelineSource } from "../../src/components/pipeline";
import { securityGroup } from "../../src/components/securityGroup";
import { buildBuildspec, deployBuildspec } from "../../src/buildspecs/brazilcart";
import { CONNECTION_RESOURCE, loadBrazilcartConfig, PROJECT, SYSTEM } from "../../src/config/brazilcart";
import { systemContext } from "../../src/config/context";
import { accessLogBucketSettings } from "../../src/config/profile";
import { bucketNaming } from "../../src/config/shapes";
import { networkSettings, postgresSettings, redisSettings } from "../../src/config/wiring";

const { config, settings, base } = systemContext({ project: PROJECT, system: SYSTEM }, loadBrazilcartConfig);
const removal = settings.removal;

// Two keys: the data stores' and the pipeline's, so a pipeline role never holds the key of the data.
const dataKey = new EncryptionKey("data-key", {
    ...base,
    aliasName: "data",
    description: `BrazilCart data: PostgreSQL, Redis, secrets, flow logs (${config.environmentSuffix})`,
    viaServices: ["rds", "elasticache", "secretsmanager", "sns"],
    cloudWatchLogs: true,
    removal,
});
const pipelineKey = new EncryptionKey("pipeline-key", {
    ...base,
    aliasName: "pipeline",
    description: `BrazilCart CI/CD: artifacts, repository, build logs, approvals (${config.environmentSuffix})`,
    viaServices: ["s3", "codebuild", "codepipeline", "codecommit", "sns"],
    cloudWatchLogs: true,
    removal,
});

const network = new Network("network", {
    ...base,
    ...networkSettings(config),
    flowLogs: { kmsKeyArn: dataKey.arn, retentionInDays: config.logRetentionDays },
});

const alerts = new SnsTopic("alerts", {
    ...base,
    topicName: "alerts",
    displayName: `BrazilCart alerts (${config.environmentSuffix})`,
    key: dataKey,
    publishers: ["cloudwatch.amazonaws.com"],
    email: config.alarmEmail,
});
const approvals = new SnsTopic("approvals", {
    ...base,
    topicName: "approvals",
    displayName: `BrazilCart deployment approvals (${config.environmentSuffix})`,
    key: pipelineKey,
    publishers: ["events.amazonaws.com"],
    email: config.approvalEmail,
});

const appSg = securityGroup(
    "app-sg",
    {
        ...base,
        groupName: "app",
        description: "BrazilCart application: its port from inside the VPC only",
        vpcId: network.vpcId,
        ingress: [{ description: "Application port from inside the VPC", port: config.appPort, cidr: config.vpcCidr }],
        egress: [
            { description: "HTTPS to AWS APIs", port: 443, cidr: "0.0.0.0/0" },
            { description: "PostgreSQL inside the VPC", port: 5432, cidr: config.vpcCidr },
            { description: "Redis inside the VPC", port: 6379, cidr: config.vpcCidr },
        ],
    },
    {},
);
const deploySg = securityGroup(
    "deploy-sg",
    {
        ...base,
        groupName: "deploy",
        description: "BrazilCart deploy builds: no inbound traffic",
        vpcId: network.vpcId,
        egress: [
            { description: "HTTPS to AWS APIs, GitHub and package registries", port: 443, cidr: "0.0.0.0/0" },
            { description: "PostgreSQL inside the VPC", port: 5432, cidr: config.vpcCidr },
            { description: "Redis inside the VPC", port: 6379, cidr: config.vpcCidr },
        ],
    },
    {},
);

// Where the data stores live, under which key, and whom they alarm.
const dataStore = { ...base, vpcId: network.vpcId, subnetIds: network.privateSubnetIds, kmsKeyArn: dataKey.arn, alarmActions: [alerts.arn] };
const database = new PostgresDatabase("db", { ...dataStore, ...postgresSettings(config, settings) });

database.allowFrom(appSg.id);
database.allowFrom(deploySg.id);

const cache = new RedisCache("cache", { ...dataStore, engine: "redis", ...redisSettings(config, settings) });

cache.allowFrom(appSg.id);
cache.allowFrom(deploySg.id);

const buckets = { ...base, ...bucketNaming(config) };
const accessLogs = new SecureBucket("access-logs", { ...buckets, ...accessLogBucketSettings(settings) });
const artifacts = new SecureBucket("artifacts", {
    ...buckets,
    bucketName: "artifacts",
    kmsKeyArn: pipelineKey.arn,
    lifecycle: { expireAfterDays: config.artifactExpiryDays, noncurrentVersionsExpireAfterDays: settings.noncurrentVersionDays },
    accessLogs: { targetBucket: accessLogs.name },
    removal,
});

const source = new PipelineSource("source", {
    ...base,
    spec:
        config.sourceProvider === "github"
            ? { provider: "CodeStarConnection", connectionName: CONNECTION_RESOURCE, providerType: "GitHub", fullRepositoryId: config.githubRepository!, branch: config.branch }
            : { provider: "CodeCommit", repositoryName: "app", description: `BrazilCart application (${config.environmentSuffix})`, branch: config.branch, kmsKeyArn: pipelineKey.arn },
    removal,
});

const pipelineBase = { ...base, kmsKeyArn: pipelineKey.arn, artifactBucketArn: artifacts.arn, logRetentionDays: config.logRetentionDays, image: config.buildImage };
const build = new BuildProject("build", {
    ...pipelineBase,
    projectName: "build",
    description: "Installs, tests and packages the BrazilCart application",
    buildspec: buildBuildspec(config.buildCommands),
    computeType: config.buildComputeType,
    environmentVariables: [{ name: "ENVIRONMENT", value: config.environmentSuffix }],
});
const deploy = new BuildProject("deploy", {
    ...pipelineBase,
    projectName: "deploy",
    description: "Migrates the database and releases the application, from inside the private subnets",
    buildspec: deployBuildspec(config.deployCommands),
    computeType: config.buildComputeType,
    vpc: { vpcId: network.vpcId, subnetIds: network.privateSubnetIds, securityGroupIds: [deploySg.id] },
    environmentVariables: [
        { name: "ENVIRONMENT", value: config.environmentSuffix },
        { name: "DB_HOST", value: database.address },
        { name: "DB_PORT", value: database.port.apply(String) },
        { name: "DB_NAME", value: config.dbName },
        { name: "DB_USERNAME", type: "SECRETS_MANAGER", secret: database.secret, jsonKey: "username" },
        { name: "DB_PASSWORD", type: "SECRETS_MANAGER", secret: database.secret, jsonKey: "password" },
        { name: "REDIS_HOST", value: cache.primaryEndpoint },
        { name: "REDIS_PORT", value: cache.port.apply(String) },
        { name: "REDIS_TLS", value: "true" },
        { name: "REDIS_AUTH_TOKEN", type: "SECRETS_MANAGER", secret: cache.authToken },
    ],
});

const pipeline = new Pipeline("pipeline", {
    ...base,
    pipelineName: "pipeline",
    source,
    artifactBucket: artifacts,
    kmsKeyArn: pipelineKey.arn,
    logRetentionDays: config.logRetentionDays,
    executionNotifications: { topicArn: approvals.arn, states: ["FAILED"] },
    stages: [
        { name: "Build", actions: [{ kind: "build", name: "Build", project: build, inputArtifacts: ["source"], outputArtifacts: ["build"] }] },
        {
            name: "Approval",
            actions: [
                {
                    kind: "approval",
                    name: "ApproveDeployment",
                    topicArn: approvals.arn,
                    topicKmsKeyArn: pipelineKey.arn,
                    message: `Approve deploying this build of BrazilCart to ${config.environmentSuffix}`,
                },
            ],
        },
        { name: "Deploy", actions: [{ kind: "build", name: "Deploy", project: deploy, inputArtifacts: ["build"] }] },
    ],
});

export const vpc_id = network.vpcId;
export const rds_endpoint = database.endpoint;
export const rds_secret_arn = database.secretArn;
export const redis_endpoint = cache.primaryEndpoint;
export const redis_secret_arn = cache.authTokenSecretArn;
/** Empty with the GitHub source: the code lives on GitHub (see source_connection_arn). */
export const codecommit_clone_url_http = source.cloneUrlHttp;
export const codepipeline_name = pipeline.name;
export const artifact_bucket = artifacts.name;
/** Empty with the CodeCommit source. A new connection is PENDING until completed in the console. */
export const source_connection_arn = source.connectionArn;
export const source_connection_status = source.connectionStatus;
