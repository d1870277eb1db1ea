import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEPRECATED_RUNTIMES, lambdaRuntime } from "./DEPLOY.LambdaRuntime";
import { run, target } from "../../../../test/support/policy/deploy";

const FN = "aws:lambda/function:Function";

describe("DEPLOY.LambdaRuntime", () => {
    it("compliant: supported runtimes, and image functions without a runtime", () => {
        const findings = run(lambdaRuntime, [
            target(FN, "a", { runtime: "nodejs22.x" }),
            target(FN, "b", { runtime: "python3.13" }),
            target(FN, "c", { packageType: "Image", imageUri: "repo:tag" }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: nodejs18.x, with its deprecation date and a replacement", () => {
        const findings = run(lambdaRuntime, [target(FN, "fn", { runtime: "nodejs18.x" })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /nodejs18\.x was deprecated on 2025-09-01/);
        assert.match(findings[0]?.message ?? "", /nodejs22\.x/);
    });

    it("non-compliant 2: python3.8", () => {
        assert.equal(run(lambdaRuntime, [target(FN, "fn", { runtime: "python3.8" })]).length, 1);
    });

    it("lists every runtime once, each with an ISO date no later than the table's review month", () => {
        const names = DEPRECATED_RUNTIMES.map((r) => r.runtime);
        assert.equal(new Set(names).size, names.length);
        for (const r of DEPRECATED_RUNTIMES) {
            assert.match(r.deprecated, /^\d{4}-\d{2}-\d{2}$/);
            assert.ok(r.deprecated <= "2026-11-30", r.runtime);
        }
        for (const old of ["nodejs16.x", "nodejs14.x", "python3.7", "python3.6", "python2.7"]) assert.ok(names.includes(old), old);
    });
});
