/**
 * Checks one program's run: the policy pack at the stack's profile and exceptions, the access
 * check, the cost model and the stack's budget. It runs in the planning worker beside the program
 * (worker.ts), so the checks of two stacks run on two cores; the result is one element of the
 * `--json` document (see `StackPlan`).
 */
import { z } from "zod";
import { budgetViolations, type Budget } from "../cost/budget";
import { checkAccess } from "../access";
import { estimateCost } from "../cost/model";
import { evaluatePolicies, policyPackConfig } from "../policy/engine";
import { configValue, policySettings } from "../policy/settings";
import type { PolicyException, Profile } from "../policy/types";
import type { PlannedResource, StackPlan } from "../model/types";

export interface PlanSettings {
    readonly profile: Profile;
    readonly exceptions: PolicyException[];
    readonly costAssumptions: Record<string, number>;
    readonly budget: Budget;
}

/**
 * Values the repository's stack files carry as examples: deployed as they are, they name someone
 * else's GitHub organisation, an AWS documentation account (123456789012) or a mailbox nobody reads
 * (example.com is reserved for documentation, RFC 2606).
 */
const EXAMPLE_VALUES: readonly { readonly pattern: RegExp; readonly what: string }[] = [
    { pattern: /^acme-|\/acme-|^acme-[a-z]+\//, what: "an example GitHub owner" },
    { pattern: /\b123456789012\b/, what: "the AWS documentation's example account 123456789012" },
    { pattern: /@example\.(com|org|net)\b/, what: "an example.com address nobody reads" },
];

/** One warning per stack config value that is still the repository's example. */
export function exampleValueWarnings(config: Record<string, string>): string[] {
    const warnings: string[] = [];
    for (const [key, value] of Object.entries(config)) {
        const hit = EXAMPLE_VALUES.find((e) => e.pattern.test(value));
        if (hit) warnings.push(`${key} = ${value.length > 80 ? value.slice(0, 77) + "..." : value} is ${hit.what}: set your own before the first deployment (README, "Before the first deployment")`);
    }
    return warnings;
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

/** What a program's run gives the checks. */
export interface CheckInput {
    readonly project: string;
    readonly stack: string;
    readonly region: string;
    readonly config: Record<string, string>;
    readonly resources: readonly PlannedResource[];
    readonly outputs: Record<string, unknown>;
    readonly error: string | null;
}

/**
 * The run's plan, and the same levels and waivers for `pulumi preview --policy-pack
 * src/offline/policy --policy-pack-config <file>` (null when the stack's settings cannot be read:
 * the plan carries the reason).
 */
export async function checkRun(run: CheckInput): Promise<{ plan: StackPlan; policyConfig: object | null }> {
    let settings: PlanSettings | Error;
    try {
        settings = planSettings(run.project, run.stack, run.config);
    } catch (e) {
        settings = e as Error;
    }
    const policyConfig = settings instanceof Error ? null : policyPackConfig(settings.profile, settings.exceptions);
    return { plan: await planOf(run, settings), policyConfig };
}

async function planOf(run: CheckInput, settings: PlanSettings | Error): Promise<StackPlan> {
    const { project, stack } = run;
    const empty = { project, stack, region: run.region, outputs: run.outputs, violations: [], exceptions: [], cost: null };
    // A program that threw planned nothing a user could act on: report only the error.
    if (run.error !== null) return { ...empty, resources: [], error: run.error };
    if (settings instanceof Error) return { ...empty, resources: run.resources, error: settings.message };
    let access: StackPlan["access"];
    let accessError: string | undefined;
    try {
        access = await checkAccess(run.resources, { region: run.region });
    } catch (e) {
        accessError = `access check: ${(e as Error).message}`;
    }
    // The access check's findings go through the stack's exceptions with the controls'.
    const policy = evaluatePolicies(run.resources, { profile: settings.profile, region: run.region, exceptions: settings.exceptions, ...(access ? { access } : {}) });
    let cost: StackPlan["cost"] = null;
    let costError: string | undefined;
    try {
        cost = estimateCost(run.resources, { region: run.region, assumptions: settings.costAssumptions });
    } catch (e) {
        costError = `cost model: ${(e as Error).message}`;
    }
    const errors = [...policy.errors, ...(costError ? [costError] : []), ...(accessError ? [accessError] : [])];
    const warnings = exampleValueWarnings(run.config);
    return {
        project,
        stack,
        region: run.region,
        profile: settings.profile,
        resources: run.resources,
        outputs: run.outputs,
        violations: [...policy.violations, ...budgetViolations(cost, settings.budget)],
        exceptions: policy.exceptions,
        ...(Object.keys(settings.budget).length > 0 ? { budget: settings.budget } : {}),
        policySummary: policy.summary,
        ...(access ? { access } : {}),
        cost,
        error: errors.length > 0 ? errors.join("\n") : null,
        ...(warnings.length > 0 ? { warnings } : {}),
    };
}
