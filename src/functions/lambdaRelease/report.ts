/**
 * Reporting a job's result to CodePipeline. A Lambda invoke action waits until one of these
 * calls arrives, so every path through the handler ends in exactly one of them.
 */
import { PutJobFailureResultCommand, PutJobSuccessResultCommand, type CodePipelineClient } from "@aws-sdk/client-codepipeline";

/** CodePipeline's limits on failure messages, summaries and execution ids. */
const MAX_FAILURE_MESSAGE = 5000;
const MAX_SUMMARY = 2048;
const MAX_EXTERNAL_EXECUTION_ID = 1500;

export type ReportResult = "reported" | "already-finished";

export function truncate(text: string, max: number): string {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A one-line description of any thrown value, naming the AWS error type when there is one. */
export function describeError(error: unknown): string {
    if (!(error instanceof Error)) return String(error);
    if (error.name === "AbortError") return "no answer in the time this invocation had left (request aborted)";
    const code = (error as { code?: unknown }).code;
    const parts: string[] = [];
    if (error.name !== "Error") parts.push(error.name);
    if (typeof code === "string" && !error.message.includes(code)) parts.push(code);
    const inner = error instanceof AggregateError ? error.errors.map(describeError) : [];
    const message = error.message !== "" ? error.message : inner.join("; ");
    if (message !== "") parts.push(message);
    return parts.length === 0 ? "unknown error" : parts.join(": ");
}

/** A redelivered job whose result was already reported is in a final state; that is not an error. */
function isAlreadyFinished(error: unknown): boolean {
    return error instanceof Error && error.name === "InvalidJobStateException";
}

export async function reportSuccess(
    codepipeline: CodePipelineClient,
    jobId: string,
    summary: string,
    outputVariables: Readonly<Record<string, string>>,
    externalExecutionId: string | undefined,
    abortSignal?: AbortSignal,
): Promise<ReportResult> {
    try {
        await codepipeline.send(
            new PutJobSuccessResultCommand({
                jobId,
                executionDetails: {
                    summary: truncate(summary, MAX_SUMMARY),
                    percentComplete: 100,
                    ...(externalExecutionId === undefined
                        ? {}
                        : { externalExecutionId: truncate(externalExecutionId, MAX_EXTERNAL_EXECUTION_ID) }),
                },
                outputVariables: { ...outputVariables },
            }),
            { abortSignal },
        );
        return "reported";
    } catch (error) {
        if (isAlreadyFinished(error)) return "already-finished";
        throw error;
    }
}

export async function reportFailure(
    codepipeline: CodePipelineClient,
    jobId: string,
    message: string,
    externalExecutionId: string | undefined,
    abortSignal?: AbortSignal,
): Promise<ReportResult> {
    try {
        await codepipeline.send(
            new PutJobFailureResultCommand({
                jobId,
                failureDetails: {
                    type: "JobFailed",
                    message: truncate(message, MAX_FAILURE_MESSAGE),
                    ...(externalExecutionId === undefined
                        ? {}
                        : { externalExecutionId: truncate(externalExecutionId, MAX_EXTERNAL_EXECUTION_ID) }),
                },
            }),
            { abortSignal },
        );
        return "reported";
    } catch (error) {
        if (isAlreadyFinished(error)) return "already-finished";
        throw error;
    }
}
