/**
 * The planner as a new user meets it: the worker pool gives the plans a fresh process would,
 * broken stack files and hung programs are named, secrets and misspelt keys are explained, and
 * the CLI reads folders and writes files where the user expects.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { invocationDir, parseCli } from "../src/offline/plan/cli";
import { formatPlan, formatSummary } from "../src/offline/plan/format";
import { exampleValueWarnings } from "../src/offline/plan/check";
import { planStack } from "../src/offline/plan/planner";
import { poolStats, runProgram } from "../src/offline/plan/program";
import { readProject } from "../src/offline/plan/project";
import { ConfigError, loadConfig } from "../src/config/load";
import { configReader } from "../src/config/testing";
import { REPO } from "./helpers";

// Inside the repository so the programs resolve @pulumi/pulumi from its node_modules.
const TMP = path.join(REPO, "out", `plan-cli-test-${process.pid}`);
const mini = readProject(path.join(REPO, "test", "fixtures", "mini"));

function project(name: string, files: Record<string, string>): string {
    const dir = path.join(TMP, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
    return dir;
}

before(() => fs.mkdirSync(TMP, { recursive: true }));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe("planner: the worker pool", () => {
    it("plans a stack in a reused worker byte for byte as in a fresh one", async () => {
        const spawned = poolStats.spawned;
        const fresh = await runProgram(mini, "dev");
        const other = await runProgram(mini, "dev", { configOverrides: { "mini:greeting": "bonjour" } });
        const reused = await runProgram(mini, "dev");
        assert.equal(fresh.error, null);
        assert.notEqual(JSON.stringify(other), JSON.stringify(fresh), "the run in between differs, so leftovers would show");
        assert.equal(JSON.stringify(reused), JSON.stringify(fresh));
        assert.equal(poolStats.spawned - spawned <= 2, true, `three sequential runs should reuse a worker (started ${poolStats.spawned - spawned})`);
    });

    it("gives each program in a reused worker fresh copies of the repository modules its checks also load", async () => {
        // src/aws/names.ts is read by the policy checks, which the worker keeps loaded.
        const names = JSON.stringify(path.join(REPO, "src", "aws", "names.ts"));
        const dir = project("stateful", { "index.js": `const m = require(${names});\nexports.seen = m.touchedByAProgram === true;\nm.touchedByAProgram = true;\n`, "Pulumi.dev.yaml": "config: {}\n" });
        const first = await runProgram(readProject(dir), "dev");
        const second = await runProgram(readProject(dir), "dev");
        assert.deepEqual([first.outputs, second.outputs], [{ seen: false }, { seen: false }]);
    });

    it("replaces a worker whose program left a timer running", async () => {
        const dir = project("leaky", { "index.js": 'setInterval(() => {}, 60000);\nexports.ok = "yes";\n', "Pulumi.dev.yaml": "config: {}\n" });
        const run = await runProgram(readProject(dir), "dev");
        assert.equal(run.error, null);
        assert.deepEqual(run.outputs, { ok: "yes" });
        assert.ok(poolStats.replaced.some((r) => /leaky\/dev: .*left .*Timeout/.test(r)), poolStats.replaced.join("\n"));
    });
});

describe("planner: what a new user gets wrong", () => {
    it("reports a YAML error as that stack's error, naming the file and line", async () => {
        const dir = project("broken-yaml", { "index.js": "exports.x = 1;\n", "Pulumi.dev.yaml": "config: {}\n", "Pulumi.qa.yaml": "config:\n  a: [1, 2\n  b: 3\n" });
        const p = readProject(dir);
        const [dev, qa] = await Promise.all([runProgram(p, "dev"), runProgram(p, "qa")]);
        assert.equal(dev.error, null, "the other stack still plans");
        assert.match(String(qa.error), /Pulumi\.qa\.yaml:\d+:\d+: not valid YAML/);
    });

    it("names the output that never settles, and --timeout sets the limit", async () => {
        const dir = project("hangs", {
            "index.js": 'const pulumi = require("@pulumi/pulumi");\nexports.done = "yes";\nexports.never = pulumi.output(new Promise(() => {}));\n',
            "Pulumi.dev.yaml": "config: {}\n",
        });
        const run = await runProgram(readProject(dir), "dev", { timeoutMs: 4000 });
        assert.match(String(run.error), /within 4 s \(--timeout SECONDS changes the limit\)/);
        assert.match(String(run.error), /the output never never settled/);
        assert.doesNotMatch(String(run.error), /done/);
    });

    it("says a secure: value is a secret the plan cannot read, and how to give one", async () => {
        const dir = project("secretive", {
            "index.js": 'const pulumi = require("@pulumi/pulumi");\nconst t = new pulumi.Config().require("token");\nif (!t.startsWith("tok_")) throw new Error(`secretive:token = "${t}" must start with tok_`);\nexports.ok = "yes";\n',
            "Pulumi.dev.yaml": "config:\n  secretive:token:\n    secure: AAABAcdef\n",
        });
        const p = readProject(dir);
        const [bad, good] = await Promise.all([runProgram(p, "dev"), runProgram(p, "dev", { configOverrides: { "secretive:token": "tok_123" } })]);
        assert.match(String(bad.error), /secretive:token is a secret \(secure: in .*Pulumi\.dev\.yaml\): the offline plan cannot decrypt it/);
        assert.match(String(bad.error), /--config secretive:token=VALUE/);
        assert.equal(good.error, null);
    });

    it("refuses a misspelt key of the project's namespace, suggesting the closest", () => {
        const schema = z.object({ kinesisShardCount: z.number().default(1), region: z.string().default("eu-west-1") });
        const read = configReader({ kinesisShards: "4" });
        assert.throws(
            () => loadConfig("payment-pipeline", schema, { region: { namespace: "aws" } }, read, {}),
            (e: unknown) => e instanceof ConfigError && /payment-pipeline:kinesisShards = "4": is not a setting of payment-pipeline; did you mean kinesisShardCount\?/.test(e.message),
        );
        assert.deepEqual(loadConfig("payment-pipeline", schema, { region: { namespace: "aws" } }, configReader({ kinesisShardCount: "4" }), {}), { kinesisShardCount: 4, region: "eu-west-1" });
    });

    it("says when a bad value came from the environment", () => {
        const schema = z.object({ environmentSuffix: z.string().regex(/^[a-z0-9-]+$/, "must be lowercase") });
        assert.throws(
            () => loadConfig("x", schema, { environmentSuffix: { env: "ENVIRONMENT_SUFFIX" } }, configReader({}), { ENVIRONMENT_SUFFIX: "Dev_1" }),
            /environmentSuffix = "Dev_1": must be lowercase \(the value came from the environment variable ENVIRONMENT_SUFFIX\)/,
        );
    });
});

describe("planner: example values left in a stack file", () => {
    it("warns for the repository's example owner, account and mailbox, and not for real-looking values", () => {
        const warnings = exampleValueWarnings({
            "p:githubOwner": "acme-payments",
            "s:githubRepository": "acme-commerce/orders-service",
            "p:certificateArn": "arn:aws:acm:us-east-2:123456789012:certificate/abc",
            "p:notificationEmail": "team@example.com",
            "p:ok": "my-org",
            "p:account": "210987654321",
            "p:mail": "ops@shop.example.de",
        });
        assert.deepEqual(
            warnings.map((w) => w.split(" = ")[0]),
            ["p:githubOwner", "s:githubRepository", "p:certificateArn", "p:notificationEmail"],
        );
        assert.match(warnings[0]!, /set your own before the first deployment/);
    });
});

describe("planner: the CLI's folders and files", () => {
    it("takes a relative folder from where npm was started", () => {
        assert.equal(invocationDir({ npm_lifecycle_event: "start", INIT_CWD: "/somewhere/stacks/x" }), "/somewhere/stacks/x");
        assert.equal(invocationDir({ INIT_CWD: "/stale" }), process.cwd(), "INIT_CWD counts only under an npm script");
        const parsed = parseCli(["."], { npm_lifecycle_event: "start", INIT_CWD: path.join(REPO, "stacks", "fastcart-orders") });
        assert.ok(parsed.ok);
        assert.deepEqual([...new Set(parsed.options.jobs.map((j) => j.project.name))], ["fastcart-orders"]);
    });

    it("writes one project's document and report beside its plans, not over the repository's", () => {
        const one = parseCli([path.join(REPO, "stacks", "fastcart-orders"), "--stack", "dev"], {});
        const all = parseCli([], {});
        assert.ok(one.ok && all.ok);
        assert.equal(one.options.summaryDir, path.join(REPO, "out", "fastcart-orders"));
        assert.equal(all.options.summaryDir, path.join(REPO, "out"));
    });

    it("refuses an --out that names a file before planning anything", () => {
        const file = path.join(TMP, "a-file");
        fs.writeFileSync(file, "x");
        const parsed = parseCli([path.join(REPO, "stacks", "fastcart-orders"), "--out", file], {});
        assert.ok(!parsed.ok);
        assert.equal(parsed.code, 2);
        assert.match(parsed.message, /--out must name a folder; .*a-file is a file/);
    });

    it("shows each finding's remediation and source, and counts findings the same in the policy line and the summary", async () => {
        const plan = await planStack(mini, "dev");
        const finding = plan.violations[0]!;
        assert.ok(finding.remediation, "the JSON carries the remediation");
        const text = formatPlan(plan);
        assert.ok(text.includes(`fix: ${finding.remediation}`));
        if (finding.source) assert.ok(text.includes(`source: ${finding.source}`));
        const mandatory = plan.violations.filter((v) => v.level === "mandatory").length;
        assert.match(text, new RegExp(`Policy: ${mandatory} mandatory finding`));
        const row = formatSummary([plan]).split("\n").find((l) => l.startsWith("mini/dev"))!;
        assert.equal(row.trim().split(/\s+/)[2], String(mandatory));
    });
});
