/**
 * Reading planned inputs. Inputs arrive as plain JSON-like values; `@pulumi/aws` v7 turned most
 * single-item lists into objects, but a program (or an older provider) may still pass a
 * one-element list, so `one` accepts both.
 */
export function str(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

export function num(value: unknown): number | undefined {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
    return undefined;
}

/** true only for `true` or `"true"`: an unset flag is AWS's default, which is off for every flag read here. */
export function flag(value: unknown): boolean {
    return value === true || value === "true";
}

export function obj(value: unknown): Record<string, unknown> | undefined {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** An object input given as an object or as a one-element list. */
export function one(value: unknown): Record<string, unknown> | undefined {
    return Array.isArray(value) ? obj(value[0]) : obj(value);
}

export function list(value: unknown): unknown[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
}

export function strings(value: unknown): string[] {
    return list(value).filter((v): v is string => typeof v === "string");
}
