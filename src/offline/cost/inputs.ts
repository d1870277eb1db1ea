/**
 * Readers for planned inputs. Inputs arrive as plain JSON from the mock runtime, so every
 * reader checks the shape and answers `undefined` rather than trusting a cast.
 */

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
