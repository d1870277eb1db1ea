/**
 * Plans one stack: runs its program under the mock runtime, checks the result with the policy
 * pack at the stack's profile and exceptions, and prices it. The result is one element of the
 * `--json` document (shared/DESIGN.md).
 */
import { z } from "zod";
import { policyExceptionSchema } from "../../config/base";
import { checkAccess } from "../access";
import { accessViolations } from "../access/violations";
import { estimateCost } from "../cost/model";
import { evaluatePolicies, profileOf } from "../policy/engine";
import type { Profile } from "../policy/types";
import { runProgram, type RunOptions } from "./program";
import type { PulumiProject } from "./project";
import type { StackPlan } from "./types";

export interface PlanSettings {
    readonly profile: Profile;
    readonly exceptions: z.infer<typeof policyExceptionSchema>[];
    readonly costAssumptions: Record<string, number>;
}

/** What the planner itself reads from stack config; the program validates the same keys again. */
export function planSettings(projectName: string, stack: string, config: Record<string, string>): PlanSettings {
    const read = (key: string): unknown => {
        const raw = config[`${projectName}:${key}`];
        if (raw === undefined) return undefined;
        try {
            return JSON.parse(raw);
        } catch {
            return raw;
        }
    };
    const exceptions = z.array(policyExceptionSchema).safeParse(read("policyExceptions") ?? []);
    if (!exceptions.success) {
        throw new Error(`${projectName}:policyExceptions is invalid: ${exceptions.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    const assumptions = z.record(z.string(), z.number()).safeParse(read("costAssumptions") ?? {});
    if (!assumptions.success) throw new Error(`${projectName}:costAssumptions must map assumption names to numbers`);
    const profile = read("profile");
    return { profile: profileOf(stack, typeof profile === "string" ? profile : undefined), exceptions: exceptions.data, costAssumptions: assumptions.data };
}

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
    let access: StackPlan["access"];
    let accessError: string | undefined;
    try {
        access = await checkAccess(run.resources, { region: run.region });
    } catch (e) {
        accessError = `access check: ${(e as Error).message}`;
    }
    const errors = [...policy.errors, ...(costError ? [costError] : []), ...(accessError ? [accessError] : [])];
    return {
        project: project.name,
        stack,
        region: run.region,
        profile: settings.profile,
        resources: run.resources,
        outputs: run.outputs,
        violations: [...policy.violations, ...(access ? accessViolations(access) : [])],
        exceptions: policy.exceptions,
        policySummary: policy.summary,
        ...(access ? { access } : {}),
        cost,
        error: errors.length > 0 ? errors.join("\n") : null,
    };
}

/** true when the plan must fail the command: the program threw, or a mandatory control failed. */
export function planFailed(plan: StackPlan): boolean {
    return plan.error !== null || plan.violations.some((v) => v.level === "mandatory");
}
