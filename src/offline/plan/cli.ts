/**
 * The offline plan: `npm start` plans every project and stack of the repository;
 * `npm start -- <folder> [--stack NAME] [--json]` plans one Pulumi TypeScript project anywhere.
 * No Pulumi CLI, no credentials, no network. Exits non-zero when a program fails, a control
 * waiver is invalid, or a mandatory control is violated.
 *
 * Only what argument parsing needs is imported up front: the workers start first, and the policy
 * pack, cost model and report load while they load the SDK (run.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_TIMEOUT_MS, startWorkers, stopWorkers } from "./program";
import { readProject, type PulumiProject } from "./project";
import { resolveBase } from "../diff/base";

const REPO = path.resolve(__dirname, "..", "..", "..");

const USAGE = `usage: npm start -- [<project folder>...] [--stack NAME] [--json] [--out DIR] [--concurrency N] [--timeout S] [--config KEY=VALUE]...
                 [--base PLAN.json|GIT-REF] [--markdown FILE]

  (no folder)       plan every project under stacks/ and every stack of each
  <project folder>  a folder with a Pulumi.yaml (TypeScript/JavaScript program)
  --stack NAME      only this stack (default: every Pulumi.<stack>.yaml)
  --json            print one JSON document on stdout (progress goes to stderr)
  --out DIR         where plans and the report are written (default: out/ for every
                    project, out/<project>/ for one)
  --concurrency N   stacks planned at once, one worker process each (default: 2)
  --timeout S       seconds a program may take before it is stopped (default: ${DEFAULT_TIMEOUT_MS / 1000})
  --config K=V      a config value for this run over the stack files', e.g. a stand-in for a
                    secure: value the offline plan cannot decrypt (repeatable)
  --base B          compare each stack with the same stack in B: a plan document (out/plan.json,
                    or --json output) or a git ref of this repository, planned from a worktree
  --markdown FILE   with --base: write the comparison as a pull-request comment

  PLAN_STACK_TRACES=1 turns on stack traces and source maps in the workers (slower).`;

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

/** Where a relative folder argument is taken from: npm runs scripts in the repository root but says where it was started. */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
    return env.npm_lifecycle_event !== undefined && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

export interface CliOptions {
    readonly jobs: readonly Job[];
    readonly json: boolean;
    /** Per-stack files go to `<root>/<project>/`. */
    readonly root: string;
    /** The document and report of this run go here. */
    readonly summaryDir: string;
    readonly concurrency: number;
    readonly timeoutMs: number;
    readonly config: Record<string, string>;
    /** `--base`: what each stack is compared with, and the project folders planned (none: all). */
    readonly base?: { readonly spec: string; readonly folders: readonly string[]; readonly stack?: string; readonly repo: string };
    readonly markdown?: string;
}

type Parsed = { ok: true; options: CliOptions } | { ok: false; code: number; message: string };

function fail(message: string, code = 2): Parsed {
    return { ok: false, code, message };
}

/** Reads the arguments and the projects they name; nothing is planned yet. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Parsed {
    let args;
    try {
        args = parseArgs({
            args: [...argv],
            allowPositionals: true,
            options: {
                stack: { type: "string" },
                json: { type: "boolean", default: false },
                out: { type: "string" },
                concurrency: { type: "string", default: "2" },
                timeout: { type: "string", default: String(DEFAULT_TIMEOUT_MS / 1000) },
                config: { type: "string", multiple: true, default: [] },
                base: { type: "string" },
                markdown: { type: "string" },
                help: { type: "boolean", short: "h", default: false },
            },
        });
    } catch (e) {
        return fail(`${(e as Error).message}\n${USAGE}`);
    }
    if (args.values.help) return fail(USAGE, 0);
    if (args.values.markdown !== undefined && args.values.base === undefined) return fail(`--markdown needs --base: it writes what changed against the base\n${USAGE}`);
    const concurrency = Number(args.values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1) return fail(`--concurrency must be a positive integer, got "${args.values.concurrency}"`);
    const timeout = Number(args.values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0) return fail(`--timeout must be a number of seconds above 0, got "${args.values.timeout}"`);
    const config: Record<string, string> = {};
    for (const entry of args.values.config) {
        const eq = entry.indexOf("=");
        if (eq <= 0) return fail(`--config takes KEY=VALUE (e.g. fastcart-orders:alarmEmail=ops@example.com), got "${entry}"`);
        config[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    const cwd = invocationDir(env);
    const all = args.positionals.length === 0;
    const folders = all ? discoverProjects(REPO) : args.positionals.map((p) => path.resolve(cwd, p));
    if (folders.length === 0) return fail("no Pulumi projects found");
    const jobs: Job[] = [];
    for (const folder of folders) {
        let project: PulumiProject;
        try {
            project = readProject(folder);
        } catch (e) {
            return fail((e as Error).message);
        }
        const stack = args.values.stack;
        if (stack !== undefined && !project.stacks.includes(stack)) {
            return fail(`${project.name} has no stack "${stack}" (Pulumi.${stack}.yaml); it has: ${project.stacks.join(", ") || "none"}`);
        }
        const stacks = stack !== undefined ? [stack] : project.stacks;
        if (stacks.length === 0) return fail(`${project.name} has no stacks (no Pulumi.<stack>.yaml files in ${folder})`);
        for (const s of stacks) jobs.push({ project, stack: s });
    }
    const root = args.values.out === undefined ? path.join(REPO, "out") : path.resolve(cwd, args.values.out);
    const names = [...new Set(jobs.map((j) => j.project.name))];
    // Planning part of the repository must not replace the document and report of all of it.
    const summaryDir = args.values.out !== undefined || (all && args.values.stack === undefined) ? root : path.join(root, names.join("+"));
    for (const dir of [root, summaryDir]) {
        if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) return fail(`--out must name a folder; ${dir} is a file`);
    }
    let base: CliOptions["base"];
    if (args.values.base !== undefined) {
        // Checked before anything is planned, so a typo costs no plan.
        const spec = fs.existsSync(path.resolve(cwd, args.values.base)) ? path.resolve(cwd, args.values.base) : args.values.base;
        base = { spec, folders: all ? [] : folders, repo: REPO, ...(args.values.stack !== undefined ? { stack: args.values.stack } : {}) };
        try {
            resolveBase(base);
        } catch (e) {
            return fail((e as Error).message);
        }
    }
    const markdown = args.values.markdown === undefined ? undefined : path.resolve(cwd, args.values.markdown);
    return {
        ok: true,
        options: { jobs, json: args.values.json, root, summaryDir, concurrency, timeoutMs: timeout * 1000, config, ...(base ? { base } : {}), ...(markdown ? { markdown } : {}) },
    };
}

export async function main(argv: readonly string[]): Promise<number> {
    const parsed = parseCli(argv);
    if (!parsed.ok) {
        (parsed.code === 0 ? process.stdout : process.stderr).write(`${parsed.message}\n`);
        return parsed.code;
    }
    const { options } = parsed;
    startWorkers(Math.min(options.concurrency, options.jobs.length));
    try {
        // Loaded only now, after the workers started: it brings the policy pack, cost model and report.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runJobs } = require("./run") as typeof import("./run");
        return await runJobs(options);
    } finally {
        await stopWorkers();
    }
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
