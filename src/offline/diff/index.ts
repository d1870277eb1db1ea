/**
 * Comparing plans: `withDiff` attaches a stack's changes against its base plan, and judges the
 * stack's `budgetIncreaseUsd` on them.
 */
import { budgetIncreaseViolations } from "../cost/budget";
import type { StackPlan } from "../model/types";
import { diffPlans } from "./diff";

export { diffPlans, isEmpty } from "./diff";
export { loadBase, matchBase, readPlanDocument, resolveBase, type Base } from "./base";
export { diffMarkdown, formatDiff, COMMENT_LIMIT, COMMENT_MARKER } from "./format";

export function withDiff(head: StackPlan, base: StackPlan | undefined): StackPlan {
    const diff = diffPlans(base, head);
    const increase = base !== undefined && head.budget ? budgetIncreaseViolations(diff.costDeltaUsd, head.budget) : [];
    if (increase.length === 0) return { ...head, diff };
    return { ...head, violations: [...head.violations, ...increase], diff: { ...diff, findings: { ...diff.findings, added: [...diff.findings.added, ...increase] } } };
}
