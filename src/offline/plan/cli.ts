/**
 * The offline plan: `npm start` plans every project and stack of the repository;
 * `npm start -- <folder> [--stack NAME] [--json]` plans one Pulumi TypeScript project anywhere.
 * No Pulumi CLI, no credentials, no network. Exits non-zero when a program fails, a control
 * waiver is invalid, or a mandatory control is violated.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { planFailed, planStack } from "./planner";
import { readProject, type PulumiProject } from "./project";
import { formatPlan, formatSummary } from "./format";
import { policyPackConfig } from "../policy/engine";
import { planSettings } from "./planner";
import { readStackConfig } from "./project";
import type { PlanDocument, StackPlan } from "../model/types";
import { writeReport } from "../report";
import { diffMarkdown, formatDiff, loadBase, matchBase, resolveBase, withDiff } from "../diff";

const REPO = path.resolve(__dirname, "..", "..", "..");

const USAGE = `usage: npm start -- [<project folder>...] [--stack NAME] [--json] [--out DIR] [--concurrency N]
                 [--base PLAN.json|GIT-REF] [--markdown FILE]

  (no folder)       plan every project under stacks/ and every stack of each
  <project folder>  a folder with a Pulumi.yaml (TypeScript/JavaScript program)
  --stack NAME      only this stack (default: every Pulumi.<stack>.yaml)
  --json            print one JSON document on stdout (progress goes to stderr)
  --out DIR         where plans are written (default: out/)
  --concurrency N   stacks planned at once, one process each (default: 2)
  --base B          compare each stack with the same stack in B: a plan document (out/plan.json,
                    or --json output) or a git ref of this repository, planned from a worktree
  --markdown FILE   with --base: write the comparison as a pull-request comment`;

export interface Job {
    readonly project: PulumiProject;
    readonly stack: string;
}

export function discoverProjects(root: string): string[] {
    const stacksDir = path.join(root, "stacks");
    if (!fs.existsSync(stacksDir)) return [];
    return fs
        .readdirSync(stacksDir)
        .map((d) => path.join(stacksDir, d))
        .filter((d) => fs.existsSync(path.join(d, "Pulumi.yaml")))
        .sort();
}

/** Runs `fn` over `items` with at most `limit` at once, keeping the input order in the result. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]!, i);
        }
    });
    await Promise.all(workers);
    return results;
}

function writePlans(outDir: string, plans: readonly StackPlan[], jobs: readonly Job[]): void {
    fs.mkdirSync(outDir, { recursive: true });
    plans.forEach((plan, i) => {
        const dir = path.join(outDir, plan.project);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `${plan.stack}.json`), JSON.stringify(plan, null, 2) + "\n");
        // The same levels and waivers for `pulumi preview --policy-pack src/offline/policy --policy-pack-config <this file>`.
        try {
            const job = jobs[i]!;
            const settings = planSettings(job.project.name, job.stack, readStackConfig(job.project, job.stack).config);
            fs.writeFileSync(
                path.join(dir, `${plan.stack}.policy-config.json`),
                JSON.stringify(policyPackConfig(settings.profile, settings.exceptions), null, 2) + "\n",
            );
        } catch {
            // The plan already carries the reason its settings could not be read.
        }
    });
    const doc: PlanDocument = { plans };
    fs.writeFileSync(path.join(outDir, "plan.json"), JSON.stringify(doc, null, 2) + "\n");
}

export async function main(argv: readonly string[]): Promise<number> {
    let args;
    try {
        args = parseArgs({
            args: [...argv],
            allowPositionals: true,
            options: {
                stack: { type: "string" },
                json: { type: "boolean", default: false },
                out: { type: "string", default: path.join(REPO, "out") },
                concurrency: { type: "string", default: "2" },
                base: { type: "string" },
                markdown: { type: "string" },
                help: { type: "boolean", short: "h", default: false },
            },
        });
    } catch (e) {
        process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
        return 2;
    }
    if (args.values.help) {
        process.stdout.write(USAGE + "\n");
        return 0;
    }
    if (args.values.markdown !== undefined && args.values.base === undefined) {
        process.stderr.write(`--markdown needs --base: it writes what changed against the base\n${USAGE}\n`);
        return 2;
    }
    const concurrency = Number(args.values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1) {
        process.stderr.write(`--concurrency must be a positive integer, got "${args.values.concurrency}"\n`);
        return 2;
    }
    const folders = args.positionals.length > 0 ? args.positionals.map((p) => path.resolve(p)) : discoverProjects(REPO);
    if (folders.length === 0) {
        process.stderr.write("no Pulumi projects found\n");
        return 2;
    }
    const jobs: Job[] = [];
    for (const folder of folders) {
        let project: PulumiProject;
        try {
            project = readProject(folder);
        } catch (e) {
            process.stderr.write(`${(e as Error).message}\n`);
            return 2;
        }
        const stacks = args.values.stack ? [args.values.stack] : project.stacks;
        if (args.values.stack && !project.stacks.includes(args.values.stack)) {
            process.stderr.write(`${project.name} has no stack "${args.values.stack}" (Pulumi.${args.values.stack}.yaml); it has: ${project.stacks.join(", ") || "none"}\n`);
            return 2;
        }
        if (stacks.length === 0) {
            process.stderr.write(`${project.name} has no stacks (no Pulumi.<stack>.yaml files in ${folder})\n`);
            return 2;
        }
        for (const stack of stacks) jobs.push({ project, stack });
    }

    const baseFolders = args.positionals.length > 0 ? folders : [];
    if (args.values.base !== undefined) {
        try {
            resolveBase({ spec: args.values.base, repo: REPO, folders: baseFolders });
        } catch (e) {
            process.stderr.write(`${(e as Error).message}\n`);
            return 2;
        }
    }

    const started = Date.now();
    process.stderr.write(`Planning ${jobs.length} stack${jobs.length === 1 ? "" : "s"} offline (mock runtime, ${concurrency} at a time)\n`);
    let done = 0;
    let plans = await mapLimit(jobs, concurrency, async (job) => {
        const t = Date.now();
        const plan = await planStack(job.project, job.stack);
        done++;
        const mandatory = plan.violations.filter((v) => v.level === "mandatory").length;
        const status = plan.error !== null ? "FAILED" : mandatory > 0 ? `${mandatory} mandatory violation${mandatory === 1 ? "" : "s"}` : "ok";
        process.stderr.write(
            `  [${done}/${jobs.length}] ${job.project.name}/${job.stack}: ${plan.resources.length} resources, ${status} (${((Date.now() - t) / 1000).toFixed(1)} s)\n`,
        );
        return plan;
    });
    let baseLabel = "";
    if (args.values.base !== undefined) {
        try {
            const base = await loadBase({
                spec: args.values.base,
                repo: REPO,
                folders: baseFolders,
                ...(args.values.stack ? { stack: args.values.stack } : {}),
                log: (line) => process.stderr.write(`${line}\n`),
            });
            plans = plans.map((plan) => withDiff(plan, matchBase(base.plans, plan)));
            baseLabel = base.label;
        } catch (e) {
            process.stderr.write(`${(e as Error).message}\n`);
            return 2;
        }
        if (args.values.markdown !== undefined) fs.writeFileSync(args.values.markdown, diffMarkdown(plans, baseLabel));
    }
    writePlans(args.values.out, plans, jobs);
    const report = await writeReport(args.values.out, plans);
    process.stderr.write(`Report with ${report.diagrams.length} diagram${report.diagrams.length === 1 ? "" : "s"} written to ${path.relative(process.cwd(), report.file)} (${(report.ms / 1000).toFixed(1)} s)\n`);
    if (args.values.json) {
        process.stdout.write(JSON.stringify({ plans } satisfies PlanDocument, null, 2) + "\n");
    } else {
        for (const plan of plans) process.stdout.write(formatPlan(plan) + "\n" + (plan.diff ? formatDiff(plan, baseLabel) + "\n\n" : ""));
        process.stdout.write(formatSummary(plans) + "\n");
    }
    const failed = plans.filter(planFailed);
    process.stderr.write(
        `Planned ${plans.length} stack${plans.length === 1 ? "" : "s"} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
            `${failed.length === 0 ? "all passed" : `${failed.length} failed`}. Plans written to ${path.relative(process.cwd(), args.values.out) || "."}/\n`,
    );
    return failed.length === 0 ? 0 : 1;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => (process.exitCode = code),
        (e: unknown) => {
            process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            process.exitCode = 2;
        },
    );
}
