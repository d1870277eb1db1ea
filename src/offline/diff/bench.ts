/**
 * `npm run bench:diff`: how long comparing plans takes. Diffs the 8 stacks of `out/plan.json`
 * (run `npm start` first) against a copy with one change per resource, and two synthetic plans
 * of 2,000 resources each, and prints wall time and peak memory. A benchmark, not a test.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PlannedResource, StackPlan } from "../model/types";
import { diffMarkdown, diffPlans, formatDiff } from "./index";

function touched(plan: StackPlan): StackPlan {
    return { ...plan, resources: plan.resources.map((r) => ({ ...r, inputs: { ...r.inputs, tags: { ...(r.inputs["tags"] as object), Change: "1" } } })) };
}

function synthetic(n: number, variant: number): StackPlan {
    const resources: PlannedResource[] = Array.from({ length: n }, (_, i) => ({
        urn: `urn:pulumi:dev::bench::aws:s3/bucket:Bucket::b${i}`,
        type: i % 2 ? "aws:s3/bucket:Bucket" : "aws:rds/instance:Instance",
        name: `b${i}`,
        inputs: {
            bucket: `bench-${i}`,
            identifier: `db-${i}`,
            instanceClass: variant && i % 10 === 0 ? "db.t3.small" : "db.t3.micro",
            policy: JSON.stringify({ Version: "2012-10-17", Statement: Array.from({ length: 5 }, (_, s) => ({ Effect: "Allow", Action: [`s3:Get${s}`], Resource: `arn:aws:s3:::bench-${i}/${variant && s === 0 ? "x" : "y"}*` })) }),
            tags: { Name: `b${i}`, Environment: "dev", Owner: "bench" },
        },
        custom: true,
        protect: false,
        dependsOn: [],
    }));
    return { project: "bench", stack: "dev", region: "us-east-1", resources, outputs: {}, violations: [], exceptions: [], cost: null, error: null };
}

function measure<T>(what: string, fn: () => T): T {
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const t0 = process.hrtime.bigint();
    const result = fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    process.stdout.write(`${what}: ${ms.toFixed(0)} ms, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (${((peak - rss0) / 2 ** 20).toFixed(0)} MB above the start)\n`);
    return result;
}

const file = path.join(__dirname, "..", "..", "..", "out", "plan.json");
if (fs.existsSync(file)) {
    const plans = (JSON.parse(fs.readFileSync(file, "utf8")) as { plans: StackPlan[] }).plans;
    const heads = plans.map(touched);
    measure(`diff of ${plans.length} stacks (${plans.reduce((n, p) => n + p.resources.length, 0)} resources, every one changed), terminal and Markdown`, () => {
        const withDiffs = heads.map((h, i) => ({ ...h, diff: diffPlans(plans[i], h) }));
        withDiffs.forEach((p) => formatDiff(p, "base"));
        return diffMarkdown(withDiffs, "base").length;
    });
} else {
    process.stdout.write("out/plan.json is missing: run npm start first to time the 8 stacks\n");
}
const a = synthetic(2000, 0);
const b = synthetic(2000, 1);
const d = measure("diff of two 2,000-resource plans", () => diffPlans(a, b));
process.stdout.write(`  ${d.changed.length} changed resources, ${d.changed.reduce((n, c) => n + c.properties.length, 0)} changed properties\n`);
