/**
 * Configuration of `brazilcart-cicd`: CI/CD for a multi-region store (sa-east-1). A 3-AZ VPC
 * with a NAT gateway per AZ in both stacks (the design asks for it), Multi-AZ PostgreSQL, Redis,
 * and a CodePipeline with manual approval whose source is a CodeCommit repository or a GitHub
 * connection. Defaults follow the original design; prod keeps every stateful thing.
 */
import type { AwsRegion } from "../aws/regions";
import { z } from "zod";
import { CONFIGURABLE_COMPUTE_TYPES, DEFAULT_BUILD_IMAGE } from "../aws/codebuild";
import { baseConfigShape, baseSources } from "./base";
import type { ConfigIssue, RawReader } from "./load";
import { connectionSuffixIssue } from "./naming";
import { allocatedStorageGb, backupRetentionDays, bucketNames, cacheNodeType, cidrBlock, databaseName, databaseUsername, dbMonitoringLogGroup, email, gitBranch, githubRepository, interfaceEndpoint, logRetentionDays, natStrategy, networkLayoutIssues, rdsInstanceClass } from "./shapes";
import { profileSettings } from "./profile";
import { loadSystemConfig } from "./system";

export const PROJECT = "brazilcart-cicd";
export const SYSTEM = "brazilcart";
export const DEFAULT_REGION: AwsRegion = "sa-east-1";
/** Resource key of the GitHub connection: `brazilcart-github-<suffix>`, at most 32 characters. */
export const CONNECTION_RESOURCE = "github";

export const sourceProvider = z.enum(["codecommit", "github"], {
    message: 'must be "codecommit" (a repository this stack creates) or "github" (a CodeStar connection to GitHub)',
});
export type SourceProvider = z.infer<typeof sourceProvider>;

const buildComputeType = z.enum(CONFIGURABLE_COMPUTE_TYPES, { message: `must be one of ${CONFIGURABLE_COMPUTE_TYPES.join(", ")}` });

const whole = "must be a whole number";

/** What the build project runs by default: install, test and package the application. */
export const DEFAULT_BUILD_COMMANDS = ["npm ci", "npm test", "npm run build --if-present"];
/** What the deploy project runs by default, inside the private subnets: database migrations, then the release. */
export const DEFAULT_DEPLOY_COMMANDS = ["npm ci --omit=dev", "npm run migrate --if-present", "npm run deploy --if-present"];

export const brazilcartSchema = z.object({
    ...baseConfigShape,
    vpcCidr: cidrBlock.default("10.0.0.0/16"),
    azCount: z.number().int(whole).min(3, "must be at least 3: the design spreads every tier over three zones").max(6).default(3),
    publicSubnetCidrs: z.array(cidrBlock).optional(),
    privateSubnetCidrs: z.array(cidrBlock).optional(),
    natGateways: natStrategy.default("perAz"),
    vpcEndpoints: z.array(interfaceEndpoint).optional(),
    dbInstanceClass: rdsInstanceClass.default("db.t3.medium"),
    dbAllocatedStorageGb: allocatedStorageGb.default(100),
    dbMultiAz: z.boolean().default(true),
    dbBackupRetentionDays: backupRetentionDays.default(7),
    dbName: databaseName.default("brazilcart"),
    dbUsername: databaseUsername.default("brazilcart_admin"),
    dbMonitoringLogGroup,
    cacheNodeType: cacheNodeType.default("cache.t3.micro"),
    cacheNodes: z.number().int(whole).min(2, "must be at least 2: automatic failover needs a replica").max(6).default(2),
    sourceProvider: sourceProvider.default("codecommit"),
    /** `owner/name` on GitHub, for the github source. */
    githubRepository: githubRepository("brazilcart/storefront").optional(),
    branch: gitBranch.default("main"),
    buildComputeType: buildComputeType.default("BUILD_GENERAL1_SMALL"),
    buildImage: z
        .string()
        .regex(/^aws\/codebuild\/(standard|amazonlinux-x86_64-standard|amazonlinux2-x86_64-standard):[0-9.]+$/, `must be a CodeBuild-managed x86_64 image such as ${DEFAULT_BUILD_IMAGE}`)
        .default(DEFAULT_BUILD_IMAGE),
    buildCommands: z.array(z.string().min(1, "must not be empty")).min(1, "must list at least one command").default(DEFAULT_BUILD_COMMANDS),
    deployCommands: z.array(z.string().min(1, "must not be empty")).min(1, "must list at least one command").default(DEFAULT_DEPLOY_COMMANDS),
    /** The application's port, opened in its security group from inside the VPC. */
    appPort: z.number().int(whole).min(1024, "must be 1024 or above: the application runs as a non-root user").max(65535).default(8080),
    approvalEmail: email.optional(),
    alarmEmail: email.optional(),
    artifactExpiryDays: z.number().int(whole).min(1, "must be at least 1 day").max(3650).optional(),
    logRetentionDays: logRetentionDays.optional(),
    bucketNames,
});

export type BrazilcartConfig = ReturnType<typeof resolveBrazilcart>;

/**
 * The APIs the in-VPC deploy builds call (logs, secrets), reached through interface endpoints
 * where the profile has them; nothing here pulls images from ECR, so no ECR endpoints.
 */
const ENDPOINTS = ["logs", "secretsmanager"] as const;

/** Profile-dependent defaults, resolved once from the profile's settings. */
function resolveBrazilcart(c: z.infer<typeof brazilcartSchema>) {
    const settings = profileSettings(c.profile);
    return {
        ...c,
        vpcEndpoints: c.vpcEndpoints ?? (settings.interfaceEndpoints ? ENDPOINTS : []),
        logRetentionDays: c.logRetentionDays ?? settings.logRetentionDays,
        artifactExpiryDays: c.artifactExpiryDays ?? settings.artifactExpiryDays,
    };
}

export function loadBrazilcartConfig(stack: string, read?: RawReader, env?: NodeJS.ProcessEnv): BrazilcartConfig {
    return loadSystemConfig({ project: PROJECT, defaultRegion: DEFAULT_REGION, schema: brazilcartSchema, sources: baseSources, resolve: resolveBrazilcart, crossField: crossFieldIssues }, stack, read, env);
}

function crossFieldIssues(c: BrazilcartConfig): ConfigIssue[] {
    const issues: ConfigIssue[] = networkLayoutIssues(c);
    if (c.natGateways === "none") {
        issues.push({ key: "natGateways", value: c.natGateways, message: 'must be "single" or "perAz": the builds in the private subnets reach GitHub, npm and AWS APIs through NAT' });
    }
    if (c.profile === "prod" && c.natGateways !== "perAz") {
        issues.push({ key: "natGateways", value: c.natGateways, message: 'must be "perAz" in prod: a zone outage must not cut the other zones\' egress' });
    }
    if (c.profile === "prod" && !c.dbMultiAz) {
        issues.push({ key: "dbMultiAz", value: c.dbMultiAz, message: "must be true in prod: the design runs PostgreSQL Multi-AZ" });
    }
    if (c.sourceProvider === "github") {
        if (c.githubRepository === undefined) {
            issues.push({ key: "githubRepository", value: undefined, message: 'is required with sourceProvider "github": the repository as "owner/name"' });
        }
        const suffixIssue = connectionSuffixIssue(SYSTEM, CONNECTION_RESOURCE, c.environmentSuffix, "github");
        if (suffixIssue) issues.push(suffixIssue);
    } else if (c.githubRepository !== undefined) {
        issues.push({ key: "githubRepository", value: c.githubRepository, message: 'is used only with sourceProvider "github"; remove it or set sourceProvider' });
    }
    return issues;
}
