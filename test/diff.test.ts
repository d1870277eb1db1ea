/**
 * The plan diff on the product's own stacks: each kind of change a pull request makes shows
 * exactly in the diff, its JSON and its Markdown; identical plans give an empty diff.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { before, describe, it } from "node:test";
import { diffMarkdown, diffPlans, formatDiff, isEmpty, withDiff } from "../src/offline/diff";
import { SECRET } from "../src/offline/diff/diff";
import { COMMENT_LIMIT, COMMENT_MARKER } from "../src/offline/diff/format";
import { planFailed } from "../src/offline/plan/planner";
import { renderReport } from "../src/offline/report/html";
import type { StackPlan } from "../src/offline/model/types";
import { plan, PRODUCT_STACKS, REPO } from "./helpers";

const urnOf = (p: StackPlan, type: string, name: string): string => {
    const r = p.resources.find((x) => x.type === type && x.name === name);
    assert.ok(r, `${type} ${name} in ${p.project}/${p.stack}`);
    return r.urn;
};

let base: StackPlan;
let head: StackPlan;
let waived: { policy: string; urn?: string };
let planned: Promise<void> | undefined;

/** fastcart-orders/dev as it is (`base`), and with four config changes (`head`), planned once for both suites below. */
function planConfigChange(): Promise<void> {
    planned ??= (async () => {
        base = await plan("fastcart-orders", "dev");
        const advisory = base.violations.find((v) => v.level === "advisory" && v.urn !== undefined)!;
        waived = advisory;
        const resource = base.resources.find((r) => r.urn === advisory.urn)!;
        const existing = (await import("yaml")).parse(fs.readFileSync(path.join(REPO, "stacks/fastcart-orders/Pulumi.dev.yaml"), "utf8")).config["fastcart-orders:policyExceptions"] as unknown[];
        head = await plan("fastcart-orders", "dev", {
            configOverrides: {
                "fastcart-orders:dbInstanceClass": "db.t3.small",
                "fastcart-orders:kinesisShardCount": "4",
                "fastcart-orders:dbName": "orders_v2",
                "fastcart-orders:policyExceptions": JSON.stringify([...existing, { policy: advisory.policy, resource: resource.name, reason: "a waiver the change adds, for the diff to show" }]),
            },
        });
        assert.equal(head.error, null, head.error ?? "");
    })();
    return planned;
}

describe("diff of fastcart-orders/dev after a change of config", () => {
    before(planConfigChange);

    it("an instance class changes the database in place, with its cost", () => {
        const d = diffPlans(base, head);
        const db = d.changed.find((c) => c.type === "aws:rds/instance:Instance")!;
        const cls = db.properties.find((p) => p.path === "instanceClass")!;
        assert.deepEqual({ before: cls.before, after: cls.after, replaces: cls.replaces }, { before: "db.t3.micro", after: "db.t3.small", replaces: false });
        const line = d.cost.lines.find((l) => l.urn === db.urn && /db\.t3\.small/.test(l.description))!;
        assert.ok(line.deltaUsd > 0 && line.beforeUsd > 0, JSON.stringify(line));
    });

    it("a shard count updates the stream in place and costs two more shards", () => {
        const d = diffPlans(base, head);
        const stream = d.changed.find((c) => c.type === "aws:kinesis/stream:Stream")!;
        assert.deepEqual(stream.properties.map((p) => [p.path, p.before, p.after, p.replaces]), [["shardCount", 2, 4, false]]);
        assert.equal(stream.replaces, false);
        const line = d.cost.lines.find((l) => l.urn === stream.urn)!;
        assert.ok(Math.abs(line.afterUsd - 2 * line.beforeUsd) < 0.01, JSON.stringify(line));
    });

    it("a renamed database replaces the instance, flagged as data at risk, with its source", () => {
        const d = diffPlans(base, head);
        const db = d.changed.find((c) => c.type === "aws:rds/instance:Instance")!;
        const name = db.properties.find((p) => p.path === "dbName")!;
        assert.equal(name.replaces, true);
        assert.match(name.source ?? "", /AWS::RDS::DBInstance\.DBName/);
        assert.equal(db.replaces, true);
        assert.equal(db.losesData, true);
        assert.ok(d.dataAtRisk.includes(db.urn));
    });

    it("a new waiver shows as added, and the finding it waives as resolved", () => {
        const d = diffPlans(base, head);
        assert.deepEqual(
            d.exceptions.added.map((e) => [e.policy, e.urn]),
            [[waived.policy, waived.urn]],
        );
        assert.ok(d.findings.resolved.some((v) => v.policy === waived.policy && v.urn === waived.urn));
        assert.equal(d.exceptions.removed.length, 0);
    });

    it("the total cost delta is the sum of the line deltas", () => {
        const d = diffPlans(base, head);
        const sum = d.cost.lines.reduce((s, l) => s + l.deltaUsd, 0);
        assert.ok(Math.abs(sum - d.costDeltaUsd) < 0.02, `${sum} vs ${d.costDeltaUsd}`);
        assert.equal(d.added.length + d.removed.length, 0);
    });
});

