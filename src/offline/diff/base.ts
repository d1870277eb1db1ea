/**
 * The plans a change is compared with: a plan document written earlier (`--base out/plan.json`),
 * or a git ref of this repository (`--base main`), planned offline from a temporary worktree of
 * that ref with this checkout's installed packages.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PlanDocument, StackPlan } from "../model/types";

export interface BaseRequest {
    /** A plan document's path, or a git ref. */
    readonly spec: string;
    /** The repository the ref belongs to. */
    readonly repo: string;
    /** The project folders being planned; empty for "every project of the repository". */
    readonly folders: readonly string[];
    readonly stack?: string;
    /** Where progress goes. */
    readonly log: (line: string) => void;
}

export interface Base {
    /** What the diff is against, in the user's words: the file or `main (3f2a9c1)`. */
    readonly label: string;
    readonly plans: readonly StackPlan[];
}

export function readPlanDocument(file: string): StackPlan[] {
    let doc: unknown;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new Error(`--base ${file}: not a plan document (${(e as Error).message})`, { cause: e });
    }
    const plans = (doc as Partial<PlanDocument> | null)?.plans;
    if (!Array.isArray(plans)) throw new Error(`--base ${file}: not a plan document (no "plans" list; write one with npm start -- --json or take out/plan.json)`);
    return plans;
}

const git = (repo: string, args: readonly string[]) => spawnSync("git", ["-C", repo, ...args], { encoding: "utf8" });

export type BaseSource = { readonly kind: "file" } | { readonly kind: "ref"; readonly sha: string; readonly folders: readonly string[] };

/** What `--base` names, checked before anything is planned so a typo costs no plan. */
export function resolveBase(req: Pick<BaseRequest, "spec" | "repo" | "folders">): BaseSource {
    if (fs.existsSync(req.spec) && fs.statSync(req.spec).isFile()) return { kind: "file" };
    const commit = git(req.repo, ["rev-parse", "--verify", "--quiet", `${req.spec}^{commit}`]);
    if (commit.status !== 0) throw new Error(`--base ${req.spec}: neither a plan file nor a git ref of this repository`);
    const folders = req.folders.map((f) => {
        const rel = path.relative(req.repo, f);
        if (rel.startsWith("..") || path.isAbsolute(rel)) throw new Error(`--base ${req.spec}: ${f} is outside the repository, so a git ref of it has no plan; give a plan file instead`);
        return rel;
    });
    return { kind: "ref", sha: commit.stdout.trim(), folders };
}

export async function loadBase(req: BaseRequest): Promise<Base> {
    const source = resolveBase(req);
    if (source.kind === "file") return { label: req.spec, plans: readPlanDocument(req.spec) };
    const { sha, folders: relative } = source;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-base-"));
    const tree = path.join(dir, "tree");
    const added = git(req.repo, ["worktree", "add", "--detach", "--quiet", tree, sha]);
    if (added.status !== 0) throw new Error(`--base ${req.spec}: git worktree add failed: ${added.stderr.trim()}`);
    try {
        // The base is planned with this checkout's packages: planning installs nothing and
        // reaches no network. A base whose lockfile differs is planned with today's versions.
        fs.symlinkSync(path.join(req.repo, "node_modules"), path.join(tree, "node_modules"), "dir");
        const out = path.join(dir, "out");
        const args = ["start", "--silent", "--", ...relative, ...(req.stack ? ["--stack", req.stack] : []), "--json", "--out", out];
        req.log(`Planning the base ${req.spec} (${sha.slice(0, 7)}) from a worktree`);
        const json = await run("npm", args, tree, req.log);
        let plans: StackPlan[];
        try {
            plans = (JSON.parse(json) as PlanDocument).plans as StackPlan[];
        } catch {
            throw new Error(`--base ${req.spec}: its planner printed no plan document (see its output above)`);
        }
        return { label: `${req.spec} (${sha.slice(0, 7)})`, plans };
    } finally {
        git(req.repo, ["worktree", "remove", "--force", tree]);
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** Runs a command, passing its stderr on line by line as progress, and resolves with its stdout. */
function run(cmd: string, args: readonly string[], cwd: string, log: (line: string) => void): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, INIT_CWD: cwd } });
        let stdout = "";
        let pending = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => {
            pending += d.toString();
            const lines = pending.split("\n");
            pending = lines.pop() ?? "";
            for (const line of lines) if (line.trim()) log(`  base: ${line.trim()}`);
        });
        child.on("error", reject);
        // The base's planner exits 1 when one of its stacks fails a control: its plans still count.
        child.on("close", (code) => (code === 0 || code === 1 ? resolve(stdout) : reject(new Error(`the base's planner exited with ${code}`))));
    });
}

/** The base plan of the same project and stack, if the base has one. */
export function matchBase(base: readonly StackPlan[], head: StackPlan): StackPlan | undefined {
    return base.find((b) => b.project === head.project && b.stack === head.stack);
}
