/**
 * The one code path that runs a control. The offline engine, the CrossGuard adapter and the
 * tests all call `runControl`, so a fixture that fails in a test fails the same way in a plan.
 */
import type { CheckContext, Finding, FindingDetail, PolicyTarget, ResourceFinding, Rule } from "./types";

function asFinding(urn: string, f: ResourceFinding): Finding {
    return typeof f === "string" ? { urn, message: f } : { urn, ...f };
}

/**
 * The message with each detail it does not already say appended: what CrossGuard shows, since
 * its reportViolation takes a message and a URN only.
 */
export function findingText(f: FindingDetail & { readonly message: string }): string {
    const parts = [
        f.input === undefined || f.message.includes(f.input) ? undefined : `input: ${f.input}`,
        f.value === undefined || f.message.includes(f.value) ? undefined : `value: ${f.value}`,
        f.rule === undefined || f.message.includes(f.rule) ? undefined : `rule: ${f.rule}`,
        f.source === undefined || f.message.includes(f.source) ? undefined : `source: ${f.source}`,
    ].filter((p) => p !== undefined);
    return parts.length === 0 ? f.message : `${f.message} [${parts.join("; ")}]`;
}

export function runControl(control: Rule, resources: readonly PolicyTarget[], ctx: CheckContext): Finding[] {
    if (control.scope === "stack") {
        return control.check(resources, ctx);
    }
    return resources
        .filter((r) => control.resourceTypes.includes(r.type))
        .flatMap((r) => control.check(r, ctx).map((f) => asFinding(r.urn, f)));
}

/** true when the control reads at least one resource of the stack. */
export function appliesTo(control: Rule, resources: readonly PolicyTarget[]): boolean {
    return resources.some((r) => control.resourceTypes.includes(r.type));
}
