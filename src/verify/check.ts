/**
 * What a check is: one Pulumi resource type, the IAM actions its calls need, and `observe`,
 * which reads the live resource and returns each observed property beside the value the
 * offline plan (the design on the same stack config) gives it. A design requirement and drift
 * from the plan are the same comparison: the plan holds the design, so a property AWS reports
 * differently is both.
 */
import { isDeepStrictEqual } from "node:util";
import type { PlannedResource } from "../offline/model/types";
import type { Action } from "./calls";
import { CannotCheck, type Verifier } from "./verifier";

export interface Observation {
    readonly property: string;
    readonly found: unknown;
    readonly expected: unknown;
    /** Whether `found` meets `expected`; deep equality unless given. */
    readonly ok?: boolean;
    /** Set when the property cannot be judged yet (a pipeline still running). */
    readonly pending?: string;
}

export interface Check {
    readonly id: string;
    readonly type: string;
    /** Every action `observe` may call, directly or through the verifier's helpers. */
    readonly actions: readonly Action[];
    observe(resource: PlannedResource, v: Verifier): Promise<Observation[]>;
}

export function eq(property: string, found: unknown, expected: unknown): Observation {
    return { property, found, expected, ok: isDeepStrictEqual(found ?? null, expected ?? null) };
}

/** The explicit AWS name the program gave the resource. */
export function nameOf(r: PlannedResource, key = "name"): string {
    const value = r.inputs[key];
    if (typeof value !== "string" || value === "") throw new CannotCheck(`${r.type} ${r.name} has no explicit ${key} in the plan to find it by`);
    return value;
}

/** The Name tag, by which EC2 resources (whose ids AWS assigns) are found. */
export function nameTag(r: PlannedResource): string {
    const name = (r.inputs.tags as Record<string, string> | undefined)?.Name;
    if (!name) throw new CannotCheck(`${r.type} ${r.name} has no Name tag in the plan to find it by`);
    return name;
}

/** A key id, key ARN or alias reduced to what identifies the key. */
function keyIdOf(value: unknown): string | undefined {
    if (typeof value !== "string" || value === "") return undefined;
    const at = value.indexOf("key/");
    return at >= 0 ? value.slice(at + 4) : value;
}

/** Whether a live key reference is the key the plan gave (both found through the verifier). */
export async function sameKey(v: Verifier, property: string, found: unknown, plannedRef: unknown): Promise<Observation> {
    const expected = await v.liveKeyArn(plannedRef);
    return { property, found: found ?? null, expected: expected ?? null, ok: keyIdOf(found) === keyIdOf(expected) };
}

export function sorted(values: readonly unknown[] | undefined): string[] {
    return [...(values ?? [])].map(String).sort();
}

/** `<type> <explicit name or logical name>`: how findings name a resource. */
export function label(r: PlannedResource): string {
    const type = r.type.split(":").pop() ?? r.type;
    const service = r.type.split(":")[1]?.split("/")[0] ?? "";
    const tags = r.inputs.tags as Record<string, string> | undefined;
    const name = ["name", "bucket", "identifier", "replicationGroupId", "deploymentGroupName", "role"].map((k) => r.inputs[k]).find((x) => typeof x === "string" && x !== "");
    return `${service} ${type} ${String(name ?? tags?.Name ?? r.name)}`;
}
