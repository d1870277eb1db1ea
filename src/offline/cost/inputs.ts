/**
 * Readers for planned inputs. Inputs arrive as plain JSON from the mock runtime, so every
 * reader checks the shape and answers `undefined` rather than trusting a cast.
 */
import type { PlannedResource } from "../model/types";

export function str(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/** A number, or a decimal string of one (ECS takes `cpu` and `memory` as strings). */
export function num(value: unknown): number | undefined {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    return undefined;
}

export function obj(value: unknown): Record<string, unknown> | undefined {
    return typeof value === "object" && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
}

export function list(value: unknown): readonly unknown[] | undefined {
    return Array.isArray(value) ? value : undefined;
}

/** Whether `ref` names `resource`: by id or ARN under the mock runtime, or by the given names. */
export function refersTo(ref: string, resource: PlannedResource, otherNames: readonly string[] = []): boolean {
    // Under the mock runtime an id is `<logical name>-id` and an ARN ends with the logical name.
    if (ref === resource.name || ref === `${resource.name}-id`) return true;
    if (endsWithSegment(ref, resource.name)) return true;
    return otherNames.some((name) => ref === name || endsWithSegment(ref, name) || revisionOf(ref, name));
}

/** `arn:...:task-definition/web` ends with the segment `web`; `arn:...:task-definition/my-web` does not. */
function endsWithSegment(ref: string, name: string): boolean {
    if (!ref.endsWith(name) || ref.length === name.length) return false;
    const before = ref[ref.length - name.length - 1];
    return before === "/" || before === ":";
}

/** `web:3` and `arn:...:task-definition/web:3` are revisions of the family `web`. */
function revisionOf(ref: string, family: string): boolean {
    const match = /^(.*):(\d+)$/.exec(ref);
    if (match === null || match[1] === undefined) return false;
    const head = match[1];
    return head === family || endsWithSegment(head, family);
}
