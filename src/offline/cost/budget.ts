/**
 * Budgets: a stack's `budgetUsd` (monthly) makes a plan over it a mandatory finding; its
 * `budgetIncreaseUsd` makes a change that raises the monthly cost by more than that an advisory
 * one (judged where a base plan is known, by the diff).
 */
import type { CostReport, Violation } from "../model/types";

export interface Budget {
    /** The most the stack may cost a month, in USD. */
    readonly monthlyUsd?: number;
    /** The most one change may add to the monthly cost, in USD. */
    readonly increaseUsd?: number;
}

export const BUDGET_POLICY = "COST.Budget";
export const BUDGET_INCREASE_POLICY = "COST.BudgetIncrease";

export function budgetViolations(cost: CostReport | null, budget: Budget): Violation[] {
    if (budget.monthlyUsd === undefined || cost === null || cost.monthlyUsd <= budget.monthlyUsd) return [];
    return [
        {
            policy: BUDGET_POLICY,
            level: "mandatory",
            message: `the plan costs about $${cost.monthlyUsd.toFixed(2)} a month, over the stack's budgetUsd of $${budget.monthlyUsd.toFixed(2)}; make it cheaper or raise budgetUsd in the stack's config`,
        },
    ];
}

export function budgetIncreaseViolations(costDeltaUsd: number, budget: Budget): Violation[] {
    if (budget.increaseUsd === undefined || costDeltaUsd <= budget.increaseUsd) return [];
    return [
        {
            policy: BUDGET_INCREASE_POLICY,
            level: "advisory",
            message: `this change adds about $${costDeltaUsd.toFixed(2)} a month, more than the stack's budgetIncreaseUsd of $${budget.increaseUsd.toFixed(2)}`,
        },
    ];
}
