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
    const shared: Shared = {
        lambda: dependencies.lambda,
        codepipeline: dependencies.codepipeline,
        now: dependencies.now,
        clock: { now: dependencies.now, sleep: dependencies.sleep },
        log: dependencies.log ?? defaultLog,
        pollIntervalMs: dependencies.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
        doc: DynamoDBDocumentClient.from(dependencies.dynamo, { marshallOptions: { removeUndefinedValues: true } }),
        env: () => dependencies.env ?? process.env,
    };
    return async function handler(event: unknown, context: LambdaContext): Promise<DeployOutcome> {
        const start = shared.now();
        const jobId = jobIdOf(event);
        if (jobId === undefined) {
            shared.log({ level: "error", message: "event is not a CodePipeline job; nothing to report to" });
            throw new Error("the event is not a CodePipeline job (no \"CodePipeline.job\".id); nothing to report to");
        }
        return new Invocation(shared, jobId, start, context).run(event);
    };
}

/** What every invocation of one handler shares. */
interface Shared {
    readonly lambda: LambdaClient;
    readonly codepipeline: CodePipelineClient;
    readonly now: () => number;
    readonly clock: Clock;
    readonly log: (entry: Readonly<Record<string, unknown>>) => void;
    readonly pollIntervalMs: number;
    readonly doc: DynamoDBDocumentClient;
    readonly env: () => Readonly<Record<string, string | undefined>>;
}

/** One job's deployment: claim the record, release, finish the record, report to CodePipeline. */
class Invocation {
    private readonly workDeadline: number;
    private readonly reserveMs: number;
    // Real-time bounds on AWS calls, so a hung connection cannot outlive the invocation.
    private readonly workSignal: AbortSignal;
    private readonly executionId: string | undefined;

    constructor(
        private readonly shared: Shared,
        private readonly jobId: string,
        private readonly start: number,
        context: LambdaContext,
    ) {
        const { workMs, reserveMs } = splitInvocationTime(context.getRemainingTimeInMillis());
        this.reserveMs = reserveMs;
        this.workDeadline = start + workMs;
        this.workSignal = AbortSignal.timeout(workMs);
        this.executionId = context.awsRequestId;
    }

    private finalSignal(): AbortSignal {
        return AbortSignal.timeout(Math.max(1, Math.floor(this.reserveMs / 2)));
    }

    private async report(status: DeployOutcome["status"], message: string, details: DeploymentDetails, replayed: boolean): Promise<DeployOutcome> {
        const { codepipeline, log } = this.shared;
        const { jobId, executionId } = this;
        let reported: ReportResult;
        try {
            reported = status === "SUCCEEDED"
                ? await reportSuccess(codepipeline, jobId, message, outputVariables(details), executionId, this.finalSignal())
                : await reportFailure(codepipeline, jobId, message, executionId, this.finalSignal());
        } catch (error) {
            log({ level: "error", jobId, message: "could not report the job result to CodePipeline", error: describeError(error) });
            throw error;
        }
        log({ level: status === "SUCCEEDED" ? "info" : "error", jobId, status, message, reported, replayed });
        return { jobId, status, message, replayed, reported, ...(details.version === undefined ? {} : { version: details.version }) };
    }

