import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { jobIdOf, readDeployEnv, readJob } from "./job";

const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:3f9c2a1";
const DIGEST_IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/team/orders-api@sha256:${"a".repeat(64)}`;

function jobEvent(userParameters: string | undefined, functionName = "service-pipeline-deploy-dev"): unknown {
    return {
        "CodePipeline.job": {
            id: "11111111-abcd-1111-abcd-111111abcdef",
            accountId: "123456789012",
            data: {
                actionConfiguration: {
                    configuration: {
                        FunctionName: functionName,
                        ...(userParameters === undefined ? {} : { UserParameters: userParameters }),
                    },
                },
                inputArtifacts: [],
                outputArtifacts: [],
                artifactCredentials: { accessKeyId: "AKIA", secretAccessKey: "secret", sessionToken: "token" },
            },
        },
    };
}

describe("readJob", () => {
    it("reads image, function and commit from UserParameters", () => {
        const reading = readJob(
            jobEvent(JSON.stringify({ imageUri: IMAGE, functionName: "orders-api-dev", commit: "3f9c2a1" })),
            {},
        );
        assert.deepEqual(reading, {
            ok: true,
            jobId: "11111111-abcd-1111-abcd-111111abcdef",
            request: { imageUri: IMAGE, functionName: "orders-api-dev", commit: "3f9c2a1" },
        });
    });

    it("falls back to TARGET_FUNCTION_NAME and accepts a digest-pinned image", () => {
        const reading = readJob(jobEvent(JSON.stringify({ imageUri: DIGEST_IMAGE })), { targetFunctionName: "orders-api-prod" });
        assert.equal(reading.ok, true);
        assert.deepEqual(reading.ok && reading.request, { imageUri: DIGEST_IMAGE, functionName: "orders-api-prod" });
    });

    it("prefers UserParameters functionName over TARGET_FUNCTION_NAME", () => {
        const reading = readJob(
            jobEvent(JSON.stringify({ imageUri: IMAGE, functionName: "arn:aws:lambda:us-east-1:123456789012:function:orders-api-dev" })),
            { targetFunctionName: "other" },
        );
        assert.equal(reading.ok && reading.request.functionName, "arn:aws:lambda:us-east-1:123456789012:function:orders-api-dev");
    });

    const bad: ReadonlyArray<{ readonly name: string; readonly userParameters: string | undefined; readonly error: RegExp }> = [
        { name: "missing UserParameters", userParameters: undefined, error: /no UserParameters; set them to a JSON object/ },
        { name: "not JSON", userParameters: "imageUri=x", error: /UserParameters is not JSON/ },
        { name: "no imageUri", userParameters: "{}", error: /^UserParameters: imageUri is required$/ },
        { name: "a Docker Hub image", userParameters: JSON.stringify({ imageUri: "nginx:latest" }), error: /imageUri must be an ECR image URI/ },
        {
            name: "an untagged image",
            userParameters: JSON.stringify({ imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api" }),
            error: /with a tag or digest/,
        },
        {
            name: "an unresolved pipeline variable",
            userParameters: JSON.stringify({ imageUri: "#{BuildVariables.IMAGE_URI}" }),
            error: /^UserParameters: imageUri is an unresolved pipeline variable; check the namespace and variable name$/,
        },
        {
            name: "a misspelt key",
            userParameters: JSON.stringify({ imageURI: IMAGE, functionName: "f" }),
            error: /^UserParameters: imageUri is required; Unrecognized key: "imageURI"$/,
        },
        {
            name: "a qualified function name",
            userParameters: JSON.stringify({ imageUri: IMAGE, functionName: "orders-api:live" }),
            error: /functionName must be a Lambda function name or unqualified function ARN/,
        },
        {
            name: "no target function anywhere",
            userParameters: JSON.stringify({ imageUri: IMAGE }),
            error: /no target function: set functionName in UserParameters or TARGET_FUNCTION_NAME/,
        },
        {
            name: "the deploy function as its own target",
            userParameters: JSON.stringify({ imageUri: IMAGE, functionName: "service-pipeline-deploy-dev" }),
            error: /is this deploy function/,
        },
    ];
    for (const { name, userParameters, error } of bad) {
        it(`rejects ${name} with a readable message`, () => {
            const reading = readJob(jobEvent(userParameters), {});
            assert.equal(reading.ok, false);
            assert.match(reading.ok ? "" : reading.error, error);
            assert.equal(reading.jobId, "11111111-abcd-1111-abcd-111111abcdef");
        });
    }

    it("names the missing part of a malformed job", () => {
        const reading = readJob({ "CodePipeline.job": { id: "job-1", data: {} } }, {});
        assert.deepEqual(reading, { ok: false, jobId: "job-1", error: "job event: CodePipeline.job.data.actionConfiguration Invalid input: expected object, received undefined" });
    });

    it("throws when the event is not a CodePipeline job", () => {
        assert.equal(jobIdOf({ Records: [] }), undefined);
        assert.throws(() => readJob({ Records: [] }, {}), /not a CodePipeline job/);
    });
});

describe("readDeployEnv", () => {
    it("reads the table, suffix and optional target", () => {
        assert.deepEqual(
            readDeployEnv({ DEPLOYMENT_TABLE_NAME: "service-pipeline-deployments-dev", ENVIRONMENT_SUFFIX: "dev", TARGET_FUNCTION_NAME: "" }),
            { tableName: "service-pipeline-deployments-dev", environmentSuffix: "dev" },
        );
        assert.deepEqual(
            readDeployEnv({ DEPLOYMENT_TABLE_NAME: "t-1", ENVIRONMENT_SUFFIX: "prod", TARGET_FUNCTION_NAME: "orders-api-prod" }),
            { tableName: "t-1", environmentSuffix: "prod", targetFunctionName: "orders-api-prod" },
        );
    });

    it("names every missing variable at once", () => {
        assert.throws(() => readDeployEnv({}), (error: Error) => {
            assert.match(error.message, /^deploy function environment: /);
            assert.match(error.message, /DEPLOYMENT_TABLE_NAME/);
            assert.match(error.message, /ENVIRONMENT_SUFFIX/);
            return true;
        });
    });
});
