/**
 * The offline planner itself: what it records of a program, how it reports failures, and the
 * CLI's contract (README.md, "The offline plan").
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { mapLimit } from "../src/offline/plan/cli";
import { runProgram } from "../src/offline/plan/program";
import { readProject, readStackConfig } from "../src/offline/plan/project";
import { REPO } from "./helpers";

const fixture = (name: string) => path.join(REPO, "test", "fixtures", name);

describe("planner: running a program", () => {
    let mini: Awaited<ReturnType<typeof runProgram>>;
    let badInvoke: Awaited<ReturnType<typeof runProgram>>;
    before(async () => {
        [mini, badInvoke] = await Promise.all([
            runProgram(readProject(fixture("mini")), "dev", { configOverrides: { "mini:greeting": "bonjour" } }),
            runProgram(readProject(fixture("bad-invoke")), "dev"),
        ]);
    });

    it("records types, names, parents, protect, dependencies, decoded config and outputs", () => {
        assert.equal(mini.error, null);
        const key = mini.resources.find((r) => r.type === "aws:kms/key:Key")!;
        assert.equal(key.protect, true);
        assert.equal(key.inputs.description, "bonjour", "a config override replaced the stack file's value");
        assert.match(key.parent!, /mini:index:Holder::holder$/);
        const bucket = mini.resources.find((r) => r.type === "aws:s3/bucket:Bucket")!;
        assert.deepEqual(bucket.inputs.tags, { Sizes: "1,2" }, "structured config from the stack file was JSON-decoded");
        assert.ok(bucket.dependsOn.includes(key.urn));
        assert.equal(mini.resources.find((r) => r.type === "mini:index:Holder")!.custom, false);
        assert.equal(mini.outputs.firstAz, "eu-west-1a");
        assert.equal(mini.outputs.bucketArn, "arn:aws:s3:::mini-data-dev");
        assert.equal(mini.region, "eu-west-1");
        assert.ok(!mini.resources.some((r) => r.type === "pulumi:pulumi:Stack"));
    });

    it("records a resource that nothing exports or depends on", () => {
        assert.ok(mini.resources.some((r) => r.type === "aws:sns/topic:Topic" && r.name === "orphan"));
    });

    it("fails the plan on an invoke the offline plan does not answer, naming it", () => {
        assert.match(badInvoke.error ?? "", /aws:ec2\/getAmi:getAmi/);
        assert.match(badInvoke.error ?? "", /only .*getAvailabilityZones.* are allowed/);
    });
});

describe("planner: reading projects", () => {
    it("finds the stacks and rejects a folder that is not a project", () => {
        assert.deepEqual(readProject(fixture("mini")).stacks, ["dev"]);
        assert.throws(() => readProject(path.join(REPO, "src")), /no Pulumi.yaml/);
        assert.throws(() => readStackConfig(readProject(fixture("mini")), "prod"), /no stack "prod".*stacks: dev/);
    });

    it("passes secure values as placeholders and marks them secret", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-secret-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: s\nruntime: nodejs\n");
        fs.writeFileSync(path.join(dir, "index.ts"), "export {};\n");
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  s:token:\n    secure: AAABAxyz\n  aws:region: us-east-2\n");
        const cfg = readStackConfig(readProject(dir), "dev");
        assert.deepEqual(cfg.secretKeys, ["s:token"]);
        assert.equal(cfg.config["aws:region"], "us-east-2");
        fs.rmSync(dir, { recursive: true });
    });
});

describe("planner: concurrency helper", () => {
    it("keeps input order and never runs more than the limit at once", async () => {
        let running = 0;
        let peak = 0;
        const out = await mapLimit([30, 10, 20, 5, 15], 2, async (ms, i) => {
            running++;
            peak = Math.max(peak, running);
            await new Promise((r) => setTimeout(r, ms));
            running--;
            return i;
        });
        assert.deepEqual(out, [0, 1, 2, 3, 4]);
        assert.equal(peak, 2);
    });
});

describe("planner: CLI", () => {
    const cli = (args: string[]) =>
        spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "src/offline/plan/cli.ts"), ...args], { encoding: "utf8", timeout: 90_000, cwd: REPO });

    it("plans several projects into one JSON document, and exits non-zero when a program fails or a mandatory control does", () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-"));
        const run = cli([fixture("mini"), fixture("bad-invoke"), fixture("bad-project"), "--stack", "dev", "--json", "--out", out]);
        assert.equal(run.status, 1, run.stderr);
        const doc = JSON.parse(run.stdout) as { plans: Record<string, unknown>[] };
        assert.deepEqual(doc.plans.map((p) => p.project), ["mini", "bad-invoke", "bad-project"]);
        const [mini, badInvoke, badProject] = doc.plans as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
        for (const key of ["project", "stack", "region", "resources", "outputs", "violations", "exceptions", "cost", "error"]) assert.ok(key in mini, key);
        const resource = (mini.resources as Record<string, unknown>[])[0]!;
        for (const key of ["urn", "type", "name", "parent", "inputs"]) assert.ok(key in resource, key);
        assert.equal(mini.error, null);
        assert.match(String(badInvoke.error), /getAmi/);
        assert.equal(badProject.error, null);
        assert.ok((badProject.violations as { policy: string; level: string }[]).some((v) => v.policy === "RDS.2" && v.level === "mandatory"));
        assert.ok(fs.existsSync(path.join(out, "mini", "dev.json")));
        assert.ok(fs.existsSync(path.join(out, "plan.json")));
        assert.match(run.stderr, /\[\d\/3\] mini\/dev/);
        assert.match(run.stderr, /3 failed/, "mini fails too: a bare KMS key and bucket break mandatory controls");
        fs.rmSync(out, { recursive: true });
    });

    it("exits 2 with a clear message for a missing stack or folder", () => {
        const missingStack = cli([fixture("mini"), "--stack", "qa"]);
        assert.equal(missingStack.status, 2);
        assert.match(missingStack.stderr, /mini has no stack "qa".*it has: dev/);
        const notProject = cli([path.join(REPO, "src")]);
        assert.equal(notProject.status, 2);
        assert.match(notProject.stderr, /no Pulumi.yaml/);
    });
});
