/**
 * Configuration of `fastcart-orders`: event-driven order processing (eu-central-1).
 * Defaults follow the original design for dev; prod keeps every stateful thing.
 */
import type { AwsRegion } from "../aws/regions";
import { z } from "zod";
import { CACHE_ENGINES } from "../aws/elasticache";
import { fargateMemoryProblem } from "../aws/fargate";
import { baseConfigShape, baseSources } from "./base";
import type { ConfigIssue, RawReader } from "./load";
import { profileSettings } from "./profile";
import { loadSystemConfig } from "./system";
import { allocatedStorageGb, backupRetentionDays, cacheNodeType, cidrBlock, databaseName, databaseUsername, dbMonitoringLogGroup, email, interfaceEndpoint, logRetentionDays, natStrategy, networkLayoutIssues, rdsInstanceClass } from "./shapes";

export const PROJECT = "fastcart-orders";
export const SYSTEM = "fastcart";
export const DEFAULT_REGION: AwsRegion = "eu-central-1";

export const fastcartSchema = z.object({
    ...baseConfigShape,
    vpcCidr: cidrBlock.default("10.0.0.0/16"),
    azCount: z.number().int("must be a whole number").min(2, "must be at least 2: the database and cache span two zones").max(6).default(2),
    publicSubnetCidrs: z.array(cidrBlock).optional(),
    privateSubnetCidrs: z.array(cidrBlock).optional(),
    natGateways: natStrategy.optional(),
    vpcEndpoints: z.array(interfaceEndpoint).optional(),
    kinesisShardCount: z.number().int("must be a whole number").min(1, "must be at least 1 shard").max(500, "must be at most 500 shards (the default account limit)").default(2),
    kinesisRetentionHours: z.number().int("must be a whole number").min(24, "must be at least 24 hours").max(8760, "must be at most 8760 hours (365 days)").optional(),
    /**
     * An image URI the service runs instead of the order service this program builds from
     * services/orders and pushes to the stack's repository (which needs Docker where `pulumi up` runs).
     */
    containerImage: z.string().min(1).optional(),
    containerPort: z.number().int("must be a whole number").min(1024, "must be 1024 or above: the container runs as a non-root user").max(65535).default(8080),
    /** The order service's image runs as uid 1000 (USER in services/orders/Dockerfile). */
    containerUser: z.string().regex(/^[1-9]\d*(:\d+)?$/, "must be a numeric non-root uid[:gid] such as 101 or 1000:1000").default("1000:1000"),
    taskCpu: z.number().int("must be a whole number").default(512),
    taskMemory: z.number().int("must be a whole number").default(1024),
    desiredCount: z.number().int("must be a whole number").min(1).max(100).default(2),
    dbInstanceClass: rdsInstanceClass.optional(),
    dbAllocatedStorageGb: allocatedStorageGb.default(20),
    dbMultiAz: z.boolean().optional(),
    dbBackupRetentionDays: backupRetentionDays.default(7),
    dbName: databaseName.default("orders"),
    dbUsername: databaseUsername.default("fastcart_admin"),
    dbMonitoringLogGroup,
    cacheEngine: z.enum(CACHE_ENGINES).default("redis"),
    cacheNodeType: cacheNodeType.default("cache.t3.micro"),
    cacheNodes: z.number().int("must be a whole number").min(1).max(6).default(2),
    logRetentionDays: logRetentionDays.optional(),
    alarmEmail: email.optional(),
});

export type FastcartConfig = ReturnType<typeof resolveFastcart>;

/** The AWS APIs the tasks call, reached through interface endpoints where the profile has them. */
const ENDPOINTS = ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "kinesis-streams"] as const;

/** Profile-dependent defaults, resolved once from the profile's settings. */
function resolveFastcart(c: z.infer<typeof fastcartSchema>) {
    const settings = profileSettings(c.profile);
    return {
        ...c,
        natGateways: c.natGateways ?? settings.natGateways,
        vpcEndpoints: c.vpcEndpoints ?? (settings.interfaceEndpoints ? ENDPOINTS : []),
        kinesisRetentionHours: c.kinesisRetentionHours ?? settings.streamRetentionHours,
        // The design's sizes: the smallest class for a destroyable stack, burstable medium for prod.
        dbInstanceClass: c.dbInstanceClass ?? (settings.removal === "destroy" ? "db.t3.micro" : "db.t3.medium"),
        dbMultiAz: c.dbMultiAz ?? settings.multiAz,
        logRetentionDays: c.logRetentionDays ?? settings.logRetentionDays,
    };
}

export function loadFastcartConfig(stack: string, read?: RawReader, env?: NodeJS.ProcessEnv): FastcartConfig {
    return loadSystemConfig({ project: PROJECT, defaultRegion: DEFAULT_REGION, schema: fastcartSchema, sources: baseSources, resolve: resolveFastcart, crossField: crossFieldIssues }, stack, read, env);
}

function crossFieldIssues(c: FastcartConfig): ConfigIssue[] {
    const issues: ConfigIssue[] = [];
    const memory = fargateMemoryProblem(c.taskCpu, c.taskMemory);
    if (memory) issues.push({ key: "taskMemory", value: c.taskMemory, message: memory });
    issues.push(...networkLayoutIssues(c));
    if (c.profile === "prod" && c.cacheNodes < 2) {
        issues.push({ key: "cacheNodes", value: c.cacheNodes, message: "prod needs at least 2 cache nodes for automatic failover (ElastiCache.3)" });
    }
    return issues;
}
