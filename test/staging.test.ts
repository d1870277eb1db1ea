/**
 * The staging example of docs/delivery.md, planned as what it says it is: the stack file of a
 * third environment of its project. The YAML is taken from the document itself, so the test
 * breaks when the example stops being a stack that deploys at the prod levels. The project is
 * mirrored into a temporary folder (its files and the repository's folders it reads linked, the
 * stack file added), so the repository gets no stack file it does not have.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { planStack } from "../src/offline/plan/planner";
import { readProject } from "../src/offline/plan/project";
import type { StackPlan } from "../src/offline/model/types";
import { assertClean, one, projectDir, REPO, SYSTEMS } from "./helpers";

interface Waiver {
    readonly policy: string;
    readonly resource?: string;
    readonly reason: string;
}

/** The fenced YAML block of the document that names a `Pulumi.staging.yaml` in its first line. */
function stagingExample(): { project: string; text: string; config: Record<string, unknown> } {
    const doc = fs.readFileSync(path.join(REPO, "docs", "delivery.md"), "utf8");
    const blocks = [...doc.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
    const found = blocks.map((text) => ({ text, m: /^# stacks\/([a-z-]+)\/Pulumi\.staging\.yaml\n/.exec(text) })).filter((b) => b.m !== null);
    assert.equal(found.length, 1, "docs/delivery.md has one YAML block starting with # stacks/<project>/Pulumi.staging.yaml");
    const { text, m } = found[0]!;
    const parsed = parse(text) as { config?: Record<string, unknown> };
    assert.ok(parsed.config, "the example has a config: section");
    return { project: m![1]!, text, config: parsed.config };
}

function waiversOf(config: Record<string, unknown>, project: string): Waiver[] {
    return (config[`${project}:policyExceptions`] ?? []) as Waiver[];
}

/** The project's folder, linked file by file, with `Pulumi.staging.yaml` added, under a root that links the folders programs read. */
function mirror(project: string, stackFile: string): { root: string; dir: string } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "staging-"));
    for (const entry of ["src", "services", "node_modules", "package.json", "package-lock.json", "tsconfig.json"]) {
        fs.symlinkSync(path.join(REPO, entry), path.join(root, entry));
    }
    const dir = path.join(root, "stacks", project);
    fs.mkdirSync(dir, { recursive: true });
    for (const file of fs.readdirSync(projectDir(project))) fs.symlinkSync(path.join(projectDir(project), file), path.join(dir, file));
    fs.writeFileSync(path.join(dir, "Pulumi.staging.yaml"), stackFile);
    return { root, dir };
}

describe("the staging example of docs/delivery.md", () => {
    const example = stagingExample();
    let plan: StackPlan;
    let root: string;
    before(async () => {
        const m = mirror(example.project, example.text);
        root = m.root;
        plan = await planStack(readProject(m.dir), "staging");
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it("is a stack file of one of the systems", () => {
        assert.ok((SYSTEMS as readonly string[]).includes(example.project), example.project);
        assert.ok(!fs.existsSync(path.join(projectDir(example.project), "Pulumi.staging.yaml")), "the repository keeps no staging stack of its own");
    });

    it("plans with no mandatory finding, at the prod profile, named for staging", () => {
        assertClean(plan);
        assert.equal(example.config[`${example.project}:profile`], "prod");
        assert.equal(plan.profile, "prod");
        assert.equal(plan.stack, "staging");
        // What the prod profile keeps, as the document says: deletion protection, Multi-AZ, `protect`.
        const db = one(plan, "aws:rds/instance:Instance");
        assert.match(String(db.inputs.identifier), /-staging$/);
        assert.equal(db.inputs.deletionProtection, true);
        assert.equal(db.inputs.multiAz, true);
        assert.equal(db.protect, true);
    });

    it("carries over exactly the waivers of Pulumi.prod.yaml, and each one waives something", () => {
        const prod = parse(fs.readFileSync(path.join(projectDir(example.project), "Pulumi.prod.yaml"), "utf8")) as { config: Record<string, unknown> };
        const key = (w: Waiver) => `${w.policy} ${w.resource ?? "(stack)"}: ${w.reason.trim()}`;
        const documented = waiversOf(example.config, example.project).map(key).sort();
        assert.deepEqual(documented, waiversOf(prod.config, example.project).map(key).sort());
        const applied = plan.exceptions.map((e) => `${e.policy} ${e.urn === undefined ? "(stack)" : e.urn.split("::").pop()!}: ${e.reason.trim()}`).sort();
        assert.deepEqual(applied, documented);
    });
});
