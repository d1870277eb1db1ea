/**
 * The Lambda side of a deployment: point the function at a new image, wait until the update
 * is live, publish a version and move the alias to it. Each step is one function; `release`
 * runs them in order and records what it learned in `progress`, so a failure part-way still
 * says which version was published.
 */
import {
    CreateAliasCommand,
    GetAliasCommand,
    GetFunctionCommand,
    GetFunctionConfigurationCommand,
    PublishVersionCommand,
    UpdateAliasCommand,
    UpdateFunctionCodeCommand,
    type FunctionConfiguration,
    type LambdaClient,
} from "@aws-sdk/client-lambda";
import type { DeploymentDetails } from "./history";
import type { DeployRequest } from "./job";

export interface Clock {
    /** Milliseconds since the epoch. */
    now(): number;
    sleep(ms: number): Promise<void>;
}

export interface WaitOptions {
    /** Stop waiting before this time (ms since the epoch), leaving time to report. */
    readonly deadline: number;
    readonly pollIntervalMs: number;
    /** Aborts AWS calls that would run past the deadline. */
    readonly abortSignal?: AbortSignal;
}

/** The deadline passed while the function was still updating. */
export class DeadlineError extends Error {}

type Progress = { -readonly [K in keyof DeploymentDetails]: DeploymentDetails[K] };

export type ReleaseResult = Required<Pick<DeploymentDetails, "version" | "codeSha256" | "alias">> & DeploymentDetails;

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

/** The update is settled when the function is neither being created nor being updated. */
export function isSettled(configuration: FunctionConfiguration): boolean {
    return configuration.State !== "Pending" && configuration.LastUpdateStatus !== "InProgress";
}

/** Polls the function until its last update settles, or throws a DeadlineError in time to report. */
export async function waitUntilSettled(
    lambda: LambdaClient,
    functionName: string,
    clock: Clock,
    options: WaitOptions,
): Promise<FunctionConfiguration> {
    const started = clock.now();
    for (;;) {
        const configuration = await lambda.send(
            new GetFunctionConfigurationCommand({ FunctionName: functionName }),
            { abortSignal: options.abortSignal },
        );
        if (isSettled(configuration)) return configuration;
        const now = clock.now();
        if (now + options.pollIntervalMs > options.deadline) {
            throw new DeadlineError(
                `function ${functionName} is still updating (State ${configuration.State ?? "unknown"}, ` +
                    `LastUpdateStatus ${configuration.LastUpdateStatus ?? "unknown"}) after ${seconds(now - started)}; ` +
                    "stopped waiting to report before the deploy function times out. The update may still finish: " +
                    "check the function, then retry the stage, or raise the deploy function's timeout",
            );
        }
        await clock.sleep(options.pollIntervalMs);
    }
}

/** Why an update did not succeed, in the words Lambda gives. */
export function describeUpdateFailure(functionName: string, imageUri: string, configuration: FunctionConfiguration): string {
    const reason = [configuration.LastUpdateStatusReasonCode, configuration.LastUpdateStatusReason]
        .filter((part) => part !== undefined && part !== "")
        .join(": ");
    return `updating ${functionName} to ${imageUri} ended with LastUpdateStatus ${configuration.LastUpdateStatus ?? "unknown"}` +
        (reason === "" ? "" : ` (${reason})`);
}

/** `sha256:<hex>` from `<repository>@sha256:<hex>`. */
export function digestOf(resolvedImageUri: string | undefined): string | undefined {
    const at = resolvedImageUri?.lastIndexOf("@") ?? -1;
    return resolvedImageUri === undefined || at < 0 ? undefined : resolvedImageUri.slice(at + 1);
}

/** Lambda version descriptions hold at most 256 characters. */
export function versionDescription(request: DeployRequest): string {
    const text = request.commit === undefined ? request.imageUri : `${request.commit} ${request.imageUri}`;
    return text.length <= 256 ? text : `${text.slice(0, 255)}…`;
}

/** Points the alias at the version, creating it when missing; returns the version it pointed at before. */
export async function moveAlias(
    lambda: LambdaClient,
    functionName: string,
    aliasName: string,
    version: string,
    abortSignal?: AbortSignal,
): Promise<string | undefined> {
    let current: { FunctionVersion?: string; RevisionId?: string } | undefined;
    try {
        current = await lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: aliasName }), { abortSignal });
    } catch (error) {
        if (!(error instanceof Error && error.name === "ResourceNotFoundException")) throw error;
    }
    if (current === undefined) {
        await lambda.send(
            new CreateAliasCommand({ FunctionName: functionName, Name: aliasName, FunctionVersion: version }),
            { abortSignal },
        );
        return undefined;
    }
    await lambda.send(
        new UpdateAliasCommand({
            FunctionName: functionName,
            Name: aliasName,
            FunctionVersion: version,
            // A leftover canary weight would keep sending traffic to an old version.
            RoutingConfig: { AdditionalVersionWeights: {} },
            // Fails instead of overwriting a change made since it was read.
            RevisionId: current.RevisionId,
        }),
        { abortSignal },
    );
    return current.FunctionVersion;
}

/** Deploys the image to the function and moves the alias; fills `progress` as it goes. */
export async function release(
    lambda: LambdaClient,
    request: DeployRequest,
    aliasName: string,
    clock: Clock,
    options: WaitOptions,
    progress: Progress,
): Promise<ReleaseResult> {
    const { functionName, imageUri } = request;
    const { abortSignal } = options;

    const before = await waitUntilSettled(lambda, functionName, clock, options);
    if (before.PackageType !== "Image") {
        throw new Error(
            `function ${functionName} is packaged as ${before.PackageType ?? "Zip"}; this step deploys container-image functions only`,
        );
    }

    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: functionName, ImageUri: imageUri }), { abortSignal });
    const after = await waitUntilSettled(lambda, functionName, clock, options);
    if (after.LastUpdateStatus !== "Successful") {
        throw new Error(describeUpdateFailure(functionName, imageUri, after));
    }
    progress.codeSha256 = after.CodeSha256;

    const published = await lambda.send(
        new PublishVersionCommand({
            FunctionName: functionName,
            // Publishes exactly the code just deployed, or fails if someone changed it since.
            CodeSha256: after.CodeSha256,
            Description: versionDescription(request),
        }),
        { abortSignal },
    );
    const version = published.Version;
    if (version === undefined || published.CodeSha256 === undefined) {
        throw new Error(`PublishVersion for ${functionName} returned no version`);
    }
    progress.version = version;
    progress.codeSha256 = published.CodeSha256;

    const code = await lambda.send(new GetFunctionCommand({ FunctionName: functionName, Qualifier: version }), { abortSignal });
    progress.resolvedImageUri = code.Code?.ResolvedImageUri;
    progress.imageDigest = digestOf(code.Code?.ResolvedImageUri);

    progress.previousVersion = await moveAlias(lambda, functionName, aliasName, version, abortSignal);
    progress.alias = aliasName;

    return { ...progress, version, codeSha256: published.CodeSha256, alias: aliasName };
}
