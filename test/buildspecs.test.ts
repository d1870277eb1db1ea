/**
 * Every pipeline's builds as the programs register them: each buildspec is valid YAML in
 * CodeBuild's format, with the phases, reports, artifacts and cache its system's design lists,
 * written once in src/buildspecs and rendered by the build project.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { BUILDSPEC_PHASES } from "../src/aws/buildspec";
import type { StackPlan } from "../src/offline/model/types";
import { ofType, plan, PRODUCT_STACKS } from "./helpers";

interface Parsed {
    version: unknown;
    env?: { variables?: Record<string, unknown>; "exported-variables"?: string[] };
    phases: Record<string, { commands?: unknown[]; "runtime-versions"?: Record<string, unknown> }>;
    reports?: Record<string, { "file-format": string }>;
    artifacts?: { files: string[] };
    cache?: { paths: string[] };
}

/** What each design lists for its builds, by the CodeBuild project's logical name. */
const DESIGN: Record<string, { phases: string[]; reports?: Record<string, string>; artifacts?: string[]; cache?: boolean; exported?: string[]; node?: number }> = {
    "brazilcart-cicd build": { phases: ["build"], artifacts: ["**/*"] },
    "brazilcart-cicd deploy": { phases: ["build"] },
    "payment-pipeline unit-tests": { phases: ["install", "pre_build", "build"], reports: { "unit-tests": "JUNITXML", coverage: "COBERTURAXML" }, node: 22 },
    "payment-pipeline docker-build": { phases: ["install", "pre_build", "build"], artifacts: ["imagedefinitions.json", "taskdef.json", "appspec.yaml"], exported: ["IMAGE_TAG", "IMAGE_URI"], node: 22 },
    "service-pipeline service-image-build": { phases: ["pre_build", "build"], cache: true, exported: ["IMAGE_URI", "COMMIT"] },
    "service-pipeline service-tests": { phases: ["install", "build"], node: 22 },
};

let plans: StackPlan[];
before(async () => {
    plans = await Promise.all(PRODUCT_STACKS.map(([project, stack]) => plan(project, stack)));
});

describe("buildspecs of every pipeline", () => {
    it("registers exactly the builds the designs list, in every stack of a pipeline system", () => {
        for (const p of plans) {
            const expected = Object.keys(DESIGN).filter((k) => k.startsWith(`${p.project} `)).sort();
            assert.deepEqual(ofType(p, "aws:codebuild/project:Project").map((r) => `${p.project} ${r.name}`).sort(), expected, `${p.project}/${p.stack}`);
        }
    });

    it("is valid YAML of version 0.2 with the design's phases, in CodeBuild's order, each running something", () => {
        let checked = 0;
        for (const p of plans) {
            for (const project of ofType(p, "aws:codebuild/project:Project")) {
                const where = `${p.project}/${p.stack} ${project.name}`;
                const design = DESIGN[`${p.project} ${project.name}`]!;
                const spec = parse(String((project.inputs.source as { buildspec: string }).buildspec)) as Parsed;
                assert.equal(spec.version, 0.2, where);
                const phases = Object.keys(spec.phases);
                assert.deepEqual(phases, design.phases, where);
                assert.deepEqual(phases, BUILDSPEC_PHASES.filter((ph) => phases.includes(ph)), `${where}: phases in the order CodeBuild runs them`);
                for (const [name, phase] of Object.entries(spec.phases)) {
                    assert.ok((phase.commands ?? []).length > 0 || phase["runtime-versions"] !== undefined, `${where}: ${name} does nothing`);
                    for (const c of phase.commands ?? []) assert.equal(typeof c, "string", `${where}: ${name} has a command that is not a string`);
                }
                assert.equal(spec.phases.install?.["runtime-versions"]?.nodejs, design.node, `${where}: Node.js runtime`);
                assert.deepEqual(spec.reports && Object.fromEntries(Object.entries(spec.reports).map(([k, v]) => [k, v["file-format"]])), design.reports, `${where}: reports`);
                assert.deepEqual(spec.artifacts?.files, design.artifacts, `${where}: artifacts`);
                assert.equal(spec.cache !== undefined, design.cache === true, `${where}: cache`);
                assert.deepEqual(spec.env?.["exported-variables"], design.exported, `${where}: exported variables`);
                checked++;
            }
        }
        assert.equal(checked, 12, "two builds in each of the six pipeline stacks");
    });
});
