import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";
import {
    CodePipelineClient,
    InvalidJobStateException,
    PutJobFailureResultCommand,
    PutJobSuccessResultCommand,
} from "@aws-sdk/client-codepipeline";
import {
    CreateAliasCommand,
    GetAliasCommand,
    GetFunctionCommand,
    GetFunctionConfigurationCommand,
    LambdaClient,
    PublishVersionCommand,
    ResourceNotFoundException,
    UpdateAliasCommand,
    UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { SDK_CLIENT_CONFIG } from "./clients";
import { createHandler, splitInvocationTime, type DeployHandler, type LambdaContext } from "./handler";
import { clientFor, startLocalDynamoDb, type LocalDynamoDb } from "./local-dynamodb";

const TABLE = "service-pipeline-deployments-test";
const FUNCTION = "orders-api-test";
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:3f9c2a1";
const DIGEST = `sha256:${"b".repeat(64)}`;
const RESOLVED = `123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api@${DIGEST}`;
const START = Date.parse("2026-03-01T12:00:00.000Z");
const ENV = { DEPLOYMENT_TABLE_NAME: TABLE, ENVIRONMENT_SUFFIX: "test" };
const POLL_MS = 5000;
/** What the fake invocation has left when it starts: reserve is 10 s, so work stops by START + 50 s. */
const INVOCATION_MS = 60_000;

function jobEvent(jobId: string, userParameters: unknown = { imageUri: IMAGE, functionName: FUNCTION, commit: "3f9c2a1" }): unknown {
    return {
        "CodePipeline.job": {
            id: jobId,
            accountId: "123456789012",
            data: {
                actionConfiguration: {
                    configuration: {
                        FunctionName: "service-pipeline-deploy-test",
                        UserParameters: typeof userParameters === "string" ? userParameters : JSON.stringify(userParameters),
                    },
                },
                inputArtifacts: [],
                outputArtifacts: [],
                artifactCredentials: { accessKeyId: "ASIAEXAMPLE", secretAccessKey: "artifact-secret", sessionToken: "artifact-token" },
            },
        },
    };
}

/** A clock that moves only when the handler sleeps, and a context whose deadline follows it. */
function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void>; context: LambdaContext; sleeps: number[] } {
    let time = START;
    const sleeps: number[] = [];
    return {
        now: () => time,
        sleep: async (ms) => {
            sleeps.push(ms);
            time += ms;
        },
        context: { getRemainingTimeInMillis: () => START + INVOCATION_MS - time, awsRequestId: "request-1" },
        sleeps,
    };
}

const settled = { State: "Active", LastUpdateStatus: "Successful", PackageType: "Image", CodeSha256: "old" } as const;
const updating = { State: "Active", LastUpdateStatus: "InProgress", PackageType: "Image" } as const;

describe("splitInvocationTime", () => {
    const cases: ReadonlyArray<readonly [number, number, number]> = [
        [900_000, 890_000, 10_000],
        [60_000, 50_000, 10_000],
        [20_000, 15_000, 5000],
        [1200, 900, 300],
        [0, 1, 0],
    ];
    for (const [remainingMs, workMs, reserveMs] of cases) {
        it(`keeps ${reserveMs} ms of ${remainingMs} ms to report`, () => {
            assert.deepEqual(splitInvocationTime(remainingMs), { workMs, reserveMs });
        });
    }
});

