/**
 * One run of the CLI once its arguments are read: plan every job on the worker pool (each worker
 * runs the program, checks and prices it and draws its diagram), then write the plans, the report
 * and the terminal summary. Nothing here loads the SDK, the policy pack or Graphviz.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CliOptions } from "./cli";
import { mapLimit } from "./cli";
import { formatPlan, formatSummary, resourceCounts } from "./format";
import { planFailed, planStackWith, type PlannedStack } from "./planner";
import type { WorkerProgress } from "./worker";
import type { PlanDocument, StackPlan } from "../model/types";
import { renderReport } from "../report/html";
import { inlineSvg } from "../report/render";
import { diffMarkdown, formatDiff, loadBase, matchBase, withDiff } from "../diff";

const SLOW_NOTICE_MS = 10_000;

function writeStackFiles(root: string, plan: StackPlan, planned: PlannedStack): void {
    const dir = path.join(root, plan.project);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${plan.stack}.json`), JSON.stringify(plan, null, 2) + "\n");
    if (planned.svg !== undefined) fs.writeFileSync(path.join(dir, `${plan.stack}.svg`), planned.svg);
    // The same levels and waivers for `pulumi preview --policy-pack src/offline/policy --policy-pack-config <this file>`.
    if (planned.policyConfig) fs.writeFileSync(path.join(dir, `${plan.stack}.policy-config.json`), JSON.stringify(planned.policyConfig, null, 2) + "\n");
}

/** A line every ten seconds for a stack still running, naming what it waits for. */
function slowNotice(label: string, started: number): (p: WorkerProgress) => void {
    let lastNotice = started;
    return (p) => {
        const now = Date.now();
        if (now - lastNotice < SLOW_NOTICE_MS) return;
        lastNotice = now;
        const waiting = p.pendingOutputs.length > 0 ? `; waiting for output${p.pendingOutputs.length === 1 ? "" : "s"} ${p.pendingOutputs.join(", ")}` : "";
        process.stderr.write(`  ... ${label}: still running after ${Math.round((now - started) / 1000)} s, ${p.resources} resources registered${waiting}\n`);
    };
}

function statusOf(plan: StackPlan): string {
    const mandatory = plan.violations.filter((v) => v.level === "mandatory").length;
    return plan.error !== null ? "FAILED" : mandatory > 0 ? `${mandatory} mandatory finding${mandatory === 1 ? "" : "s"}` : "ok";
}

export async function runJobs(options: CliOptions): Promise<number> {
    const { jobs } = options;
    const started = Date.now();
    process.stderr.write(`Planning ${jobs.length} stack${jobs.length === 1 ? "" : "s"} offline (mock runtime, ${options.concurrency} at a time)\n`);
    let done = 0;
    const planned = await mapLimit(jobs, options.concurrency, async (job) => {
        const t = Date.now();
        const label = `${job.project.name}/${job.stack}`;
        const stack = await planStackWith(job.project, job.stack, { configOverrides: options.config, timeoutMs: options.timeoutMs, onProgress: slowNotice(label, t), draw: true });
        done++;
        const counts = resourceCounts(stack.plan);
        process.stderr.write(`  [${done}/${jobs.length}] ${label}: ${counts.cloud} cloud resources in ${counts.components} components, ${statusOf(stack.plan)} (${((Date.now() - t) / 1000).toFixed(1)} s)\n`);
        return stack;
    });
    let plans = planned.map((p) => p.plan);
    let baseLabel = "";
    if (options.base) {
        let base;
        try {
            base = await loadBase({ ...options.base, log: (line) => process.stderr.write(`${line}\n`) });
        } catch (e) {
            // The base could not be planned or read: say why, as a usage error, without a stack trace.
            process.stderr.write(`${(e as Error).message}\n`);
            return 2;
        }
        plans = plans.map((plan) => withDiff(plan, matchBase(base.plans, plan)));
        baseLabel = base.label;
        if (options.markdown) fs.writeFileSync(options.markdown, diffMarkdown(plans, baseLabel));
    }
    const writeStarted = Date.now();
    plans.forEach((plan, i) => writeStackFiles(options.root, plan, planned[i]!));
    // A stack whose program never reported (an unreadable stack file, a worker that died or timed out) has no diagram.
    const diagrams = planned.map((p) => (p.svg === undefined ? "<p>No diagram: nothing was planned.</p>" : inlineSvg(p.svg)));
    fs.mkdirSync(options.summaryDir, { recursive: true });
    fs.writeFileSync(path.join(options.summaryDir, "plan.json"), JSON.stringify({ plans } satisfies PlanDocument, null, 2) + "\n");
    const reportFile = path.join(options.summaryDir, "report.html");
    fs.writeFileSync(reportFile, renderReport({ plans, diagrams, generatedAt: new Date() }));
    const rel = (p: string) => path.relative(process.cwd(), p) || ".";
    process.stderr.write(`Report with ${diagrams.length} diagram${diagrams.length === 1 ? "" : "s"} written to ${rel(reportFile)} (${((Date.now() - writeStarted) / 1000).toFixed(1)} s after the last plan)\n`);
    if (options.json) {
        process.stdout.write(JSON.stringify({ plans } satisfies PlanDocument, null, 2) + "\n");
    } else {
        for (const plan of plans) process.stdout.write(formatPlan(plan) + "\n" + (plan.diff ? formatDiff(plan, baseLabel) + "\n\n" : ""));
        process.stdout.write(formatSummary(plans) + "\n");
    }
    const failed = plans.filter(planFailed);
    process.stderr.write(
        `Planned ${plans.length} stack${plans.length === 1 ? "" : "s"} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
            `${failed.length === 0 ? "all passed" : `${failed.length} failed`}. Plans written to ${rel(options.root)}/, this run's plan.json and report to ${rel(options.summaryDir)}/\n`,
    );
    return failed.length === 0 ? 0 : 1;
}
