import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DOCKER_BUILD_IMAGE, DOCKER_IMAGE, imageRepository, lambdaImagePushed } from "./DEPLOY.LambdaImagePushed";
import { run, target } from "../../../../test/support/policy/deploy";

const FN = "aws:lambda/function:Function";
const REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/service-pipeline-dev";

describe("DEPLOY.LambdaImagePushed", () => {
    it("compliant: a docker-build image pushes the repository the function names (digest and tag ignored)", () => {
        const findings = run(lambdaImagePushed, [
            target(FN, "fn", { packageType: "Image", imageUri: `${REPO}@sha256:${"a".repeat(64)}` }),
            target(DOCKER_BUILD_IMAGE, "bootstrap", { push: true, tags: [`${REPO}:bootstrap`] }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("compliant: a docker provider image, and zip functions", () => {
        const findings = run(lambdaImagePushed, [
            target(FN, "fn", { packageType: "Image", imageUri: `${REPO}:v1` }),
            target(FN, "zip", { runtime: "nodejs22.x", handler: "index.handler" }),
            target(DOCKER_IMAGE, "image", { imageName: `${REPO}:latest` }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: an image URI nothing in the stack pushes", () => {
        const fn = target(FN, "fn", { packageType: "Image", imageUri: `${REPO}:latest` });
        const findings = run(lambdaImagePushed, [fn]);
        assert.equal(findings.length, 1);
        assert.equal(findings[0]?.urn, fn.urn);
        assert.match(findings[0]?.message ?? "", /not pushed by any image resource/);
    });

    it("non-compliant 2: the image resource builds without pushing", () => {
        const findings = run(lambdaImagePushed, [
            target(FN, "fn", { packageType: "Image", imageUri: `${REPO}:latest` }),
            target(DOCKER_BUILD_IMAGE, "local", { push: false, tags: [`${REPO}:latest`] }),
            target(DOCKER_IMAGE, "skipped", { imageName: `${REPO}:latest`, skipPush: true }),
        ]);
        assert.equal(findings.length, 1);
    });

    it("non-compliant 3: an image function without imageUri", () => {
        const findings = run(lambdaImagePushed, [target(FN, "fn", { packageType: "Image" })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /imageUri is unset/);
    });

    it("reads the repository of an image reference", () => {
        assert.equal(imageRepository(`${REPO}:tag@sha256:abc`), REPO);
        assert.equal(imageRepository("localhost:5000/app"), "localhost:5000/app");
        assert.equal(imageRepository("localhost:5000/app:1"), "localhost:5000/app");
    });
});