    private async fail(message: string, state: RecordState, details: DeploymentDetails): Promise<DeployOutcome> {
        const { now } = this.shared;
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
                    await state.history.finish(state.key, { ...details, ...outcome }, { abortSignal: this.finalSignal() });
                } else {
                    await state.history.create(
                        { ...state.key, environment: state.environment, ...details, ...outcome },
                        { abortSignal: this.finalSignal() },
                    );
                }
            } catch (error) {
                recordNote = ` (the FAILED record could not be written to ${state.history.tableName}: ${describeError(error)})`;
            }
        }
        return this.report("FAILED", message + recordNote, details, false);
    }

    async run(event: unknown): Promise<DeployOutcome> {
        let deployEnv: DeployEnv;
        try {
            deployEnv = readDeployEnv(this.shared.env());
        } catch (error) {
            return this.fail(describeError(error), { kind: "unavailable" }, {});
        }
        const history = new DeploymentHistory(this.shared.doc, deployEnv.tableName);
        const reading = readJob(event, deployEnv);
        const requested = reading.ok ? detailsOf(reading.request) : {};

        let existing: DeploymentRecord | undefined;
        try {
            existing = await history.find(this.jobId, { abortSignal: this.workSignal });
        } catch (error) {
            // Writing a FAILED record to a table that just failed would spend the time kept to report.
            const problem = `the deployment history table ${deployEnv.tableName} could not be read: ${describeError(error)}`;
            return this.fail(
                reading.ok ? `${problem}; nothing was deployed or recorded` : `${reading.error} (and ${problem})`,
                { kind: "unavailable" },
                requested,
            );
        }
        if (existing !== undefined && existing.status !== "IN_PROGRESS") {
            // A redelivered job: report what was recorded, deploy nothing, write nothing.
            const message = existing.status === "SUCCEEDED" ? successSummary(existing) : existing.error ?? "the deployment failed";
            return this.report(existing.status, message, existing, true);
        }
        // A delivery that stopped part-way left the record IN_PROGRESS: finish that record.
        const key: DeploymentKey = existing === undefined
            ? { deploymentId: this.jobId, timestamp: new Date(this.start).toISOString() }
            : { deploymentId: existing.deploymentId, timestamp: existing.timestamp };
        const environment = deployEnv.environmentSuffix;
        if (!reading.ok) {
            return this.fail(
                reading.error,
                existing === undefined ? { kind: "unclaimed", history, key, environment } : { kind: "claimed", history, key },
                {},
            );
        }
        this.shared.log({ level: "info", jobId: this.jobId, message: "deploying", resumedFrom: existing?.timestamp, ...requested });
        if (existing === undefined) {
            try {
                await history.create({ ...key, environment, status: "IN_PROGRESS", ...requested }, { abortSignal: this.workSignal });
            } catch (error) {
                return this.fail(
                    `the deployment could not be recorded in ${deployEnv.tableName}: ${describeError(error)}; nothing was deployed`,
                    { kind: "unclaimed", history, key, environment },
                    requested,
                );
            }
        }
        return this.deploy(reading.request, { kind: "claimed", history, key }, requested);
    }

    /** Releases the image and finishes the claimed record. */
    private async deploy(request: DeployRequest, claimed: RecordState & { kind: "claimed" }, requested: DeploymentDetails): Promise<DeployOutcome> {
        const { now } = this.shared;
        const progress: { -readonly [K in keyof DeploymentDetails]: DeploymentDetails[K] } = { ...requested };
        let result;
        try {
            result = await release(
                this.shared.lambda,
                request,
                LIVE_ALIAS,
                this.shared.clock,
                { deadline: this.workDeadline, pollIntervalMs: this.shared.pollIntervalMs, abortSignal: this.workSignal },
                progress,
            );
        } catch (error) {
            return this.fail(describeError(error), claimed, progress);
        }
        const summary = successSummary(result);
        const { history, key } = claimed;
        try {
            const finished = await history.finish(
                key,
                { ...result, status: "SUCCEEDED", durationMs: now() - Date.parse(key.timestamp), finishedAt: new Date(now()).toISOString() },
                { abortSignal: this.finalSignal() },
            );
            if (!finished) this.shared.log({ level: "warn", jobId: this.jobId, message: "the record was already finished by another delivery of this job" });
        } catch (error) {
            return this.report(
                "FAILED",
                `${summary}, but the deployment could not be recorded in ${history.tableName}: ${describeError(error)}. ` +
                    "The new version is live; retry the stage to record it",
                result,
                false,
            );
        }
        return this.report("SUCCEEDED", summary, result, false);
    }
}