describe("diff of fastcart-orders/dev after a change of config, as shown", () => {
    before(planConfigChange);

    it("the terminal shows one line per change, and the Markdown a summary row and the details", () => {
        const withD = withDiff(head, base);
        const text = formatDiff(withD, "main");
        assert.match(text, /^Diff of fastcart-orders\/dev against main: 0 added, 0 removed, \d+ changed \(\d+ replaced\)/);
        assert.match(text, /± aws:rds\/instance:Instance orders-db \(replaced\) — DATA IS LOST: .*dbName orders → orders_v2 \[replaces\]/);
        assert.match(text, /~ aws:kinesis\/stream:Stream orders-stream: shardCount 2 → 4$/m);
        const md = diffMarkdown([withD], "main");
        assert.ok(md.startsWith(COMMENT_MARKER));
        assert.match(md, /\| fastcart-orders\/dev \| 0 \| 0 \| \d+ \| \d+ \| ⚠️ 1 \| \$\d+\.\d\d \| \+\$\d+\.\d\d \|/);
        assert.match(md, /<details><summary>fastcart-orders\/dev: \d+ changes<\/summary>/);
        assert.match(md, /`dbName`: orders → orders_v2 \[replaces\]/);
    });

    it("the report has a Changes panel with the replaced database, its data at risk and the cost delta", () => {
        const withD = withDiff(head, base);
        const html = renderReport({ plans: [withD], diagrams: ["<svg></svg>"], generatedAt: new Date(0) });
        const panel = html.slice(html.indexOf("<h3>Changes"), html.indexOf("</section>", html.indexOf("<h3>Changes")));
        assert.match(panel, /<li class="replaced">replaced <code>orders-db<\/code> <strong>holds data<\/strong>/);
        assert.match(panel, /<code>dbName orders → orders_v2 \[replaces\]<\/code>/);
        assert.match(panel, new RegExp(`\\+\\$${withD.diff!.costDeltaUsd.toFixed(2)} a month`));
        const unchanged = renderReport({ plans: [withDiff(base, base)], diagrams: ["<svg></svg>"], generatedAt: new Date(0) });
        assert.match(unchanged, /No change against the base\./);
        assert.doesNotMatch(renderReport({ plans: [base], diagrams: ["<svg></svg>"], generatedAt: new Date(0) }), /<h3>Changes/);
    });

    it("the JSON carries the diff in the contract's shape", () => {
        const doc = JSON.parse(JSON.stringify({ plans: [withDiff(head, base)] })) as { plans: Array<{ diff: Record<string, unknown> }> };
        const d = doc.plans[0]!.diff;
        for (const key of ["added", "removed", "changed", "costDeltaUsd", "findings"]) assert.ok(key in d, key);
        const changed = d["changed"] as Array<{ urn: string; replaces: boolean; properties: Array<{ path: string; before: unknown; after: unknown; replaces: boolean }> }>;
        assert.ok(changed.every((c) => typeof c.urn === "string" && typeof c.replaces === "boolean" && c.properties.every((p) => typeof p.path === "string" && typeof p.replaces === "boolean")));
        assert.deepEqual(Object.keys(d["findings"] as object).sort(), ["added", "resolved"]);
    });

    it("a cost increase over budgetIncreaseUsd is an advisory finding of the diff; budgetUsd exceeded is mandatory", () => {
        const capped = { ...head, budget: { increaseUsd: 1 } };
        const d = withDiff(capped, base);
        const finding = d.violations.find((v) => v.policy === "COST.BudgetIncrease");
        assert.equal(finding?.level, "advisory");
        assert.ok(d.diff?.findings.added.some((v) => v.policy === "COST.BudgetIncrease"));
        assert.equal(withDiff({ ...head, budget: { increaseUsd: 10_000 } }, base).violations.some((v) => v.policy === "COST.BudgetIncrease"), false);
    });
});

