import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PutJobFailureResultCommand, PutJobSuccessResultCommand } from "@aws-sdk/client-codepipeline";
import {
    CreateAliasCommand,
    GetAliasCommand,
    GetFunctionConfigurationCommand,
    PublishVersionCommand,
    ResourceNotFoundException,
    UpdateAliasCommand,
    UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { splitInvocationTime } from "./handler";
import { deployHarness, DIGEST, fakeClock, FUNCTION, IMAGE, INVOCATION_MS, jobEvent, POLL_MS, RESOLVED, settled, START, updating } from "./handler.fixture";

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

const h = deployHarness();
const { lambdaMock, pipelineMock, handlerWith, mockSuccessfulRelease, recordsOf, failureMessage } = h;

describe("deploy handler: a release", () => {
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
        assert.equal(h.logs.some((line) => line.includes("artifact-secret") || line.includes("artifact-token")), false);
    });
});

describe("deploy handler: the live alias and bad input", () => {
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
});

describe("deploy handler: failed updates and the deadline", () => {
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
});
