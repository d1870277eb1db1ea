/**
 * Plans one stack: its program runs under the mock runtime in a worker of the pool, which then
 * checks the run with the policy pack, the access check and the cost model (check.ts) before it
 * answers, so two stacks are checked on two cores while this process only waits.
 */
import { runProgram, type RunOptions } from "./program";
import type { PulumiProject } from "./project";
import type { CheckedRun } from "./worker";
import type { StackPlan } from "../model/types";

/** One stack's plan, with its diagram's SVG and policy pack config when asked for (`draw`). */
export type PlannedStack = CheckedRun;

export async function planStackWith(project: PulumiProject, stack: string, opts: RunOptions & { readonly draw?: boolean } = {}): Promise<PlannedStack> {
    const run = await runProgram(project, stack, { ...opts, check: { draw: opts.draw === true } });
    // A stack file that could not be read, or a worker that died, gives no checked plan: only the error.
    return run.checked ?? { plan: { project: project.name, stack, region: run.region, resources: [], outputs: run.outputs, violations: [], exceptions: [], cost: null, error: run.error } };
}

export async function planStack(project: PulumiProject, stack: string, opts: RunOptions = {}): Promise<StackPlan> {
    return (await planStackWith(project, stack, opts)).plan;
}

/** true when the plan must fail the command: the program threw, or a mandatory control failed. */
export function planFailed(plan: StackPlan): boolean {
    return plan.error !== null || plan.violations.some((v) => v.level === "mandatory");
}
