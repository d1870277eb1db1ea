/**
 * Configuration of `service-pipeline`: a five-stage release pipeline for a container-image
 * Lambda service (us-east-1). Defaults follow the original design; prod keeps every stateful
 * thing.
 */
import type { AwsRegion } from "../aws/regions";
import { stringify } from "yaml";
import { z } from "zod";
import { CONFIGURABLE_COMPUTE_TYPES } from "../aws/codebuild";
import { DEFAULT_BUILD_IMAGE } from "../components/pipeline/build";
import type { SourceSpec } from "../components/pipeline/source";
import { baseConfigShape, baseSources } from "./base";
import { ConfigError, type ConfigIssue, type RawReader } from "./load";
import { connectionSuffixIssue } from "./naming";
import { email, gitBranch, githubRepository, logRetentionDays } from "./shapes";
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

/** The pipeline source the config chose: the GitHub repository through a connection, or a new CodeCommit repository. */
export function sourceSpec(c: ServiceConfig): SourceSpec {
    if (c.sourceProvider === "codecommit") {
        return { provider: "CodeCommit", repositoryName: CODECOMMIT_RESOURCE, description: `Source of the service released by ${PROJECT} (${c.environmentSuffix})`, branch: c.branch };
    }
    if (c.githubRepository === undefined) throw new ConfigError(PROJECT, [githubRepositoryMissing]);
    return { provider: "CodeStarConnection", connectionName: CONNECTION_RESOURCE, providerType: "GitHub", fullRepositoryId: c.githubRepository, branch: c.branch };
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

/** YAML without folded lines, so a buildspec reads as the commands it runs. */
function buildspec(spec: object): string {
    return stringify(spec, { lineWidth: 0 });
}

/**
 * A buildx builder image from Amazon ECR Public: CodeBuild's shared addresses hit Docker Hub's
 * anonymous pull limit, which would fail the build before it starts.
 */
export const BUILDKIT_IMAGE = "public.ecr.aws/vend/moby/buildkit:buildx-stable-1";

/** Where the Build stage keeps its Docker layer cache on the build host; CodeBuild syncs it with the S3 cache bucket. */
export const LAYER_CACHE_DIR = "/root/.buildx-cache";

/**
 * The Build stage: build the application's `Dockerfile` with a layer cache, push it to ECR under
 * `<commit>-<build number>` (unique, so immutable tags never collide on a retry), and export the
 * pushed image by digest as `IMAGE_URI` with the commit as `COMMIT`, for the Deploy stage.
 * Expects `REPOSITORY_URI` in the environment.
 *
 * Lambda accepts only single-platform image manifests, so provenance and SBOM attestations (which
 * turn the push into an image index) are off.
 */
export function imageBuildspec(): string {
    const next = `${LAYER_CACHE_DIR}-next`;
    return buildspec({
        version: 0.2,
        env: { "exported-variables": ["IMAGE_URI", "COMMIT"] },
        phases: {
            pre_build: {
                commands: [
                    'COMMIT="${CODEBUILD_RESOLVED_SOURCE_VERSION:-unknown}"',
                    'IMAGE_TAG="${COMMIT:0:12}-${CODEBUILD_BUILD_NUMBER}"',
                    'aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "${REPOSITORY_URI%%/*}"',
                    // The default docker driver cannot export a cache; a docker-container builder can.
                    `docker buildx create --name layer-cache --driver docker-container --driver-opt image=${BUILDKIT_IMAGE} --use`,
                ],
            },
            build: {
                commands: [
                    [
                        "docker buildx build --platform linux/amd64 --provenance=false --sbom=false",
                        `--cache-from type=local,src=${LAYER_CACHE_DIR}`,
                        `--cache-to type=local,dest=${next},mode=max`,
                        '--tag "$REPOSITORY_URI:$IMAGE_TAG" --metadata-file image-metadata.json --push .',
                    ].join(" "),
                    // A fresh export each build keeps the cache from growing with layers no longer used.
                    `rm -rf ${LAYER_CACHE_DIR} && mv ${next} ${LAYER_CACHE_DIR}`,
                    `IMAGE_URI="$REPOSITORY_URI@$(jq -r '."containerimage.digest"' image-metadata.json)"`,
                    'echo "Pushed $IMAGE_URI"',
                ],
            },
        },
        cache: { paths: [`${LAYER_CACHE_DIR}/**/*`] },
    });
}

/** The Test stage: the application's test suite on the source, with Node.js 22. */
export function testBuildspec(commands: readonly string[]): string {
    return buildspec({
        version: 0.2,
        phases: {
            install: { "runtime-versions": { nodejs: 22 } },
            build: { commands: [...commands] },
        },
    });
}

/**
 * What the Deploy stage's Lambda invoke action passes to the deploy function
 * (src/functions/deploy/README.md): the image and commit the Build stage exported.
 */
export function deployUserParameters(buildNamespace: string): string {
    return JSON.stringify({ imageUri: `#{${buildNamespace}.IMAGE_URI}`, commit: `#{${buildNamespace}.COMMIT}` });
}
