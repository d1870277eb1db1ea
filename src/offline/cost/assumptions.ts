/**
 * Usage assumptions: the monthly volumes a plan cannot know (data through NAT, log volume,
 * build minutes...) but a bill depends on. Every default is written down here once, every
 * line priced from one says so beside it, and a stack overrides any of them in its config
 * under `costAssumptions`.
 */
import { assumptionOverridesSchema, type AssumptionOverrides } from "../../config/costAssumptions";

/** The stack config key that holds overrides. */
export const ASSUMPTIONS_CONFIG_KEY = "costAssumptions";

export interface UsageAssumptions {
    /** GB a month through all of a stack's NAT gateways together, split evenly between them. */
    readonly natDataProcessedGb: number;
    /** Average load balancer capacity units (LCUs) each load balancer uses, every hour. */
    readonly albLcus: number;
    /** GB ingested a month into each CloudWatch log group. */
    readonly logIngestGb: number;
    /** Build minutes a month for each CodeBuild project. */
    readonly buildMinutes: number;
    /** Billed action-execution minutes a month for each V2 pipeline (manual approvals are free). */
    readonly pipelineActionMinutes: number;
    /** GB stored in each S3 bucket (S3 Standard). */
    readonly s3StorageGb: number;
    /** GB of images stored in each ECR repository. */
    readonly ecrStorageGb: number;
    /** Invocations a month of each Lambda function. */
    readonly lambdaRequests: number;
    /** Average duration of one Lambda invocation, in milliseconds. */
    readonly lambdaAverageDurationMs: number;
    /** Write request units a month for each on-demand DynamoDB table. */
    readonly dynamodbWriteRequestUnits: number;
    /** Read request units a month for each on-demand DynamoDB table. */
    readonly dynamodbReadRequestUnits: number;
    /** GB stored in each DynamoDB table (also the size point-in-time recovery is billed on). */
    readonly dynamodbStorageGb: number;
    /** GB a month written to each on-demand Kinesis stream. */
    readonly kinesisOnDemandIngestGb: number;
}

export type AssumptionKey = keyof UsageAssumptions;

/**
 * The defaults: a small production workload, so an estimate is a realistic floor rather than
 * zero. They are per resource unless the comment says otherwise.
 */
export const DEFAULT_USAGE_ASSUMPTIONS: UsageAssumptions = {
    // Image pulls, package downloads and AWS API calls from private subnets for a small
    // service; pulls through VPC endpoints would not count.
    natDataProcessedGb: 100,
    // One LCU is 25 new connections/s or 1 GB/h processed: a lightly used service.
    albLcus: 1,
    // A few services logging at info level; the first 5 GB of the account are free (ignored).
    logIngestGb: 1,
    // About ten 5-minute builds a week per project.
    buildMinutes: 200,
    // About forty releases a month of five billed one-minute actions each.
    pipelineActionMinutes: 200,
    // Artifacts and logs of a small team.
    s3StorageGb: 10,
    // A few dozen images of a few hundred MB, trimmed by a lifecycle rule.
    ecrStorageGb: 5,
    // One invocation every ~2.6 s on average.
    lambdaRequests: 1_000_000,
    // A short handler that calls one or two AWS APIs.
    lambdaAverageDurationMs: 200,
    // About one write every 2.6 s.
    dynamodbWriteRequestUnits: 1_000_000,
    // Reads outnumber writes five to one.
    dynamodbReadRequestUnits: 5_000_000,
    // A small table of records; the first 25 GB of the account are free (ignored).
    dynamodbStorageGb: 1,
    // About 10 KB/s of events, averaged over the month.
    kinesisOnDemandIngestGb: 25,
};

/** How each assumption reads beside a line, given its value. */
const PHRASES: { readonly [K in AssumptionKey]: (value: string) => string } = {
    natDataProcessedGb: (v) => `${v} GB processed a month`,
    albLcus: (v) => `${v} LCU on average`,
    logIngestGb: (v) => `${v} GB ingested a month`,
    buildMinutes: (v) => `${v} build minutes a month`,
    pipelineActionMinutes: (v) => `${v} action minutes a month`,
    s3StorageGb: (v) => `${v} GB stored`,
    ecrStorageGb: (v) => `${v} GB of images stored`,
    lambdaRequests: (v) => `${v} requests a month`,
    lambdaAverageDurationMs: (v) => `${v} ms per request`,
    dynamodbWriteRequestUnits: (v) => `${v} write request units a month`,
    dynamodbReadRequestUnits: (v) => `${v} read request units a month`,
    dynamodbStorageGb: (v) => `${v} GB stored`,
    kinesisOnDemandIngestGb: (v) => `${v} GB ingested a month`,
};

export const ASSUMPTION_KEYS = Object.keys(DEFAULT_USAGE_ASSUMPTIONS) as AssumptionKey[];

// The config's schema and the defaults name the same keys: tsc fails here when they differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMA_MATCHES_DEFAULTS: Same<keyof AssumptionOverrides, AssumptionKey> = true;

/**
 * The defaults with `overrides` applied. Throws one error naming every bad key
 * (`costAssumptions.<key>`) and what it needs, so a typo in stack config is never ignored.
 */
export function resolveAssumptions(overrides: unknown = {}): UsageAssumptions {
    const parsed = assumptionOverridesSchema.safeParse(overrides ?? {});
    if (parsed.success) {
        const given = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
        return { ...DEFAULT_USAGE_ASSUMPTIONS, ...given };
    }
    const problems = parsed.error.issues.flatMap((issue): string[] => {
        if (issue.code === "unrecognized_keys") {
            return issue.keys.map(
                (key) => `${ASSUMPTIONS_CONFIG_KEY}.${key}: unknown assumption; known: ${ASSUMPTION_KEYS.join(", ")}`,
            );
        }
        const where = [ASSUMPTIONS_CONFIG_KEY, ...issue.path.map(String)].join(".");
        if (issue.path.length === 0) {
            return [`${where}: must be an object of assumption names to numbers`];
        }
        return [`${where}: must be a number of 0 or more (${issue.message})`];
    });
    throw new Error(`Invalid cost assumptions: ${problems.join("; ")}`);
}

function formatNumber(value: number): string {
    return value.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

/**
 * The text printed beside a usage-driven line:
 * "100 GB processed a month (override: costAssumptions.natDataProcessedGb)".
 * `detail` says how the value was applied when that is not obvious ("split over 3 gateways").
 */
export function describeAssumption(key: AssumptionKey, value: number, detail?: string): string {
    return describeAssumptions([[key, value]], detail);
}

/** The same for a line driven by several assumptions: "1,000,000 requests a month, 200 ms per request (override: ...)". */
export function describeAssumptions(
    used: readonly (readonly [AssumptionKey, number])[],
    detail?: string,
): string {
    const phrases = used.map(([key, value]) => PHRASES[key](formatNumber(value)));
    const keys = used.map(([key]) => `${ASSUMPTIONS_CONFIG_KEY}.${key}`);
    return `${phrases.join(", ")}${detail ? `, ${detail}` : ""} (override: ${keys.join(", ")})`;
}
