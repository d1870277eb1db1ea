/**
 * `npm run bench`: the planner's figures, measured here and now. Each figure is a child process
 * timed for wall clock and CPU (user + system, from the kernel's resource usage of the children),
 * so a busy machine shows as CPU well below wall × cores. Prints one line per figure; no figure is
 * asserted (a timed test would fail on a busy machine, not on slow code).
 *
 *   npm run bench                 8 stacks (npm start's work) against its floor
 *   npm run bench -- --runs 3     best of 3
 *
 * The floor is the least work `npm start` needs with Pulumi's SDK as it is: the SDK loaded once in
 * each of 2 worker processes, each program run, checked, priced and drawn there, nothing else (no
 * command line, no files, no report). It starts the planner's own workers (worker.ts) and hands
 * them the 8 stacks one at a time, as the pool does.
 *
 * It runs on the Node first on PATH: put Node 20 first (`PATH=/usr/bin:$PATH npm run bench`) for
 * its figures, which have no module compile cache (Node 22 and newer only).
 */
import { spawnSync } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { discoverProjects } from "./cli";
import { forkWorker, stackRequest } from "./program";
import { readProject } from "./project";
import type { WorkerMessage, WorkerRequest } from "./worker";

const REPO = path.resolve(__dirname, "..", "..", "..");
const LOADER = path.join(__dirname, "loader.cjs");
const CORES = 2;

interface Figure {
    readonly wallS: number;
    readonly cpuS: number;
    readonly ok: boolean;
}

/** Runs `node args`: wall clock around it, CPU (user + system) from /usr/bin/time when the machine has it. */
function timedRun(args: readonly string[]): Figure {
    const hasTime = spawnSync("/usr/bin/time", ["true"]).error === undefined;
    const [cmd, argv] = hasTime ? ["/usr/bin/time", ["-f", "%U %S", process.execPath, ...args]] : [process.execPath, [...args]];
    const t = process.hrtime.bigint();
    const run = spawnSync(cmd, argv, { cwd: REPO, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const wallS = Number(process.hrtime.bigint() - t) / 1e9;
    const [user, sys] = hasTime ? (run.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number) : [Number.NaN, Number.NaN];
    return { wallS, cpuS: (user ?? Number.NaN) + (sys ?? Number.NaN), ok: run.status === 0 };
}

function best(runs: number, args: readonly string[]): Figure {
    const all = Array.from({ length: runs }, () => timedRun(args));
    return all.reduce((a, b) => (b.wallS < a.wallS ? b : a));
}

/** The floor itself (run as `bench.ts --floor`): the repository's stacks on `CORES` planning workers, nothing written. */
async function floor(): Promise<void> {
    const requests: WorkerRequest[] = discoverProjects(REPO).flatMap((dir) => {
        const project = readProject(dir);
        return project.stacks.map((stack) => stackRequest(project, stack, { check: { draw: true } }).request);
    });
    let next = 0;
    let failed = 0;
    const one = () =>
        new Promise<void>((resolve) => {
            const child = forkWorker(false);
            const give = () => (next < requests.length ? child.send(requests[next++]!) : (child.kill(), resolve()));
            // A worker that asks to be replaced exits after its result: count it and stop that lane.
            child.once("exit", () => resolve());
            child.on("message", (m: WorkerMessage) => {
                if (m.kind === "progress") return;
                if (m.kind === "result" && (m.result.checked?.plan.error ?? m.result.error) !== null) failed++;
                give();
            });
        });
    await Promise.all(Array.from({ length: CORES }, one));
    process.exitCode = failed === 0 ? 0 : 1;
}

function main(): void {
    const { values } = parseArgs({ options: { runs: { type: "string", default: "1" }, floor: { type: "boolean", default: false } } });
    if (values.floor) {
        void floor();
        return;
    }
    const runs = Math.max(1, Number(values.runs) || 1);
    const load = os.loadavg()[0]!.toFixed(1);
    process.stdout.write(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${load} (best of ${runs})\n`);
    const line = (name: string, f: Figure) =>
        process.stdout.write(`${name.padEnd(52)} wall ${f.wallS.toFixed(2)} s   CPU ${f.cpuS.toFixed(2)} s${f.ok ? "" : "   (FAILED)"}\n`);
    const eightArgs = ["--require", LOADER, "src/offline/plan/cli.ts", "--json", "--out", path.join(REPO, "out", "bench")];
    const floorArgs = ["--require", LOADER, __filename, "--floor"];
    // Warm the caches (esbuild output, V8 code cache) so every figure is a rerun's.
    timedRun(eightArgs);
    timedRun(floorArgs);
    const eight = best(runs, eightArgs);
    line("8 stacks (npm start)", eight);
    const least = best(runs, floorArgs);
    line(`floor: ${CORES} workers, each program run, checked, drawn`, least);
    const sdk = best(runs, ["-e", `for (let i = 0; i < ${CORES}; i++) require("node:child_process").spawn(process.execPath, ["--require", ${JSON.stringify(LOADER)}, "-e", 'require("@pulumi/pulumi"); require("@pulumi/aws")'], { stdio: "inherit", env: { ...process.env, OFFLINE_PLAN_WORKER: "1" } });`]);
    line(`of which start-up: the SDK loaded in ${CORES} processes`, sdk);
    process.stdout.write(`ratio 8 stacks / floor: wall ${(eight.wallS / least.wallS).toFixed(2)}, CPU ${(eight.cpuS / least.cpuS).toFixed(2)}\n`);
    // Below CORES the run left a core idle part of the time (or the machine was busy with others).
    process.stdout.write(`cores busy during the 8 stacks (CPU / wall): ${(eight.cpuS / eight.wallS).toFixed(2)} of ${CORES}\n`);
}

main();
