/**
 * `npm run bench`: the planner's figures, measured here and now. Each figure is a child process
 * timed for wall clock and CPU (user + system, from the kernel's resource usage of the children),
 * so a busy machine shows as CPU well below wall × cores. Prints one line per figure; no figure is
 * asserted (a timed test would fail on a busy machine, not on slow code).
 *
 *   npm run bench                 8 stacks (npm start's work) and a floor under it: the SDK and
 *                                 @pulumi/aws loaded once per core, nothing planned
 *   npm run bench -- --runs 3     best of 3
 *
 * It runs on the Node first on PATH: put Node 20 first (`PATH=/usr/bin:$PATH npm run bench`) for
 * its figures, which have no module compile cache (Node 22 and newer only).
 */
import { spawnSync } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";

const REPO = path.resolve(__dirname, "..", "..", "..");
const LOADER = path.join(__dirname, "loader.cjs");

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

/** The least work `npm start` needs: the SDK loaded once in each of `cores` processes, nothing else. */
const FLOOR_SCRIPT = `require(${JSON.stringify(LOADER)}); require("@pulumi/pulumi"); require("@pulumi/aws");`;

function main(): void {
    const { values } = parseArgs({ options: { runs: { type: "string", default: "1" } } });
    const runs = Math.max(1, Number(values.runs) || 1);
    const cores = 2;
    const load = os.loadavg()[0]!.toFixed(1);
    process.stdout.write(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${load} (best of ${runs})\n`);
    const line = (name: string, f: Figure) =>
        process.stdout.write(`${name.padEnd(44)} wall ${f.wallS.toFixed(2)} s   CPU ${f.cpuS.toFixed(2)} s${f.ok ? "" : "   (FAILED)"}\n`);
    // Warm the caches (esbuild output, V8 code cache) so every figure is a rerun's.
    timedRun(["--require", LOADER, "src/offline/plan/cli.ts", "--json", "--out", path.join(REPO, "out", "bench")]);
    const eight = best(runs, ["--require", LOADER, "src/offline/plan/cli.ts", "--json", "--out", path.join(REPO, "out", "bench")]);
    line("8 stacks (npm start)", eight);
    const floorArgs = [
        "-e",
        `for (let i = 0; i < ${cores}; i++) require("node:child_process").spawn(process.execPath, ["-e", ${JSON.stringify(FLOOR_SCRIPT)}], { stdio: "inherit", env: { ...process.env, OFFLINE_PLAN_WORKER: "1" } });`,
    ];
    const floor = best(runs, floorArgs);
    line(`floor: SDK loaded in ${cores} processes at once`, floor);
    process.stdout.write(`ratio 8 stacks / floor: wall ${(eight.wallS / floor.wallS).toFixed(2)}, CPU ${(eight.cpuS / floor.cpuS).toFixed(2)}\n`);
    // Below `cores` the run left a core idle part of the time (or the machine was busy with others).
    process.stdout.write(`cores busy during the 8 stacks (CPU / wall): ${(eight.cpuS / eight.wallS).toFixed(2)} of ${cores}\n`);
}

main();
