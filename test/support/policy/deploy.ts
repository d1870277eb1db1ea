/**
 * Hand-made resources for control tests: a `PolicyTarget` or `PlannedResource` with a URN shaped
 * like the mock runtime's, and a runner that goes through `runControl` like the engine does.
 */
import * as previewProxy from "@pulumi/policy/proxy";
import { runControl } from "../../../src/offline/policy/evaluate";
import type { CheckContext, Finding, PolicyTarget, Rule } from "../../../src/offline/policy/types";

export { planned, target, urnOf } from "../resources";

export const TEST_CTX: CheckContext = { profile: "prod", region: "eu-central-1" };




export function run(control: Rule, resources: readonly PolicyTarget[], ctx: CheckContext = TEST_CTX): Finding[] {
    return runControl(control, resources, ctx);
}

/** A policy document as programs write it: `pulumi.jsonStringify` of a typed object. */
export function doc(...statements: readonly Record<string, unknown>[]): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** What `pulumi preview` hands a policy: inputs behind @pulumi/policy's unknown-checking proxy. */
interface PreviewProxy {
    unknownCheckingProxy<T extends object>(props: T): T;
    readonly unknownStringValue: unknown;
}
// Marked internal in @pulumi/policy's types, but it is the very proxy the policy server wraps inputs in.
const preview = previewProxy as unknown as PreviewProxy;

/** A computed string, as a preview passes it. */
export const UNKNOWN_STRING: unknown = preview.unknownStringValue;

export function previewInputs(props: Record<string, unknown>): Record<string, unknown> {
    return preview.unknownCheckingProxy(props);
}
