/**
 * The deploy step of a CodePipeline pipeline for container-image Lambda services, as a
 * handler factory: clients, clock and environment are injected, so tests run it against
 * stubbed AWS APIs, a local DynamoDB and a fake clock.
 *
 * Every job that carries an id ends in PutJobSuccessResult or PutJobFailureResult before the
 * deploy function's own deadline; only a failure to reach CodePipeline itself is thrown, so
 * that Lambda redelivers the event and the redelivery reports the recorded outcome.
 */
import type { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { LambdaClient } from "@aws-sdk/client-lambda";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DeploymentHistory, type DeploymentDetails, type DeploymentKey, type DeploymentRecord } from "./history";
import { jobIdOf, LIVE_ALIAS, readDeployEnv, readJob, type DeployEnv, type DeployRequest } from "./job";
import { release, type Clock } from "./release";
import { describeError, reportFailure, reportSuccess, type ReportResult } from "./report";

/** The part of the Lambda context this handler reads. */
export interface LambdaContext {
    getRemainingTimeInMillis(): number;
    readonly awsRequestId?: string;
}

export interface DeployHandlerDependencies {
    readonly lambda: LambdaClient;
    readonly codepipeline: CodePipelineClient;
    readonly dynamo: DynamoDBClient;
    /** Milliseconds since the epoch. */
    readonly now: () => number;
    readonly sleep: (ms: number) => Promise<void>;
    /**
     * Read on every invocation: `DEPLOYMENT_TABLE_NAME`, `ENVIRONMENT_SUFFIX`, `TARGET_FUNCTION_NAME`.
     * @default process.env
     */
    readonly env?: Readonly<Record<string, string | undefined>>;
    /**
     * How often to check whether the function update is live. Image updates take tens of
     * seconds; polling faster only spends GetFunctionConfiguration quota.
     * @default 5000
     */
    readonly pollIntervalMs?: number;
    /**
     * Structured log sink. The job event is never logged: it carries temporary artifact credentials.
     * @default one JSON line per entry on stdout
     */
    readonly log?: (entry: Readonly<Record<string, unknown>>) => void;
}

export interface DeployOutcome {
    readonly jobId: string;
    readonly status: "SUCCEEDED" | "FAILED";
    /** The summary or failure message sent to CodePipeline. */
    readonly message: string;
    readonly version?: string;
    /** True when the job had already been recorded and its recorded outcome was reported again. */
    readonly replayed: boolean;
    readonly reported: ReportResult;
}

export type DeployHandler = (event: unknown, context: LambdaContext) => Promise<DeployOutcome>;

const DEFAULT_POLL_INTERVAL_MS = 5000;
const MAX_REPORT_RESERVE_MS = 10_000;

/**
 * How an invocation's remaining time is split: AWS work first, then a reserve (at most 10 s,
 * at most a quarter) to write the FAILED record and report, so a slow update still ends in a
 * reported result rather than a Lambda timeout.
 */
export function splitInvocationTime(remainingMs: number): { readonly workMs: number; readonly reserveMs: number } {
    const reserveMs = Math.min(MAX_REPORT_RESERVE_MS, Math.floor(remainingMs / 4));
    return { workMs: Math.max(1, remainingMs - reserveMs), reserveMs };
}

const defaultLog = (entry: Readonly<Record<string, unknown>>): void => {
    console.log(JSON.stringify(entry));
};

/** The record's state when a failure has to be written. */
type RecordState =
    | { readonly kind: "unavailable" }
    | {
        readonly kind: "unclaimed";
        readonly history: DeploymentHistory;
        readonly key: DeploymentKey;
        readonly environment: string;
    }
    | { readonly kind: "claimed"; readonly history: DeploymentHistory; readonly key: DeploymentKey };

function successSummary(details: DeploymentDetails): string {
    const from = details.previousVersion === undefined ? "created" : `moved from version ${details.previousVersion}`;
    return `Deployed ${details.imageUri ?? "the image"} to ${details.functionName ?? "the function"} ` +
        `version ${details.version ?? "unknown"}; alias ${details.alias ?? LIVE_ALIAS} ${from}`;
}

function detailsOf(request: DeployRequest): DeploymentDetails {
    return {
        functionName: request.functionName,
        imageUri: request.imageUri,
        ...(request.commit === undefined ? {} : { commit: request.commit }),
    };
}

function outputVariables(details: DeploymentDetails): Record<string, string> {
    const variables: Record<string, string> = {};
    for (const name of ["functionName", "version", "previousVersion", "alias", "imageDigest"] as const) {
        const value = details[name];
        if (value !== undefined) variables[name] = value;
    }
    return variables;
}

