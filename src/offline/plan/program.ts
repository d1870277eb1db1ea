/**
 * Runs one stack of one Pulumi project under the mock runtime, in a worker process of a pool
 * (worker.ts): the SDK loads once per worker, not once per stack.
 */
import { fork, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { PulumiProject } from "./project";
import { readStackConfig, SECRET_PLACEHOLDER, type StackConfig } from "./project";
import type { WorkerMessage, WorkerProgress, WorkerRequest, WorkerResult } from "./worker";

const WORKER = path.join(__dirname, "worker.ts");
const LOADER = path.join(__dirname, "loader.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { needsFullLoader } = require(LOADER) as { needsFullLoader(dir: string, main: string): string | null };

/** A stack's region: `aws:region` from its config, else AWS_REGION, else the fallback. */
export function regionOf(config: Record<string, string>, fallback: string): string {
    return config["aws:region"] ?? process.env.AWS_REGION ?? fallback;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

export interface RunOptions {
    /** Extra `PULUMI_CONFIG` entries over the stack file's (tests use this for bad values). */
    readonly configOverrides?: Record<string, string>;
    /** Extra environment for the program (e.g. ENVIRONMENT_SUFFIX). */
    readonly env?: Record<string, string>;
    readonly timeoutMs?: number;
    /** Called every few seconds while the program runs. */
    readonly onProgress?: (progress: WorkerProgress) => void;
    /** Check the run in the worker (check.ts), and draw its diagram too when `draw` (planner.ts). */
    readonly check?: { readonly draw: boolean };
}

export interface ProgramRun extends WorkerResult {
    readonly region: string;
    readonly config: Record<string, string>;
}

interface Worker {
    readonly child: ChildProcess;
    readonly ready: Promise<void>;
    /** false for a worker that runs one program only (tsx's loader, see `needsFullLoader`). */
    readonly reusable: boolean;
}

/** Workers started, and why each replaced one was not reused (tests read it to see the pool reuse workers). */
export const poolStats = { spawned: 0, replaced: [] as string[] };

/** Starts one planning worker process (worker.ts); `npm run bench` starts its floor's the same way. */
export function forkWorker(fullLoader: boolean): ChildProcess {
    const execArgv = ["--require", LOADER, ...(fullLoader ? ["--import", pathToFileURL(require.resolve("tsx")).href] : [])];
    return fork(WORKER, [], {
        execArgv,
        stdio: ["ignore", "ignore", "pipe", "ipc"],
        env: { ...process.env, OFFLINE_PLAN_WORKER: "1" },
    });
}

function spawnWorker(fullLoader: boolean): Worker {
    poolStats.spawned++;
    const child = forkWorker(fullLoader);
    const ready = new Promise<void>((resolve, reject) => {
        const onMessage = (m: WorkerMessage) => {
            if (m.kind !== "ready") return;
            child.off("message", onMessage);
            resolve();
        };
        child.on("message", onMessage);
        child.once("exit", () => reject(new Error("the planning worker exited before it was ready")));
    });
    ready.catch(() => undefined);
    idle(child);
    return { child, ready, reusable: !fullLoader };
}

/** An idle worker must not keep the planner (or a test process) alive. */
function idle(child: ChildProcess): void {
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
}

function busy(child: ChildProcess): void {
    child.ref();
    (child.channel as { ref?: () => void } | undefined)?.ref?.();
}

/**
 * Long-lived workers, at most `size` at once. A worker is taken for one stack and given back
 * unless it asked to be replaced; the replacement starts at once so the next stack finds it warm.
 */
class WorkerPool {
    private readonly idleWorkers: Worker[] = [];

    constructor(private size: number) {}

    resize(size: number): void {
        this.size = size;
    }

    /** Starts the workers now, so they load the SDK while the caller does other work. */
    warm(): void {
        while (this.idleWorkers.length < this.size) this.idleWorkers.push(spawnWorker(false));
    }

    take(fullLoader: boolean): Worker {
        if (fullLoader) return spawnWorker(true);
        return this.idleWorkers.shift() ?? spawnWorker(false);
    }

    give(worker: Worker, reusable: boolean): void {
        if (reusable && worker.reusable && worker.child.exitCode === null && this.idleWorkers.length < this.size) {
            idle(worker.child);
            this.idleWorkers.push(worker);
            return;
        }
        // Referenced until it has exited, so it is reaped and its CPU time accounted.
        worker.child.ref();
        worker.child.kill();
        if (worker.reusable && this.idleWorkers.length < this.size) this.idleWorkers.push(spawnWorker(false));
    }

    /** Ends the idle workers and waits until they have exited (so their CPU time is accounted to the caller). */
    async close(): Promise<void> {
        const exits = this.idleWorkers.splice(0).map((w) => new Promise<void>((resolve) => (w.child.exitCode !== null ? resolve() : (w.child.ref(), w.child.once("exit", () => resolve()), w.child.kill()))));
        await Promise.all(exits);
    }
}

const pool = new WorkerPool(2);

/** Starts `size` workers ahead of the first stack (the CLI calls it before loading the rest of itself). */
export function startWorkers(size: number): void {
    pool.resize(size);
    pool.warm();
}

export function stopWorkers(): Promise<void> {
    return pool.close();
}

/** What a worker is sent to run one stack, from its stack file and the run's options; throws when the stack file cannot be read. */
export function stackRequest(project: PulumiProject, stack: string, opts: RunOptions = {}): { request: WorkerRequest; stackConfig: StackConfig; config: Record<string, string> } {
    const stackConfig = readStackConfig(project, stack);
    const config = { ...stackConfig.config, ...(opts.configOverrides ?? {}) };
    const request: WorkerRequest = {
        programDir: project.dir,
        main: project.main,
        project: project.name,
        stack,
        region: regionOf(config, "us-east-1"),
        env: {
            ...(opts.env ?? {}),
            PULUMI_CONFIG: JSON.stringify(config),
            PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(stackConfig.secretKeys),
        },
        ...(opts.check ? { check: { config, draw: opts.check.draw } } : {}),
    };
    return { request, stackConfig, config };
}

export async function runProgram(project: PulumiProject, stack: string, opts: RunOptions = {}): Promise<ProgramRun> {
    let made: ReturnType<typeof stackRequest>;
    try {
        made = stackRequest(project, stack, opts);
    } catch (e) {
        // A stack file that cannot be read is this stack's error; the other stacks still plan.
        return { resources: [], outputs: {}, error: (e as Error).message, region: regionOf({}, "us-east-1"), config: {} };
    }
    const { request, stackConfig, config } = made;
    const result = await runInPool(request, needsFullLoader(project.dir, project.main) !== null, opts);
    const explain = (error: string | null) => explainSecrets(error, stackConfig, config, opts);
    const checked = result.checked && { ...result.checked, plan: { ...result.checked.plan, error: explain(result.checked.plan.error) } };
    return { ...result, ...(checked ? { checked } : {}), error: explain(result.error), region: request.region, config };
}

/** A `secure:` value the program rejected: say why it holds a placeholder and how to give a value. */
function explainSecrets(error: string | null, stackConfig: StackConfig, config: Record<string, string>, opts: RunOptions): string | null {
    if (error === null || !error.includes(SECRET_PLACEHOLDER)) return error;
    const keys = stackConfig.secretKeys.filter((k) => config[k] === SECRET_PLACEHOLDER && opts.configOverrides?.[k] === undefined);
    if (keys.length === 0) return error;
    const hints = keys.map(
        (k) =>
            `${k} is a secret (secure: in ${stackConfig.file}): the offline plan cannot decrypt it and passed "${SECRET_PLACEHOLDER}" instead; ` +
            `give the plan a stand-in value of the right form with --config ${k}=VALUE`,
    );
    return `${error}\n${hints.join("\n")}`;
}

async function runInPool(request: WorkerRequest, fullLoader: boolean, opts: RunOptions): Promise<WorkerResult> {
    const worker = pool.take(fullLoader);
    const { child } = worker;
    busy(child);
    let stderr = "";
    const onStderr = (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000));
    child.stderr?.on("data", onStderr);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let last: WorkerProgress | undefined;
    let reusable = false;
    const result = await new Promise<WorkerResult>((resolve) => {
        let settled = false;
        const finish = (r: WorkerResult) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            child.off("message", onMessage);
            child.off("exit", onExit);
            resolve(r);
        };
        const onMessage = (m: WorkerMessage) => {
            if (m.kind === "progress") {
                last = m.progress;
                opts.onProgress?.(m.progress);
            } else if (m.kind === "result") {
                reusable = m.recycle === null;
                if (m.recycle !== null) poolStats.replaced.push(`${request.project}/${request.stack}: ${m.recycle}`);
                finish(m.result);
            }
        };
        const onExit = (code: number | null) =>
            finish({ resources: [], outputs: {}, error: `the program's process exited (code ${code}) without a result:\n${stderr.trim().slice(-2000)}` });
        // At the limit, ask the worker what it still waits for, then give up on it.
        const giveUp = () => finish({ resources: [], outputs: {}, error: timeoutMessage(timeoutMs, last) });
        const timer = setTimeout(() => {
            child.once("message", giveUp);
            child.send({ kind: "report" }, () => undefined);
            setTimeout(giveUp, 1000).unref();
        }, timeoutMs);
        child.on("message", onMessage);
        child.on("exit", onExit);
        worker.ready.then(
            () => child.send(request),
            () => undefined,
        );
    });
    child.stderr?.off("data", onStderr);
    pool.give(worker, reusable);
    return result;
}

function timeoutMessage(timeoutMs: number, last: WorkerProgress | undefined): string {
    const head = `the program did not finish within ${timeoutMs / 1000} s (--timeout SECONDS changes the limit)`;
    if (last === undefined) return `${head}; it registered nothing in that time`;
    const parts = [`${last.resources} resources registered`];
    if (last.pendingOutputs.length > 0) parts.push(`the output${last.pendingOutputs.length === 1 ? "" : "s"} ${last.pendingOutputs.join(", ")} never settled`);
    if (last.pendingRegistrations.length > 0) parts.push(`still waiting to register: ${last.pendingRegistrations.join(", ")}`);
    return `${head}: ${parts.join("; ")}`;
}