describe("diff of the pipelines", () => {
    it("a removed bucket is removed and flagged as holding data; its policy and settings go with it", async () => {
        const base = await plan("payment-pipeline", "dev");
        const bucket = urnOf(base, "aws:s3/bucket:Bucket", base.resources.find((r) => r.type === "aws:s3/bucket:Bucket")!.name);
        const gone = new Set(base.resources.filter((r) => r.urn === bucket || r.parent === bucket).map((r) => r.urn));
        const head = { ...base, resources: base.resources.filter((r) => !gone.has(r.urn)) };
        const d = diffPlans(base, head);
        assert.deepEqual(new Set(d.removed), gone);
        assert.ok(d.dataAtRisk.includes(bucket));
        assert.equal(d.changed.length, 0);
        assert.match(formatDiff({ ...head, diff: d }, "main"), /- aws:s3\/bucket:Bucket .* — DATA IS LOST/);
    });

    it("identical plans, and a plan against a copy of itself, give an empty diff", async () => {
        for (const [project, stack] of [["payment-pipeline", "dev"], ["fastcart-orders", "dev"]] as const) {
            const p = await plan(project, stack);
            const d = diffPlans(structuredClone(p), p);
            assert.equal(isEmpty(d), true, `${project}/${stack}`);
            assert.equal(d.costDeltaUsd, 0);
            assert.match(formatDiff({ ...p, diff: d }, "main"), /: no change$/);
        }
    });

    it("a stack the base does not have is new: everything added, nothing compared", async () => {
        const p = await plan("service-pipeline", "dev");
        const d = diffPlans(undefined, p);
        assert.equal(d.baseFound, false);
        assert.equal(d.added.length, p.resources.length);
        assert.equal(d.costDeltaUsd, p.cost!.monthlyUsd);
    });

    it("secrets are masked: an input the program gave as a secret, and known secret inputs", async () => {
        const p = await plan("fastcart-orders", "dev");
        const secretVersion = p.resources.find((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion")!;
        const head = { ...p, resources: p.resources.map((r) => (r.urn === secretVersion.urn ? { ...r, inputs: { ...r.inputs, secretString: "hunter2-new" } } : r)) };
        const d = diffPlans(p, head);
        const change = d.changed[0]!.properties[0]!;
        assert.deepEqual([change.before, change.after], [SECRET, SECRET]);
        assert.doesNotMatch(JSON.stringify(d), /hunter2/);
    });
});

describe("budgets", () => {
    it("a plan over its stack's budgetUsd is a mandatory finding and fails the plan", async () => {
        const p = await plan("service-pipeline", "dev", { configOverrides: { "service-pipeline:budgetUsd": "5" } });
        const v = p.violations.find((x) => x.policy === "COST.Budget");
        assert.equal(v?.level, "mandatory");
        assert.match(v?.message ?? "", /over the stack's budgetUsd of \$5\.00/);
        assert.equal(planFailed(p), true);
    });

    it("every stack of the product sets a budget it is within", async () => {
        for (const [project, stack] of PRODUCT_STACKS) {
            const p = await plan(project, stack);
            assert.ok(p.budget?.monthlyUsd !== undefined, `${project}/${stack} sets budgetUsd`);
            assert.ok(p.cost!.monthlyUsd <= p.budget.monthlyUsd!, `${project}/${stack}: $${p.cost!.monthlyUsd} over $${p.budget.monthlyUsd}`);
            assert.equal(p.violations.some((v) => v.policy === "COST.Budget"), false);
        }
    });
});

describe("the Markdown comment stays under GitHub's limit", () => {
    it("cuts the details of what does not fit and says so; the summary table keeps every stack", async () => {
        const p = await plan("payment-pipeline", "dev");
        const head = { ...p, resources: p.resources.map((r) => ({ ...r, inputs: { ...r.inputs, tags: { ...(r.inputs["tags"] as object), Owner: "x".repeat(400) } } })) };
        const big = [0, 1, 2, 3].map((i) => withDiff({ ...head, stack: `s${i}` }, { ...p, stack: `s${i}` }));
        const md = diffMarkdown(big, "main");
        assert.ok(md.length <= COMMENT_LIMIT, `${md.length}`);
        for (let i = 0; i < 4; i++) assert.match(md, new RegExp(`\\| payment-pipeline/s${i} \\|`));
        assert.match(md, /were cut to stay under GitHub's 65,536-character comment limit/);
        const small = diffMarkdown(big, "main", 3_000);
        assert.ok(small.length <= 3_000 + 400, `${small.length}`);
    });
});

describe("npm start -- --base", () => {
    it("plans the base from a git ref, prints the diff, writes the Markdown; a bad base is a usage error", () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "diff-cli-"));
        const md = path.join(out, "diff.md");
        const cli = path.join(REPO, "src/offline/plan/cli.ts");
        const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { encoding: "utf8", cwd: REPO, timeout: 120_000 });
        const ok = run("test/fixtures/mini", "--base", "HEAD", "--out", out, "--markdown", md);
        // The fixture fails mandatory controls on purpose (exit 1); the diff is made all the same.
        assert.equal(ok.status, 1, ok.stderr);
        assert.match(ok.stderr, /Planning the base HEAD \([0-9a-f]{7}\) from a worktree/);
        assert.match(ok.stdout, /Diff of mini\/dev against HEAD \([0-9a-f]{7}\): no change/);
        assert.match(fs.readFileSync(md, "utf8"), /\| mini\/dev \| 0 \| 0 \| 0 \| 0 \| 0 \|/);
        const worktrees = spawnSync("git", ["-C", REPO, "worktree", "list"], { encoding: "utf8" }).stdout;
        assert.doesNotMatch(worktrees, /plan-base-/, "the base's worktree is removed");

        const bad = run("test/fixtures/mini", "--base", "no-such-ref-or-file", "--out", out);
        assert.equal(bad.status, 2);
        assert.match(bad.stderr, /--base no-such-ref-or-file: neither a plan file nor a git ref/);
        const noBase = run("test/fixtures/mini", "--markdown", md, "--out", out);
        assert.equal(noBase.status, 2);
        assert.match(noBase.stderr, /--markdown needs --base/);
    });
});
