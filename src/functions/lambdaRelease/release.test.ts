import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import {
    GetFunctionConfigurationCommand,
    LambdaClient,
    UpdateFunctionCodeCommand,
    type FunctionConfiguration,
} from "@aws-sdk/client-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { describeError } from "./report";
import { digestOf, isSettled, release, versionDescription, waitUntilSettled, type Clock } from "./release";

const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:v1";

describe("release steps", () => {
    const settledCases: ReadonlyArray<readonly [FunctionConfiguration, boolean]> = [
        [{ State: "Active", LastUpdateStatus: "Successful" }, true],
        [{ State: "Active", LastUpdateStatus: "Failed" }, true],
        [{ State: "Active", LastUpdateStatus: "InProgress" }, false],
        [{ State: "Pending" }, false],
        [{ State: "Inactive", LastUpdateStatus: "Successful" }, true],
    ];
    for (const [configuration, expected] of settledCases) {
        it(`treats ${JSON.stringify(configuration)} as ${expected ? "settled" : "still updating"}`, () => {
            assert.equal(isSettled(configuration), expected);
        });
    }

    it("takes the digest from a resolved image URI", () => {
        assert.equal(digestOf(`repo@sha256:${"c".repeat(64)}`), `sha256:${"c".repeat(64)}`);
        assert.equal(digestOf("repo:tag"), undefined);
        assert.equal(digestOf(undefined), undefined);
    });

    it("keeps version descriptions within Lambda's 256 characters", () => {
        assert.equal(versionDescription({ imageUri: IMAGE, functionName: "f", commit: "abc" }), `abc ${IMAGE}`);
        const long = versionDescription({ imageUri: IMAGE, functionName: "f", commit: "x".repeat(300) });
        assert.equal(long.length, 256);
        assert.ok(long.endsWith("…"));
    });
});

describe("describeError", () => {
    it("describes SDK, network and abort errors in one line", () => {
        const throttled = Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
        assert.equal(describeError(throttled), "ThrottlingException: Rate exceeded");
        const refused = Object.assign(new Error(""), { code: "ECONNREFUSED" });
        assert.equal(describeError(refused), "ECONNREFUSED");
        assert.equal(describeError(new AggregateError([new Error("a"), new Error("b")], "")), "AggregateError: a; b");
        assert.match(describeError(Object.assign(new Error("Request aborted"), { name: "AbortError" })), /request aborted/);
        assert.equal(describeError("plain"), "plain");
    });
});

describe("waitUntilSettled and release with a stubbed Lambda", () => {
    const lambda = new LambdaClient({ region: "us-east-1" });
    const lambdaMock = mockClient(lambda);
    let time: number;
    const clock: Clock = { now: () => time, sleep: async (ms) => void (time += ms) };

    beforeEach(() => {
        lambdaMock.reset();
        time = 0;
    });

    it("waits through Pending until the function is settled", async () => {
        lambdaMock
            .on(GetFunctionConfigurationCommand)
            .resolvesOnce({ State: "Pending", LastUpdateStatus: "InProgress" })
            .resolves({ State: "Active", LastUpdateStatus: "Successful" });
        const configuration = await waitUntilSettled(lambda, "f", clock, { deadline: 60_000, pollIntervalMs: 1000 });
        assert.equal(configuration.State, "Active");
        assert.equal(time, 1000);
    });

    it("gives up before a poll would pass the deadline", async () => {
        lambdaMock.on(GetFunctionConfigurationCommand).resolves({ State: "Active", LastUpdateStatus: "InProgress" });
        await assert.rejects(
            waitUntilSettled(lambda, "f", clock, { deadline: 3500, pollIntervalMs: 1000 }),
            /still updating .* after 3 s/,
        );
        assert.equal(time, 3000);
    });

    it("refuses to deploy an image to a Zip function", async () => {
        lambdaMock.on(GetFunctionConfigurationCommand).resolves({ State: "Active", LastUpdateStatus: "Successful", PackageType: "Zip" });
        await assert.rejects(
            release(lambda, { imageUri: IMAGE, functionName: "f" }, "live", clock, { deadline: 60_000, pollIntervalMs: 1000 }, {}),
            /function f is packaged as Zip; this step deploys container-image functions only/,
        );
        assert.equal(lambdaMock.commandCalls(UpdateFunctionCodeCommand).length, 0);
    });
});
