/**
 * What the deploy handler's tests share: a job event, a fake clock, the function states Lambda
 * reports, and a harness (local DynamoDB with the history table, mocked Lambda and CodePipeline).
 */
import assert from "node:assert/strict";
import { after, before, beforeEach } from "node:test";
import { CodePipelineClient, PutJobFailureResultCommand, PutJobSuccessResultCommand } from "@aws-sdk/client-codepipeline";
import {
    GetAliasCommand,
    GetFunctionCommand,
    GetFunctionConfigurationCommand,
    LambdaClient,
    PublishVersionCommand,
    UpdateAliasCommand,
    UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient, type AwsClientStub } from "aws-sdk-client-mock";
import { createHandler, type DeployHandler, type LambdaContext } from "./handler";
import { startLocalDynamoDb, type LocalDynamoDb } from "./local-dynamodb";

export const TABLE = "service-pipeline-deployments-test";
export const FUNCTION = "orders-api-test";
export const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:3f9c2a1";
export const DIGEST = `sha256:${"b".repeat(64)}`;
export const RESOLVED = `123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api@${DIGEST}`;
export const START = Date.parse("2026-03-01T12:00:00.000Z");
export const ENV = { DEPLOYMENT_TABLE_NAME: TABLE, ENVIRONMENT_SUFFIX: "test" };
export const POLL_MS = 5000;
/** What the fake invocation has left when it starts: reserve is 10 s, so work stops by START + 50 s. */
export const INVOCATION_MS = 60_000;

export function jobEvent(jobId: string, userParameters: unknown = { imageUri: IMAGE, functionName: FUNCTION, commit: "3f9c2a1" }): unknown {
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
export function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void>; context: LambdaContext; sleeps: number[] } {
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

export const settled = { State: "Active", LastUpdateStatus: "Successful", PackageType: "Image", CodeSha256: "old" } as const;
export const updating = { State: "Active", LastUpdateStatus: "InProgress", PackageType: "Image" } as const;

/**
 * Registers, in the suite that calls it, the hooks that start a local DynamoDB with the history
 * table and reset the Lambda and CodePipeline mocks before each test; returns what tests use.
 */
export function deployHarness() {
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

    async function recordsOf(jobId: string): Promise<Record<string, unknown>[]> {
        const result = await doc.send(new QueryCommand({
            TableName: TABLE,
            KeyConditionExpression: "deploymentId = :id",
            ExpressionAttributeValues: { ":id": jobId },
        }));
        return result.Items ?? [];
    }

    return {
        lambdaMock,
        pipelineMock,
        handlerWith,
        /** The update is live after two polls: 10 s on the fake clock. */
        mockSuccessfulRelease: () => mockSuccessfulRelease(lambdaMock),
        recordsOf,
        /** The one failure the handler reported to CodePipeline (and no success). */
        failureMessage: () => failureMessage(pipelineMock),
        /** The local DynamoDB, once started. */
        get local(): LocalDynamoDb {
            return local;
        },
        /** A document client on the local table. */
        get doc(): DynamoDBDocumentClient {
            return doc;
        },
        /** What the handler logged in this test, one JSON line each. */
        get logs(): string[] {
            return logs;
        },
    };
}

/** The update is live after two polls: 10 s on the fake clock. */
function mockSuccessfulRelease(lambdaMock: AwsClientStub<LambdaClient>): void {
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

function failureMessage(pipelineMock: AwsClientStub<CodePipelineClient>): string {
    const calls = pipelineMock.commandCalls(PutJobFailureResultCommand);
    assert.equal(calls.length, 1, "exactly one PutJobFailureResult");
    assert.equal(pipelineMock.commandCalls(PutJobSuccessResultCommand).length, 0);
    const details = calls[0]?.args[0].input.failureDetails;
    assert.equal(details?.type, "JobFailed");
    return details?.message ?? "";
}
