/**
 * Runs one stack of one Pulumi project under the mock runtime, in a child process.
 */
import { fork } from "node:child_process";
import * as path from "node:path";
import type { PulumiProject } from "./project";
import { readStackConfig } from "./project";
import type { WorkerRequest, WorkerResult } from "./worker";

const WORKER = path.join(__dirname, "worker.ts");

/** A stack's region: `aws:region` from its config, else AWS_REGION, else the fallback. */
export function regionOf(config: Record<string, string>, fallback: string): string {
    return config["aws:region"] ?? process.env.AWS_REGION ?? fallback;
}

export interface RunOptions {
    /** Extra `PULUMI_CONFIG` entries over the stack file's (tests use this for bad values). */
    readonly configOverrides?: Record<string, string>;
    /** Extra environment for the program (e.g. ENVIRONMENT_SUFFIX). */
    readonly env?: Record<string, string>;
    readonly timeoutMs?: number;
}

export interface ProgramRun extends WorkerResult {
    readonly region: string;
    readonly config: Record<string, string>;
}

export async function runProgram(project: PulumiProject, stack: string, opts: RunOptions = {}): Promise<ProgramRun> {
    const stackConfig = readStackConfig(project, stack);
    const config = { ...stackConfig.config, ...(opts.configOverrides ?? {}) };
    const region = regionOf(config, "us-east-1");
    const request: WorkerRequest = { programDir: project.dir, main: project.main, project: project.name, stack, region };
    const child = fork(WORKER, [JSON.stringify(request)], {
        cwd: project.dir,
        execArgv: ["--import", "tsx"],
        stdio: ["ignore", "ignore", "pipe", "ipc"],
        env: {
            ...process.env,
            ...(opts.env ?? {}),
            PULUMI_CONFIG: JSON.stringify(config),
            PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(stackConfig.secretKeys),
        },
    });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const timeoutMs = opts.timeoutMs ?? 120_000;
    return new Promise<ProgramRun>((resolve) => {
        let settled = false;
        const finish = (result: WorkerResult) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve({ ...result, region, config });
        };
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            finish({ resources: [], outputs: {}, error: `the program did not finish within ${timeoutMs / 1000} s` });
        }, timeoutMs);
        child.on("message", (m) => finish(m as WorkerResult));
        child.on("exit", (code) => {
            finish({ resources: [], outputs: {}, error: `the program's process exited (code ${code}) without a result:\n${stderr.trim().slice(-2000)}` });
        });
    });
}