export function createHandler(dependencies: DeployHandlerDependencies): DeployHandler {
    const { lambda, codepipeline, now, sleep } = dependencies;
    const log = dependencies.log ?? defaultLog;
    const pollIntervalMs = dependencies.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    const doc = DynamoDBDocumentClient.from(dependencies.dynamo, {
        marshallOptions: { removeUndefinedValues: true },
    });
    const clock: Clock = { now, sleep };

    return async function handler(event: unknown, context: LambdaContext): Promise<DeployOutcome> {
        const start = now();
        const jobId = jobIdOf(event);
        if (jobId === undefined) {
            log({ level: "error", message: "event is not a CodePipeline job; nothing to report to" });
            throw new Error("the event is not a CodePipeline job (no \"CodePipeline.job\".id); nothing to report to");
        }
        const { workMs, reserveMs } = splitInvocationTime(context.getRemainingTimeInMillis());
        const workDeadline = start + workMs;
        // Real-time bounds on AWS calls, so a hung connection cannot outlive the invocation.
        const workSignal = AbortSignal.timeout(workMs);
        const finalSignal = (): AbortSignal => AbortSignal.timeout(Math.max(1, Math.floor(reserveMs / 2)));
        const executionId = context.awsRequestId;

        const report = async (
            status: DeployOutcome["status"],
            message: string,
            details: DeploymentDetails,
            replayed: boolean,
        ): Promise<DeployOutcome> => {
            let reported: ReportResult;
            try {
                reported = status === "SUCCEEDED"
                    ? await reportSuccess(codepipeline, jobId, message, outputVariables(details), executionId, finalSignal())
                    : await reportFailure(codepipeline, jobId, message, executionId, finalSignal());
            } catch (error) {
                log({ level: "error", jobId, message: "could not report the job result to CodePipeline", error: describeError(error) });
                throw error;
            }
            log({ level: status === "SUCCEEDED" ? "info" : "error", jobId, status, message, reported, replayed });
            return {
                jobId,
                status,
                message,
                replayed,
                reported,
                ...(details.version === undefined ? {} : { version: details.version }),
            };
        };

        const fail = async (message: string, state: RecordState, details: DeploymentDetails): Promise<DeployOutcome> => {
            let recordNote = "";
            if (state.kind !== "unavailable") {
                const outcome = {
                    status: "FAILED" as const,
                    durationMs: now() - Date.parse(state.key.timestamp),
                    finishedAt: new Date(now()).toISOString(),
                    error: message,
                };
                try {
                    if (state.kind === "claimed") {
                        await state.history.finish(state.key, { ...details, ...outcome }, { abortSignal: finalSignal() });
                    } else {
                        await state.history.create(
                            { ...state.key, environment: state.environment, ...details, ...outcome },
                            { abortSignal: finalSignal() },
                        );
                    }
                } catch (error) {
                    recordNote = ` (the FAILED record could not be written to ${state.history.tableName}: ${describeError(error)})`;
                }
            }
            return report("FAILED", message + recordNote, details, false);
        };

        let deployEnv: DeployEnv;
        try {
            deployEnv = readDeployEnv(dependencies.env ?? process.env);
        } catch (error) {
            return fail(describeError(error), { kind: "unavailable" }, {});
        }

        const history = new DeploymentHistory(doc, deployEnv.tableName);
        const environment = deployEnv.environmentSuffix;
        const newKey: DeploymentKey = { deploymentId: jobId, timestamp: new Date(start).toISOString() };
        const reading = readJob(event, deployEnv);
        const requested = reading.ok ? detailsOf(reading.request) : {};

        let existing: DeploymentRecord | undefined;
        try {
            existing = await history.find(jobId, { abortSignal: workSignal });
        } catch (error) {
            // Writing a FAILED record to a table that just failed would spend the time kept to report.
            const problem = `the deployment history table ${deployEnv.tableName} could not be read: ${describeError(error)}`;
            return fail(
                reading.ok ? `${problem}; nothing was deployed or recorded` : `${reading.error} (and ${problem})`,
                { kind: "unavailable" },
                requested,
            );
        }
        if (existing !== undefined && existing.status !== "IN_PROGRESS") {
            // A redelivered job: report what was recorded, deploy nothing, write nothing.
            const message = existing.status === "SUCCEEDED" ? successSummary(existing) : existing.error ?? "the deployment failed";
            return report(existing.status, message, existing, true);
        }
        // A delivery that stopped part-way left the record IN_PROGRESS: finish that record.
        const key: DeploymentKey = existing === undefined
            ? newKey
            : { deploymentId: existing.deploymentId, timestamp: existing.timestamp };
        if (!reading.ok) {
            return fail(
                reading.error,
                existing === undefined ? { kind: "unclaimed", history, key, environment } : { kind: "claimed", history, key },
                {},
            );
        }
        const { request } = reading;
        log({ level: "info", jobId, message: "deploying", resumedFrom: existing?.timestamp, ...requested });

        if (existing === undefined) {
            try {
                await history.create(
                    { ...key, environment, status: "IN_PROGRESS", ...requested },
                    { abortSignal: workSignal },
                );
            } catch (error) {
                return fail(
                    `the deployment could not be recorded in ${deployEnv.tableName}: ${describeError(error)}; nothing was deployed`,
                    { kind: "unclaimed", history, key, environment },
                    requested,
                );
            }
        }
        const claimed: RecordState = { kind: "claimed", history, key };

        const progress: { -readonly [K in keyof DeploymentDetails]: DeploymentDetails[K] } = { ...requested };
        let result;
        try {
            result = await release(
                lambda,
                request,
                LIVE_ALIAS,
                clock,
                { deadline: workDeadline, pollIntervalMs, abortSignal: workSignal },
                progress,
            );
        } catch (error) {
            return fail(describeError(error), claimed, progress);
        }

        const summary = successSummary(result);
        try {
            const finished = await history.finish(
                key,
                {
                    ...result,
                    status: "SUCCEEDED",
                    durationMs: now() - Date.parse(key.timestamp),
                    finishedAt: new Date(now()).toISOString(),
                },
                { abortSignal: finalSignal() },
            );
            if (!finished) log({ level: "warn", jobId, message: "the record was already finished by another delivery of this job" });
        } catch (error) {
            return report(
                "FAILED",
                `${summary}, but the deployment could not be recorded in ${deployEnv.tableName}: ${describeError(error)}. ` +
                    "The new version is live; retry the stage to record it",
                result,
                false,
            );
        }
        return report("SUCCEEDED", summary, result, false);
    };
}
