/**
 * Test support, never shipped: planned resources written by hand, shaped as the mock runtime
 * records them, for the unit tests of the policy pack, the cost model, the report and the model.
 */
import type { PlannedResource } from "../../src/offline/model/types";
import type { PolicyTarget } from "../../src/offline/policy/types";

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:dev::fixture::${type}::${name}`;
}

/** A resource as the planner records it, with the inputs (and dependencies) given. */
export function planned(type: string, name: string, inputs: Record<string, unknown> = {}, dependsOn: readonly string[] = []): PlannedResource {
    return { urn: urnOf(type, name), type, name, inputs, custom: true, protect: false, dependsOn };
}

/** A resource as a control sees it. */
export function target(type: string, name: string, props: Record<string, unknown> = {}): PolicyTarget {
    return { urn: urnOf(type, name), type, name, props };
}
