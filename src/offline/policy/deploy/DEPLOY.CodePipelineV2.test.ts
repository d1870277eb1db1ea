import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { codePipelineV2 } from "./DEPLOY.CodePipelineV2";
import { run, target } from "../../../../test/support/policy/deploy";

const PIPELINE = "aws:codepipeline/pipeline:Pipeline";

describe("DEPLOY.CodePipelineV2", () => {
    it("compliant: pipelineType V2", () => {
        assert.deepEqual(run(codePipelineV2, [target(PIPELINE, "p", { pipelineType: "V2" })]), []);
    });

    it("non-compliant 1: pipelineType unset, which is V1", () => {
        const findings = run(codePipelineV2, [target(PIPELINE, "p")]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /unset, which means V1/);
    });

    it("non-compliant 2: pipelineType V1", () => {
        const findings = run(codePipelineV2, [target(PIPELINE, "p", { pipelineType: "V1" })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /pipelineType is "V1"/);
    });
});
