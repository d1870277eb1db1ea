/**
 * FastCart order processing: orders arrive on a Kinesis stream, a Fargate service processes
 * them with PostgreSQL for state and Redis for hot data, all encrypted with one customer key.
 */
import { ContainerService, nodeHttpHealthCheck } from "../../src/components/containers";
import { RedisCache } from "../../src/components/cache";
import { PostgresDatabase } from "../../src/components/database";
import { EncryptionKey } from "../../src/components/encryption";
import { Network } from "../../src/components/network";
import { SnsTopic } from "../../src/components/snsTopic";
import { ContainerRegistry } from "../../src/components/registry";
import { securityGroup } from "../../src/components/securityGroup";
import { KinesisStream } from "../../src/components/kinesisStream";
import { systemContext } from "../../src/config/context";
import { networkSettings, postgresSettings, redisSettings } from "../../src/config/wiring";
import { loadFastcartConfig, PROJECT, SYSTEM } from "../../src/config/fastcart";
import { taskSettings } from "../../src/config/shapes";
import { ORDER_IMAGE } from "../../services/orders/image";

const { config, settings, base } = systemContext({ project: PROJECT, system: SYSTEM }, loadFastcartConfig);
const removal = settings.removal;

const key = new EncryptionKey("orders-key", {
    ...base,
    aliasName: "key",
    description: `FastCart order processing (${config.environmentSuffix})`,
    viaServices: ["secretsmanager", "rds", "elasticache", "kinesis", "ecr", "sns"],
    cloudWatchLogs: true,
    removal,
});

const network = new Network("orders-network", {
    ...base,
    ...networkSettings(config),
    flowLogs: { kmsKeyArn: key.arn, retentionInDays: config.logRetentionDays },
});

const alerts = new SnsTopic("orders-alerts", {
    ...base,
    topicName: "alerts",
    displayName: `FastCart alerts (${config.environmentSuffix})`,
    key,
    publishers: ["cloudwatch.amazonaws.com"],
    email: config.alarmEmail,
});

const stream = new KinesisStream("orders-stream", {
    ...base,
    streamName: "orders",
    kmsKeyArn: key.arn,
    shardCount: config.kinesisShardCount,
    retentionHours: config.kinesisRetentionHours,
    alarmActions: [alerts.arn],
    removal,
});

const registry = new ContainerRegistry("orders-registry", {
    ...base,
    repositoryName: "orders",
    kmsKeyArn: key.arn,
    immutableTags: settings.immutableTags,
    removal,
});

// The order service (services/orders), built and pushed by `pulumi up` unless containerImage names one.
const repoRoot = "../..";
const fromRepo = (p: string) => `${repoRoot}/${p}`;
const image =
    config.containerImage ??
    registry.buildImage("orders-image", {
        context: repoRoot,
        dockerfile: fromRepo(ORDER_IMAGE.dockerfile),
        sources: ORDER_IMAGE.sources.map(fromRepo),
    }).uri;

const serviceSg = securityGroup(
    "orders-service-sg",
    {
        ...base,
        groupName: "service",
        description: "Order service tasks: HTTP from inside the VPC only",
        vpcId: network.vpcId,
        ingress: [{ description: "HTTP from inside the VPC", port: config.containerPort, cidr: config.vpcCidr }],
        egress: [
            { description: "HTTPS to AWS APIs and the image registry", port: 443, cidr: "0.0.0.0/0" },
            { description: "PostgreSQL inside the VPC", port: 5432, cidr: config.vpcCidr },
            { description: "Redis inside the VPC", port: 6379, cidr: config.vpcCidr },
        ],
    },
    {},
);

// Where the data stores live, under which key, and whom they alarm.
const dataStore = { ...base, vpcId: network.vpcId, subnetIds: network.privateSubnetIds, kmsKeyArn: key.arn, alarmActions: [alerts.arn] };
const database = new PostgresDatabase("orders-db", { ...dataStore, ...postgresSettings(config, settings) });

const cache = new RedisCache("orders-cache", { ...dataStore, engine: config.cacheEngine, ...redisSettings(config, settings) });

const service = new ContainerService("orders-service", {
    ...base,
    subnetIds: network.privateSubnetIds,
    securityGroupIds: [serviceSg.id],
    kmsKeyArn: key.arn,
    logRetentionDays: config.logRetentionDays,
    containerInsights: "enabled",
    ...taskSettings(config),
    image,
    containerName: "orders",
    pullRepositoryArns: [registry.arn],
    // The order service answers /health on its port (200 while its lease rounds reach the
    // database) and its image has node, not curl; an image given in config brings its own.
    healthCheck: config.containerImage === undefined ? nodeHttpHealthCheck(config.containerPort, "/health", { startPeriodSeconds: 60 }) : undefined,
    environment: {
        ENVIRONMENT: config.environmentSuffix,
        AWS_REGION: config.region,
        KINESIS_STREAM_NAME: stream.name,
        DB_HOST: database.address,
        DB_PORT: database.port.apply(String),
        DB_NAME: config.dbName,
        // Read by the service when it connects, not injected at start: RDS rotates this secret.
        DB_SECRET_ARN: database.secretArn,
        DB_SSL: "verify-full",
        PORT: String(config.containerPort),
        REDIS_HOST: cache.primaryEndpoint,
        REDIS_PORT: cache.port.apply(String),
        REDIS_TLS: "true",
    },
    secrets: [
        { name: "REDIS_AUTH_TOKEN", secret: cache.authToken },
    ],
});
database.allowFrom(serviceSg.id);
cache.allowFrom(serviceSg.id);
// The service consumes the stream; producers are other systems.
stream.grantRead(service);
database.grantSecretRead(service);

export const vpc_id = network.vpcId;
export const public_subnet_ids = network.publicSubnetIds;
export const private_subnet_ids = network.privateSubnetIds;
export const ecs_cluster_arn = service.clusterArn;
export const ecs_service_name = service.name;
export const kinesis_stream_name = stream.name;
export const kinesis_stream_arn = stream.arn;
export const rds_endpoint = database.endpoint;
export const rds_instance_id = database.name;
export const redis_endpoint = cache.primaryEndpoint;
export const redis_port = cache.port;
export const ecr_repository_url = registry.repositoryUrl;
export const kms_key_id = key.keyId;
export const kms_key_arn = key.arn;
export const log_group_name = service.logGroupName;
export const db_secret_arn = database.secretArn;
