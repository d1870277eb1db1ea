/**
 * Plans one stack: runs its program under the mock runtime, checks the result with the policy
 * pack at the stack's profile and exceptions, and prices it. The result is one element of the
 * `--json` document (shared/DESIGN.md).
 */
import { z } from "zod";
import { budgetViolations, type Budget } from "../cost/budget";
import { estimateCost } from "../cost/model";
import { evaluatePolicies } from "../policy/engine";
import { configValue, policySettings } from "../policy/settings";
import type { PolicyException, Profile } from "../policy/types";
import { runProgram, type RunOptions } from "./program";
import type { PulumiProject } from "./project";
import type { StackPlan } from "../model/types";

export interface PlanSettings {
    readonly profile: Profile;
    readonly exceptions: PolicyException[];
    readonly costAssumptions: Record<string, number>;
    readonly budget: Budget;
}

/** What the planner itself reads from stack config; the program validates the same keys again. */
export function planSettings(projectName: string, stack: string, config: Record<string, string>, env: NodeJS.ProcessEnv = process.env): PlanSettings {
    const { profile, exceptions } = policySettings(projectName, stack, config, env);
    const assumptions = z.record(z.string(), z.number()).safeParse(configValue(config, `${projectName}:costAssumptions`) ?? {});
    if (!assumptions.success) throw new Error(`${projectName}:costAssumptions must map assumption names to numbers`);
    const budget = budgetSchema.safeParse({ monthlyUsd: configValue(config, `${projectName}:budgetUsd`), increaseUsd: configValue(config, `${projectName}:budgetIncreaseUsd`) });
    if (!budget.success) throw new Error(`${projectName}:budgetUsd and budgetIncreaseUsd must be positive numbers of US dollars a month`);
    return {
        profile,
        exceptions,
        costAssumptions: assumptions.data,
        budget: { ...(budget.data.monthlyUsd !== undefined ? { monthlyUsd: budget.data.monthlyUsd } : {}), ...(budget.data.increaseUsd !== undefined ? { increaseUsd: budget.data.increaseUsd } : {}) },
    };
}

const budgetSchema = z.object({ monthlyUsd: z.number().positive().optional(), increaseUsd: z.number().nonnegative().optional() });

export async function planStack(project: PulumiProject, stack: string, opts: RunOptions = {}): Promise<StackPlan> {
    const run = await runProgram(project, stack, opts);
    const empty = { project: project.name, stack, region: run.region, outputs: run.outputs, violations: [], exceptions: [], cost: null };
    if (run.error !== null) {
        // A program that threw planned nothing a user could act on: report only the error.
        return { ...empty, resources: [], error: run.error };
    }
    let settings: PlanSettings;
    try {
        settings = planSettings(project.name, stack, run.config);
    } catch (e) {
        return { ...empty, resources: run.resources, error: (e as Error).message };
    }
    const policy = evaluatePolicies(run.resources, { profile: settings.profile, region: run.region, exceptions: settings.exceptions });
    let cost: StackPlan["cost"] = null;
    let costError: string | undefined;
    try {
        cost = estimateCost(run.resources, { region: run.region, assumptions: settings.costAssumptions });
    } catch (e) {
        costError = `cost model: ${(e as Error).message}`;
    }
    const errors = [...policy.errors, ...(costError ? [costError] : [])];
    return {
        project: project.name,
        stack,
        region: run.region,
        profile: settings.profile,
        resources: run.resources,
        outputs: run.outputs,
        violations: [...policy.violations, ...budgetViolations(cost, settings.budget)],
        exceptions: policy.exceptions,
        ...(Object.keys(settings.budget).length > 0 ? { budget: settings.budget } : {}),
        policySummary: policy.summary,
        cost,
        error: errors.length > 0 ? errors.join("\n") : null,
    };
}

/** true when the plan must fail the command: the program threw, or a mandatory control failed. */
export function planFailed(plan: StackPlan): boolean {
    return plan.error !== null || plan.violations.some((v) => v.level === "mandatory");
}