describe("deploy handler", () => {
    let local: LocalDynamoDb;
    let doc: DynamoDBDocumentClient;
    const lambda = new LambdaClient({ region: "us-east-1" });
    const codepipeline = new CodePipelineClient({ region: "us-east-1" });
    const lambdaMock = mockClient(lambda);
    const pipelineMock = mockClient(codepipeline);
    let logs: string[];

    before(async () => {
        local = await startLocalDynamoDb();
        await local.createHistoryTable(TABLE);
        doc = DynamoDBDocumentClient.from(local.client());
    });
    after(() => local.close());

    beforeEach(() => {
        lambdaMock.reset();
        pipelineMock.reset();
        pipelineMock.on(PutJobSuccessResultCommand).resolves({}).on(PutJobFailureResultCommand).resolves({});
        logs = [];
    });

    function handlerWith(
        clock: ReturnType<typeof fakeClock>,
        env: Record<string, string> = ENV,
        dynamo = local.client(),
    ): DeployHandler {
        return createHandler({
            lambda,
            codepipeline,
            dynamo,
            now: clock.now,
            sleep: clock.sleep,
            env,
            pollIntervalMs: POLL_MS,
            log: (entry) => logs.push(JSON.stringify(entry)),
        });
    }

    /** The update is live after two polls: 10 s on the fake clock. */
    function mockSuccessfulRelease(): void {
        lambdaMock
            .on(GetFunctionConfigurationCommand)
            .resolvesOnce(settled)
            .resolvesOnce(updating)
            .resolvesOnce(updating)
            .resolves({ ...settled, CodeSha256: "new-sha" })
            .on(UpdateFunctionCodeCommand)
            .resolves({ LastUpdateStatus: "InProgress" })
            .on(PublishVersionCommand)
            .resolves({ Version: "7", CodeSha256: "new-sha" })
            .on(GetFunctionCommand)
            .resolves({ Code: { ImageUri: IMAGE, ResolvedImageUri: RESOLVED } })
            .on(GetAliasCommand)
            .resolves({ Name: "live", FunctionVersion: "6", RevisionId: "revision-6" })
            .on(UpdateAliasCommand)
            .resolves({ FunctionVersion: "7" });
    }

    async function recordsOf(jobId: string): Promise<Record<string, unknown>[]> {
        const result = await doc.send(new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: "deploymentId = :id",
            ExpressionAttributeValues: { ":id": jobId },
        }));
        return result.Items ?? [];
    }

    function failureMessage(): string {
        const calls = pipelineMock.commandCalls(PutJobFailureResultCommand);
        assert.equal(calls.length, 1, "exactly one PutJobFailureResult");
        assert.equal(pipelineMock.commandCalls(PutJobSuccessResultCommand).length, 0);
        const details = calls[0]?.args[0].input.failureDetails;
        assert.equal(details?.type, "JobFailed");
        return details?.message ?? "";
    }

    it("deploys the image, publishes a version, moves live and records SUCCEEDED", async () => {
        mockSuccessfulRelease();
        const clock = fakeClock();
        const outcome = await handlerWith(clock)(jobEvent("job-success"), clock.context);

        assert.equal(outcome.status, "SUCCEEDED");
        assert.equal(outcome.version, "7");
        assert.deepEqual(lambdaMock.commandCalls(UpdateFunctionCodeCommand)[0]?.args[0].input, { FunctionName: FUNCTION, ImageUri: IMAGE });
        assert.deepEqual(lambdaMock.commandCalls(PublishVersionCommand)[0]?.args[0].input, {
            FunctionName: FUNCTION,
            CodeSha256: "new-sha",
            Description: `3f9c2a1 ${IMAGE}`,
        });
        assert.deepEqual(lambdaMock.commandCalls(UpdateAliasCommand)[0]?.args[0].input, {
            FunctionName: FUNCTION,
            Name: "live",
            FunctionVersion: "7",
            RoutingConfig: { AdditionalVersionWeights: {} },
            RevisionId: "revision-6",
        });
        assert.equal(lambdaMock.commandCalls(CreateAliasCommand).length, 0);
        assert.deepEqual(clock.sleeps, [POLL_MS, POLL_MS]);

        const success = pipelineMock.commandCalls(PutJobSuccessResultCommand);
        assert.equal(success.length, 1);
        assert.equal(pipelineMock.commandCalls(PutJobFailureResultCommand).length, 0);
        const input = success[0]?.args[0].input;
        assert.equal(input?.jobId, "job-success");
        assert.match(input?.executionDetails?.summary ?? "", /^Deployed .*orders-api:3f9c2a1 to orders-api-test version 7; alias live moved from version 6$/);
        assert.deepEqual(input?.outputVariables, {
            functionName: FUNCTION,
            version: "7",
            previousVersion: "6",
            alias: "live",
            imageDigest: DIGEST,
        });

        const records = await recordsOf("job-success");
        assert.equal(records.length, 1);
        assert.deepEqual(records[0], {
            deploymentId: "job-success",
            timestamp: "2026-03-01T12:00:00.000Z",
            environment: "test",
            status: "SUCCEEDED",
            functionName: FUNCTION,
            imageUri: IMAGE,
            commit: "3f9c2a1",
            codeSha256: "new-sha",
            version: "7",
            previousVersion: "6",
            alias: "live",
            imageDigest: DIGEST,
            resolvedImageUri: RESOLVED,
            durationMs: 2 * POLL_MS,
            finishedAt: "2026-03-01T12:00:10.000Z",
        });
        assert.equal(logs.some((line) => line.includes("artifact-secret") || line.includes("artifact-token")), false);
    });

    it("creates the live alias when the function has none", async () => {
        mockSuccessfulRelease();
        lambdaMock
            .on(GetAliasCommand)
            .rejects(new ResourceNotFoundException({ message: "Alias not found: live", $metadata: {} }))
            .on(CreateAliasCommand)
            .resolves({ FunctionVersion: "7" });
        const clock = fakeClock();
        const outcome = await handlerWith(clock)(jobEvent("job-new-alias"), clock.context);

        assert.equal(outcome.status, "SUCCEEDED");
        assert.deepEqual(lambdaMock.commandCalls(CreateAliasCommand)[0]?.args[0].input, {
            FunctionName: FUNCTION,
            Name: "live",
            FunctionVersion: "7",
        });
        assert.equal(lambdaMock.commandCalls(UpdateAliasCommand).length, 0);
        assert.match(outcome.message, /alias live created$/);
        const [record] = await recordsOf("job-new-alias");
        assert.equal(record?.status, "SUCCEEDED");
        assert.equal(record?.previousVersion, undefined);
    });

    it("fails bad job data with a readable message, a FAILED record and no Lambda call", async () => {
        const clock = fakeClock();
        const outcome = await handlerWith(clock)(
            jobEvent("job-bad-data", { imageUri: "orders-api:latest", functionName: FUNCTION }),
            clock.context,
        );

        assert.equal(outcome.status, "FAILED");
        assert.match(failureMessage(), /^UserParameters: imageUri must be an ECR image URI with a tag or digest/);
        assert.equal(lambdaMock.calls().length, 0);
        const records = await recordsOf("job-bad-data");
        assert.equal(records.length, 1);
        assert.equal(records[0]?.status, "FAILED");
        assert.match(String(records[0]?.error), /must be an ECR image URI/);
    });

    it("fails the job when the function's environment is incomplete, touching nothing", async () => {
        const clock = fakeClock();
        const outcome = await handlerWith(clock, { ENVIRONMENT_SUFFIX: "test" })(jobEvent("job-no-table"), clock.context);

        assert.equal(outcome.status, "FAILED");
        assert.match(failureMessage(), /^deploy function environment: DEPLOYMENT_TABLE_NAME is required$/);
        assert.equal(lambdaMock.calls().length, 0);
        assert.deepEqual(await recordsOf("job-no-table"), []);
    });

    it("reports a failed update with Lambda's reason and records FAILED", async () => {
        lambdaMock
            .on(GetFunctionConfigurationCommand)
            .resolvesOnce(settled)
            .resolvesOnce(updating)
            .resolves({
                ...settled,
                LastUpdateStatus: "Failed",
                LastUpdateStatusReasonCode: "ImageAccessDenied",
                LastUpdateStatusReason: "Lambda does not have permission to access the ECR image.",
            })
            .on(UpdateFunctionCodeCommand)
            .resolves({});
        const clock = fakeClock();
        const outcome = await handlerWith(clock)(jobEvent("job-update-failed"), clock.context);

        assert.equal(outcome.status, "FAILED");
        assert.equal(
            failureMessage(),
            `updating ${FUNCTION} to ${IMAGE} ended with LastUpdateStatus Failed ` +
                "(ImageAccessDenied: Lambda does not have permission to access the ECR image.)",
        );
        assert.equal(lambdaMock.commandCalls(PublishVersionCommand).length, 0);
        assert.equal(lambdaMock.commandCalls(UpdateAliasCommand).length, 0);
        const records = await recordsOf("job-update-failed");
        assert.equal(records.length, 1);
        assert.equal(records[0]?.status, "FAILED");
        assert.equal(records[0]?.durationMs, POLL_MS);
        assert.match(String(records[0]?.error), /ImageAccessDenied/);
    });

    it("stops waiting before the deadline, reports the failure in time and records FAILED", async () => {
        lambdaMock
            .on(GetFunctionConfigurationCommand)
            .resolvesOnce(settled)
            .resolves(updating)
            .on(UpdateFunctionCodeCommand)
            .resolves({});
        const clock = fakeClock();
        let reportedAt: number | undefined;
        pipelineMock.on(PutJobFailureResultCommand).callsFake(() => {
            reportedAt = clock.now();
            return {};
        });
        const started = performance.now();
        const outcome = await handlerWith(clock)(jobEvent("job-timeout"), clock.context);

        assert.equal(outcome.status, "FAILED");
        assert.match(failureMessage(), /^function orders-api-test is still updating \(State Active, LastUpdateStatus InProgress\) after 50 s; stopped waiting/);
        assert.ok(reportedAt !== undefined && reportedAt < START + INVOCATION_MS, "reported before the invocation's deadline");
        assert.ok(reportedAt - START <= INVOCATION_MS - 10_000, "kept the report reserve");
        assert.equal(lambdaMock.commandCalls(PublishVersionCommand).length, 0);
        assert.ok(performance.now() - started < 2000, "the fake clock keeps the test fast");
        const records = await recordsOf("job-timeout");
        assert.equal(records.length, 1);
        assert.equal(records[0]?.status, "FAILED");
        assert.equal(records[0]?.durationMs, 50_000);
    });

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
        await doc.send(new PutCommand({
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

    it("fails the job, saying the version is live, when the outcome cannot be recorded", async () => {
        mockSuccessfulRelease();
        const dynamo = local.client();
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
