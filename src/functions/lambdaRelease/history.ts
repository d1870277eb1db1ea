/**
 * The deployment history table: one item per CodePipeline job, keyed by the job id and the
 * time the deployment started. The item is written IN_PROGRESS before the function is touched
 * and finished as SUCCEEDED or FAILED, so a deployment is never made without a record and a
 * redelivered job finds its record instead of writing a second one.
 */
import { PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";

/**
 * The table's key schema, for the infrastructure that creates the table. `timestamp` is an
 * ISO-8601 UTC string, which sorts in time order.
 */
export const DEPLOYMENT_HISTORY_KEYS = {
    hashKey: "deploymentId",
    rangeKey: "timestamp",
    attributes: [
        { name: "deploymentId", type: "S" },
        { name: "timestamp", type: "S" },
    ],
} as const;

export type DeploymentStatus = "IN_PROGRESS" | "SUCCEEDED" | "FAILED";

export interface DeploymentKey {
    /** The CodePipeline job id. */
    readonly deploymentId: string;
    /** When the deployment started, ISO-8601 UTC. */
    readonly timestamp: string;
}

/** What a deployment learned; every field is absent until the step that finds it. */
export interface DeploymentDetails {
    readonly functionName?: string;
    readonly imageUri?: string;
    readonly commit?: string;
    /** `sha256:<hex>`, from the published version's resolved image URI. */
    readonly imageDigest?: string;
    readonly resolvedImageUri?: string;
    readonly codeSha256?: string;
    readonly version?: string;
    readonly previousVersion?: string;
    readonly alias?: string;
}

export interface DeploymentRecord extends DeploymentKey, DeploymentDetails {
    readonly environment: string;
    readonly status: DeploymentStatus;
    readonly durationMs?: number;
    readonly finishedAt?: string;
    readonly error?: string;
}

const recordSchema = z.object({
    deploymentId: z.string(),
    timestamp: z.string(),
    environment: z.string(),
    status: z.enum(["IN_PROGRESS", "SUCCEEDED", "FAILED"]),
    functionName: z.optional(z.string()),
    imageUri: z.optional(z.string()),
    commit: z.optional(z.string()),
    imageDigest: z.optional(z.string()),
    resolvedImageUri: z.optional(z.string()),
    codeSha256: z.optional(z.string()),
    version: z.optional(z.string()),
    previousVersion: z.optional(z.string()),
    alias: z.optional(z.string()),
    durationMs: z.optional(z.number()),
    finishedAt: z.optional(z.string()),
    error: z.optional(z.string()),
});

export interface HistoryCallOptions {
    readonly abortSignal?: AbortSignal;
}

export class DeploymentHistory {
    constructor(
        private readonly doc: DynamoDBDocumentClient,
        readonly tableName: string,
    ) {}

    /** The record of a job, if one was written. A strongly consistent read, so a retry sees it. */
    async find(deploymentId: string, options: HistoryCallOptions = {}): Promise<DeploymentRecord | undefined> {
        const result = await this.doc.send(
            new QueryCommand({
                TableName: this.tableName,
                KeyConditionExpression: "deploymentId = :id",
                ExpressionAttributeValues: { ":id": deploymentId },
                ConsistentRead: true,
                Limit: 1,
            }),
            options,
        );
        const item = result.Items?.[0];
        return item === undefined ? undefined : recordSchema.parse(item);
    }

    /**
     * Writes a new record unless one with the same key exists.
     * @returns false when the record already existed (it is left as it was).
     */
    async create(record: DeploymentRecord, options: HistoryCallOptions = {}): Promise<boolean> {
        try {
            await this.doc.send(
                new PutCommand({
                    TableName: this.tableName,
                    Item: { ...record },
                    ConditionExpression: "attribute_not_exists(deploymentId)",
                }),
                options,
            );
            return true;
        } catch (error) {
            if (isConditionalCheckFailure(error)) return false;
            throw error;
        }
    }

    /**
     * Sets the final status of an IN_PROGRESS record with what the deployment learned.
     * @returns false when the record was already finished (by a concurrent delivery of the job).
     */
    async finish(
        key: DeploymentKey,
        outcome: DeploymentDetails & {
            readonly status: Exclude<DeploymentStatus, "IN_PROGRESS">;
            readonly durationMs: number;
            readonly finishedAt: string;
            readonly error?: string;
        },
        options: HistoryCallOptions = {},
    ): Promise<boolean> {
        const fields = Object.entries(outcome).filter(([, value]) => value !== undefined);
        const names: Record<string, string> = { "#status": "status" };
        const values: Record<string, unknown> = { ":inProgress": "IN_PROGRESS" };
        const assignments = fields.map(([field, value], index) => {
            names[`#f${index}`] = field;
            values[`:v${index}`] = value;
            return `#f${index} = :v${index}`;
        });
        try {
            await this.doc.send(
                new UpdateCommand({
                    TableName: this.tableName,
                    Key: { deploymentId: key.deploymentId, timestamp: key.timestamp },
                    UpdateExpression: `SET ${assignments.join(", ")}`,
                    ConditionExpression: "attribute_exists(deploymentId) AND #status = :inProgress",
                    ExpressionAttributeNames: names,
                    ExpressionAttributeValues: values,
                }),
                options,
            );
            return true;
        } catch (error) {
            if (isConditionalCheckFailure(error)) return false;
            throw error;
        }
    }
}

function isConditionalCheckFailure(error: unknown): boolean {
    return error instanceof Error && error.name === "ConditionalCheckFailedException";
}
