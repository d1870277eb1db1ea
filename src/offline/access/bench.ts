/**
 * The access check's cost per stack: CPU time (user + system) of `evaluateAccess` on each plan of
 * a plan file written by `npm start` (default `out/plan.json`), in process, after one warm-up run
 * per stack (the first run of a process loads the reference data). CPU time, not wall time, so
 * the figure holds on a busy machine.
 *
 *   node --import tsx src/offline/access/bench.ts [out/plan.json] [--runs N]
 */
import * as fs from "node:fs";
import { evaluateAccess } from ".";
import type { StackPlan } from "../model/types";

function cpuMs(start: NodeJS.CpuUsage): number {
    const d = process.cpuUsage(start);
    return (d.user + d.system) / 1000;
}

async function main(argv: readonly string[]): Promise<void> {
    const runsAt = argv.indexOf("--runs");
    const runs = runsAt === -1 ? 5 : Math.max(1, Number(argv[runsAt + 1]));
    const file = argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--runs") ?? "out/plan.json";
    const plans = (JSON.parse(fs.readFileSync(file, "utf8")) as { plans: StackPlan[] }).plans;
    const first = process.cpuUsage();
    await evaluateAccess(plans[0]?.resources ?? [], { region: plans[0]?.region ?? "us-east-1" });
    console.log(`first check in this process (loads the reference data): ${cpuMs(first).toFixed(0)} ms CPU`);
    console.log("stack                       resources  calls  CPU ms (median of " + String(runs) + ")");
    for (const p of plans) {
        const times: number[] = [];
        let calls = 0;
        for (let i = 0; i <= runs; i++) {
            const start = process.cpuUsage();
            calls = (await evaluateAccess(p.resources, { region: p.region })).report.checked;
            if (i > 0) times.push(cpuMs(start));
        }
        times.sort((a, b) => a - b);
        const median = times[Math.floor(times.length / 2)] ?? 0;
        console.log(`${`${p.project}/${p.stack}`.padEnd(28)}${String(p.resources.length).padStart(9)}${String(calls).padStart(7)}${median.toFixed(0).padStart(8)}`);
    }
}

main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
});
