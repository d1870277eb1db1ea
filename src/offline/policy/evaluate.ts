/**
 * The one code path that runs a control. The offline engine, the CrossGuard adapter and the
 * tests all call `runControl`, so a fixture that fails in a test fails the same way in a plan.
 */
import type { CheckContext, Finding, PolicyTarget, Rule } from "./types";

export function runControl(control: Rule, resources: readonly PolicyTarget[], ctx: CheckContext): Finding[] {
    if (control.scope === "stack") {
        return control.check(resources, ctx);
    }
    return resources
        .filter((r) => control.resourceTypes.includes(r.type))
        .flatMap((r) => control.check(r, ctx).map((message) => ({ urn: r.urn, message })));
}

/** true when the control reads at least one resource of the stack. */
export function appliesTo(control: Rule, resources: readonly PolicyTarget[]): boolean {
    return resources.some((r) => control.resourceTypes.includes(r.type));
}
