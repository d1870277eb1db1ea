/**
 * Configuration of `service-pipeline`: a five-stage release pipeline for a container-image
 * Lambda service (us-east-1). Defaults follow the original design; prod keeps every stateful
 * thing.
 */
import { z } from "zod";
import { baseConfigShape, baseSources, stackDefaults } from "./base";
import { ConfigError, loadConfig, type ConfigIssue, type RawReader } from "./load";
import { nameProblem, NAME_RULES } from "./naming";
import { email, logRetentionDays } from "./shapes";

export const PROJECT = "service-pipeline";
export const SYSTEM = "service-pipeline";
export const DEFAULT_REGION = "us-east-1";
/** Resource key of the CodeStar connection: its name is `<system>-gh-<suffix>`, at most 32 characters. */
export const CONNECTION_RESOURCE = "gh";

export const sourceProvider = z.enum(["connection", "codecommit"], { message: 'must be "connection" (GitHub through a CodeStar connection) or "codecommit"' });
export type SourceProvider = z.infer<typeof sourceProvider>;

const buildComputeType = z.enum(["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE"], {
    message: "must be BUILD_GENERAL1_SMALL, BUILD_GENERAL1_MEDIUM or BUILD_GENERAL1_LARGE",
});

const whole = "must be a whole number";

export const serviceSchema = z.object({
    ...baseConfigShape,
    sourceProvider: sourceProvider.default("connection"),
    /** `owner/name` on GitHub, for the connection source. */
    githubRepository: z
        .string()
        .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'must be a GitHub repository as "owner/name", e.g. "acme/orders-service"')
        .optional(),
    /** Name of the CodeCommit repository this stack creates, for the CodeCommit source. @default `<system>-app-<suffix>` */
    codecommitRepositoryName: z
        .string()
        .regex(/^[\w.-]{1,100}$/, "must be 1 to 100 letters, digits, '.', '_' or '-'")
        .refine((n) => !n.endsWith(".git"), "must not end in .git")
        .optional(),
    branch: z
        .string()
        .min(1)
        .max(255)
        .regex(/^(?!\/|.*\/$|.*\.\.|.*\/\/|.*@\{)[A-Za-z0-9._/-]+$/, "must be a git branch name such as main or release/1.x")
        .default("main"),
    appMemoryMb: z.number().int(whole).min(128, "must be 128 to 10240 MiB").max(10240, "must be 128 to 10240 MiB").default(1024),
    appTimeoutSeconds: z.number().int(whole).min(1, "must be 1 to 900 seconds").max(900, "must be 1 to 900 seconds, Lambda's limit").default(30),
    appReservedConcurrency: z.number().int(whole).min(0, "must be 0 or more (0 stops the function)").default(50),
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
        .regex(/^aws\/codebuild\/(standard|amazonlinux-x86_64-standard|amazonlinux2-x86_64-standard):[0-9.]+$/, "must be an x86_64 CodeBuild-managed image such as aws/codebuild/standard:7.0")
        .default("aws/codebuild/standard:7.0"),
    testCommands: z.array(z.string().min(1, "must not be empty")).min(1, "must list at least one command").default(["npm ci", "npm test"]),
    /** Account whose principals may assume the deployment role. @default this account */
    trustedAccountId: z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id").optional(),
    artifactExpiryDays: z.number().int(whole).min(1, "must be at least 1 day").max(3650).default(30),
    keepImages: z.number().int(whole).min(1, "must keep at least 1 image").max(1000).default(10),
    logRetentionDays: logRetentionDays.optional(),
    alarmEmail: email.optional(),
});

export type ServiceConfig = ReturnType<typeof resolveService>;

/** Profile-dependent defaults, resolved once. */
function resolveService(c: z.infer<typeof serviceSchema>) {
    const prod = c.profile === "prod";
    return {
        ...c,
        codecommitRepositoryName: c.codecommitRepositoryName ?? `${SYSTEM}-app-${c.environmentSuffix}`,
        logRetentionDays: c.logRetentionDays ?? (prod ? 365 : 7),
    };
}

export function loadServiceConfig(stack: string, read?: RawReader, env?: NodeJS.ProcessEnv): ServiceConfig {
    const defaults = stackDefaults(stack);
    const schema = serviceSchema.extend({
        environmentSuffix: baseConfigShape.environmentSuffix.default(defaults.environmentSuffix),
        region: baseConfigShape.region.default(DEFAULT_REGION),
        profile: baseConfigShape.profile.default(defaults.profile),
    });
    const parsed = loadConfig(PROJECT, schema, baseSources, read, env);
    const config = resolveService(parsed);
    const issues = crossFieldIssues(config);
    if (issues.length > 0) throw new ConfigError(PROJECT, issues);
    return config;
}

function crossFieldIssues(c: ServiceConfig): ConfigIssue[] {
    const issues: ConfigIssue[] = [];
    if (c.sourceProvider === "connection") {
        if (c.githubRepository === undefined) {
            issues.push({ key: "githubRepository", value: undefined, message: 'is required with sourceProvider "connection": the GitHub repository as "owner/name"' });
        }
        const connection = `${SYSTEM}-${CONNECTION_RESOURCE}-${c.environmentSuffix}`;
        if (nameProblem(connection, "connection") !== undefined) {
            const room = NAME_RULES.connection.max - `${SYSTEM}-${CONNECTION_RESOURCE}-`.length;
            issues.push({
                key: "environmentSuffix",
                value: c.environmentSuffix,
                message: `must be at most ${room} characters with sourceProvider "connection": the connection name ${connection} is limited to ${NAME_RULES.connection.max}`,
            });
        }
    }
    return issues;
}
