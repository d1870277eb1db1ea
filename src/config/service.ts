/**
 * Configuration of `service-pipeline`: a five-stage release pipeline for a container-image
 * Lambda service (us-east-1). Defaults follow the original design; prod keeps every stateful
 * thing.
 */
import type { AwsRegion } from "../aws/regions";
import { z } from "zod";
import { CONFIGURABLE_COMPUTE_TYPES, DEFAULT_BUILD_IMAGE } from "../aws/codebuild";
import { baseConfigShape, baseSources } from "./base";
import type { ConfigIssue, RawReader } from "./load";
import { connectionSuffixIssue } from "./naming";
import { bucketNames, email, gitBranch, githubRepository, logRetentionDays } from "./shapes";
import { profileSettings } from "./profile";
import { loadSystemConfig } from "./system";

export const PROJECT = "service-pipeline";
export const SYSTEM = "service-pipeline";
export const DEFAULT_REGION: AwsRegion = "us-east-1";
/** Resource key of the CodeStar connection: its name is `<system>-gh-<suffix>`, at most 32 characters. */
export const CONNECTION_RESOURCE = "gh";
/** Resource key of the CodeCommit repository the stack creates for the CodeCommit source. */
export const CODECOMMIT_RESOURCE = "app";

export const sourceProvider = z.enum(["connection", "codecommit"], { message: 'must be "connection" (GitHub through a CodeStar connection) or "codecommit"' });
export type SourceProvider = z.infer<typeof sourceProvider>;

const buildComputeType = z.enum(CONFIGURABLE_COMPUTE_TYPES, { message: `must be one of ${CONFIGURABLE_COMPUTE_TYPES.join(", ")}` });

const whole = "must be a whole number";

export const serviceSchema = z.object({
    ...baseConfigShape,
    sourceProvider: sourceProvider.default("connection"),
    /** `owner/name` on GitHub, for the connection source. */
    githubRepository: githubRepository("acme/orders-service").optional(),
    branch: gitBranch.default("main"),
    appMemoryMb: z.number().int(whole).min(128, "must be 128 to 10240 MiB").max(10240, "must be 128 to 10240 MiB").default(1024),
    appTimeoutSeconds: z.number().int(whole).min(1, "must be 1 to 900 seconds").max(900, "must be 1 to 900 seconds, Lambda's limit").default(30),
    /** @default 50 (the design's) where the profile reserves concurrency (prod); unset in dev, where a new account's quota cannot spare it. */
    appReservedConcurrency: z.number().int(whole).min(0, "must be 0 or more (0 stops the function)").optional(),
    deployTimeoutSeconds: z
        .number()
        .int(whole)
        .min(60, "must be at least 60 s: an image update takes tens of seconds and the function keeps 10 s back to report")
        .max(900, "must be at most 900 s, Lambda's limit")
        .default(300),
    /** The function's Errors sum in 5 minutes above which the alarm fires. */
    errorAlarmThreshold: z.number().int(whole).min(0).default(5),
    buildComputeType: buildComputeType.default("BUILD_GENERAL1_MEDIUM"),
    testComputeType: buildComputeType.default("BUILD_GENERAL1_SMALL"),
    buildImage: z
        .string()
        .regex(
            /^aws\/codebuild\/(standard|amazonlinux-x86_64-standard|amazonlinux2-x86_64-standard):[0-9.]+$/,
            `must be an x86_64 CodeBuild-managed image such as ${DEFAULT_BUILD_IMAGE} (the build needs Docker)`,
        )
        .default(DEFAULT_BUILD_IMAGE),
    testCommands: z.array(z.string().min(1, "must not be empty")).min(1, "must list at least one command").default(["npm ci", "npm test"]),
    /** Account whose principals may assume the deployment role. @default this account */
    trustedAccountId: z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id").optional(),
    artifactExpiryDays: z.number().int(whole).min(1, "must be at least 1 day").max(3650).optional(),
    keepImages: z.number().int(whole).min(1, "must keep at least 1 image").max(1000).optional(),
    bucketNames,
    logRetentionDays: logRetentionDays.optional(),
    alarmEmail: email.optional(),
});

export type ServiceConfig = ReturnType<typeof resolveService>;

/** The service function's concurrency as the design reserves it. */
export const DESIGN_RESERVED_CONCURRENCY = 50;

/** Profile-dependent defaults, resolved once from the profile's settings. */
function resolveService(c: z.infer<typeof serviceSchema>) {
    const settings = profileSettings(c.profile);
    return {
        ...c,
        logRetentionDays: c.logRetentionDays ?? settings.logRetentionDays,
        artifactExpiryDays: c.artifactExpiryDays ?? settings.artifactExpiryDays,
        keepImages: c.keepImages ?? settings.keepImages,
        appReservedConcurrency: c.appReservedConcurrency ?? (settings.reserveConcurrency ? DESIGN_RESERVED_CONCURRENCY : undefined),
    };
}

export function loadServiceConfig(stack: string, read?: RawReader, env?: NodeJS.ProcessEnv): ServiceConfig {
    return loadSystemConfig({ project: PROJECT, defaultRegion: DEFAULT_REGION, schema: serviceSchema, sources: baseSources, resolve: resolveService, crossField: crossFieldIssues }, stack, read, env);
}

const githubRepositoryMissing: ConfigIssue = {
    key: "githubRepository",
    value: undefined,
    message: 'is required with sourceProvider "connection": the GitHub repository as "owner/name"',
};

function crossFieldIssues(c: ServiceConfig): ConfigIssue[] {
    const issues: ConfigIssue[] = [];
    if (c.sourceProvider === "connection") {
        if (c.githubRepository === undefined) issues.push(githubRepositoryMissing);
        const suffixIssue = connectionSuffixIssue(SYSTEM, CONNECTION_RESOURCE, c.environmentSuffix, "connection");
        if (suffixIssue) issues.push(suffixIssue);
    }
    return issues;
}

/**
 * What the Deploy stage's Lambda invoke action passes to the deploy function
 * (src/functions/lambdaRelease/README.md): the image and commit the Build stage exported.
 */
export function deployUserParameters(buildNamespace: string): string {
    return JSON.stringify({ imageUri: `#{${buildNamespace}.IMAGE_URI}`, commit: `#{${buildNamespace}.COMMIT}` });
}
