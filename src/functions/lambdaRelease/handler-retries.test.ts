import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { beforeEach, describe, it } from "node:test";
import {
    CodePipelineClient,
    InvalidJobStateException,
    PutJobFailureResultCommand,
    PutJobSuccessResultCommand,
} from "@aws-sdk/client-codepipeline";
import {
    LambdaClient,
    UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { SDK_CLIENT_CONFIG } from "./clients";
import { createHandler } from "./handler";
import { deployHarness, ENV, fakeClock, FUNCTION, IMAGE, jobEvent, POLL_MS, TABLE } from "./handler.fixture";
import { clientFor } from "./local-dynamodb";

const h = deployHarness();
const { lambdaMock, pipelineMock, handlerWith, mockSuccessfulRelease, recordsOf, failureMessage } = h;

describe("deploy handler: retried and stopped deliveries", () => {
    it("reports a retried job's recorded result again without deploying or recording twice", async () => {
        mockSuccessfulRelease();
        const first = fakeClock();
        const handler = handlerWith(first);
        await handler(jobEvent("job-retried"), first.context);
        // CodePipeline refuses a second result for a finished job.
        pipelineMock
            .on(PutJobSuccessResultCommand)
            .rejects(new InvalidJobStateException({ message: "Job is in state Succeeded", $metadata: {} }));
        const second = fakeClock();
        const outcome = await handler(jobEvent("job-retried"), second.context);

        assert.equal(outcome.status, "SUCCEEDED");
        assert.equal(outcome.replayed, true);
        assert.equal(outcome.reported, "already-finished");
        assert.equal(outcome.version, "7");
        assert.equal(pipelineMock.commandCalls(PutJobSuccessResultCommand).length, 2);
        assert.equal(lambdaMock.commandCalls(UpdateFunctionCodeCommand).length, 1);
        const records = await recordsOf("job-retried");
        assert.equal(records.length, 1);
        assert.equal(records[0]?.status, "SUCCEEDED");
    });

    it("reports a retried failed job as failed again", async () => {
        const clock = fakeClock();
        const handler = handlerWith(clock);
        await handler(jobEvent("job-retried-failure", "not json"), clock.context);
        pipelineMock.resetHistory();
        const outcome = await handler(jobEvent("job-retried-failure", "not json"), fakeClock().context);

        assert.equal(outcome.replayed, true);
        assert.match(failureMessage(), /^UserParameters is not JSON/);
        assert.equal((await recordsOf("job-retried-failure")).length, 1);
    });

    it("finishes the IN_PROGRESS record a stopped delivery left, keeping its start time", async () => {
        await h.doc.send(new PutCommand({
            TableName: TABLE,
            Item: {
                deploymentId: "job-resumed",
                timestamp: "2026-03-01T11:59:00.000Z",
                environment: "test",
                status: "IN_PROGRESS",
                functionName: FUNCTION,
                imageUri: IMAGE,
            },
        }));
        mockSuccessfulRelease();
        const clock = fakeClock();
        const outcome = await handlerWith(clock)(jobEvent("job-resumed"), clock.context);

        assert.equal(outcome.status, "SUCCEEDED");
        assert.equal(outcome.replayed, false);
        const records = await recordsOf("job-resumed");
        assert.equal(records.length, 1);
        assert.equal(records[0]?.timestamp, "2026-03-01T11:59:00.000Z");
        assert.equal(records[0]?.status, "SUCCEEDED");
        assert.equal(records[0]?.durationMs, 60_000 + 2 * POLL_MS);
    });
});

describe("deploy handler: history and CodePipeline failures", () => {
    it("fails the job, saying the version is live, when the outcome cannot be recorded", async () => {
        mockSuccessfulRelease();
        const dynamo = h.local.client();
        // The table answers the read and the first write, then stops accepting updates.
        dynamo.middlewareStack.add(
            (next, context) => async (args) => {
                if (context.commandName === "UpdateItemCommand") {
                    throw Object.assign(new Error("Throughput exceeds the current capacity"), { name: "ProvisionedThroughputExceededException" });
                }
                return next(args);
            },
            { step: "initialize", name: "failUpdates" },
        );
        const clock = fakeClock();
        const outcome = await handlerWith(clock, ENV, dynamo)(jobEvent("job-unrecorded"), clock.context);

        assert.equal(outcome.status, "FAILED");
        assert.equal(
            failureMessage(),
            `Deployed ${IMAGE} to ${FUNCTION} version 7; alias live moved from version 6, but the deployment could not be ` +
                `recorded in ${TABLE}: ProvisionedThroughputExceededException: Throughput exceeds the current capacity. ` +
                "The new version is live; retry the stage to record it",
        );
        const [record] = await recordsOf("job-unrecorded");
        assert.equal(record?.status, "IN_PROGRESS", "a redelivery would resume and finish this record");
    });

    it("throws when CodePipeline cannot be reached, so Lambda redelivers the job", async () => {
        pipelineMock.on(PutJobFailureResultCommand).rejects(new Error("connect ETIMEDOUT"));
        const clock = fakeClock();
        await assert.rejects(handlerWith(clock)(jobEvent("job-no-pipeline", "{}"), clock.context), /ETIMEDOUT/);
        const [record] = await recordsOf("job-no-pipeline");
        assert.equal(record?.status, "FAILED", "the redelivery will find and report this record");
    });

    it("rejects an event that is not a CodePipeline job without calling anything", async () => {
        const clock = fakeClock();
        await assert.rejects(handlerWith(clock)({ Records: [] }, clock.context), /not a CodePipeline job/);
        assert.equal(lambdaMock.calls().length + pipelineMock.calls().length, 0);
    });
});

describe("deploy handler with DynamoDB unavailable", () => {
    const lambda = new LambdaClient({ region: "us-east-1" });
    const codepipeline = new CodePipelineClient({ region: "us-east-1" });
    const lambdaMock = mockClient(lambda);
    const pipelineMock = mockClient(codepipeline);

    beforeEach(() => {
        lambdaMock.reset();
        pipelineMock.reset();
        pipelineMock.on(PutJobFailureResultCommand).resolves({});
    });

    async function listen(server: Server): Promise<number> {
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        return (server.address() as AddressInfo).port;
    }

    async function expectReportedFailure(endpoint: string, remainingMs: number, budgetMs: number): Promise<string> {
        const dynamo = clientFor(endpoint, SDK_CLIENT_CONFIG);
        const handler = createHandler({
            lambda,
            codepipeline,
            dynamo,
            now: Date.now,
            sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
            env: ENV,
            log: () => undefined,
        });
        const started = Date.now();
        const context = { getRemainingTimeInMillis: () => remainingMs - (Date.now() - started) };
        try {
            const outcome = await handler(jobEvent("job-no-table"), context);
            assert.equal(outcome.status, "FAILED");
        } finally {
            dynamo.destroy();
        }
        assert.ok(Date.now() - started < budgetMs, `reported within ${budgetMs} ms`);
        assert.equal(lambdaMock.commandCalls(UpdateFunctionCodeCommand).length, 0, "nothing deployed without a record");
        const calls = pipelineMock.commandCalls(PutJobFailureResultCommand);
        assert.equal(calls.length, 1);
        return calls[0]?.args[0].input.failureDetails?.message ?? "";
    }

    it("reports the failure when nothing listens on the table's endpoint", async () => {
        const closed = createServer();
        const port = await listen(closed);
        await new Promise((resolve) => closed.close(resolve));

        const message = await expectReportedFailure(`http://127.0.0.1:${port}`, 60_000, 3000);
        assert.match(message, new RegExp(`^the deployment history table ${TABLE} could not be read: connect ECONNREFUSED 127.0.0.1:${port}; nothing was deployed or recorded$`));
    });

    it("reports the failure before the deadline when the endpoint accepts but never answers", async () => {
        const sockets = new Set<Socket>();
        const silent = createServer((socket) => {
            sockets.add(socket);
            socket.resume();
        });
        const port = await listen(silent);
        try {
            // A 1.2 s invocation keeps 0.3 s to report: the read is cut off at 0.9 s.
            const message = await expectReportedFailure(`http://127.0.0.1:${port}`, 1200, 1200);
            assert.match(message, /could not be read: no answer in the time this invocation had left \(request aborted\); nothing was deployed or recorded$/);
        } finally {
            for (const socket of sockets) socket.destroy();
            await new Promise((resolve) => silent.close(resolve));
        }
    });
});
