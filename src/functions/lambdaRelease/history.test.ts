import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DeploymentHistory } from "./history";
import { startLocalDynamoDb, type LocalDynamoDb } from "./local-dynamodb";

const TABLE = "service-pipeline-deployments-test";

describe("DeploymentHistory against a local DynamoDB", () => {
    let local: LocalDynamoDb;
    let doc: DynamoDBDocumentClient;
    let history: DeploymentHistory;

    before(async () => {
        local = await startLocalDynamoDb();
        await local.createHistoryTable(TABLE);
        doc = DynamoDBDocumentClient.from(local.client(), { marshallOptions: { removeUndefinedValues: true } });
        history = new DeploymentHistory(doc, TABLE);
    });
    after(() => local.close());

    const itemsOf = async (deploymentId: string): Promise<Record<string, unknown>[]> =>
        (await doc.send(new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: "deploymentId = :id",
            ExpressionAttributeValues: { ":id": deploymentId },
        }))).Items ?? [];

    it("creates a record once and refuses to overwrite it", async () => {
        const key = { deploymentId: "job-create", timestamp: "2026-03-01T12:00:00.000Z" };
        assert.equal(await history.create({ ...key, environment: "dev", status: "IN_PROGRESS", imageUri: "image:1" }), true);
        assert.equal(await history.create({ ...key, environment: "dev", status: "FAILED", imageUri: "image:2" }), false);
        const items = await itemsOf("job-create");
        assert.equal(items.length, 1);
        assert.equal(items[0]?.status, "IN_PROGRESS");
        assert.equal(items[0]?.imageUri, "image:1");
    });

    it("finds a record by job id alone and returns undefined for an unknown job", async () => {
        const key = { deploymentId: "job-find", timestamp: "2026-03-01T12:00:01.000Z" };
        await history.create({ ...key, environment: "prod", status: "IN_PROGRESS", commit: "abc123" });
        const found = await history.find("job-find");
        assert.equal(found?.timestamp, key.timestamp);
        assert.equal(found?.commit, "abc123");
        assert.equal(await history.find("job-unknown"), undefined);
    });

    it("finishes an IN_PROGRESS record once, leaving out absent fields", async () => {
        const key = { deploymentId: "job-finish", timestamp: "2026-03-01T12:00:02.000Z" };
        await history.create({ ...key, environment: "dev", status: "IN_PROGRESS" });
        const finished = await history.finish(key, {
            status: "SUCCEEDED",
            durationMs: 1234,
            finishedAt: "2026-03-01T12:00:03.234Z",
            version: "7",
            imageDigest: undefined,
        });
        assert.equal(finished, true);
        assert.equal(
            await history.finish(key, { status: "FAILED", durationMs: 1, finishedAt: "2026-03-01T12:00:04.000Z", error: "late" }),
            false,
        );
        const items = await itemsOf("job-finish");
        assert.equal(items.length, 1);
        assert.equal(items[0]?.status, "SUCCEEDED");
        assert.equal(items[0]?.durationMs, 1234);
        assert.equal(items[0]?.version, "7");
        assert.equal("imageDigest" in (items[0] ?? {}), false);
        assert.equal(items[0]?.error, undefined);
    });

    it("does not create a record when finishing an unknown key", async () => {
        const key = { deploymentId: "job-missing", timestamp: "2026-03-01T12:00:05.000Z" };
        assert.equal(await history.finish(key, { status: "FAILED", durationMs: 1, finishedAt: key.timestamp }), false);
        assert.deepEqual(await itemsOf("job-missing"), []);
    });
});
