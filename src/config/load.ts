/**
 * Reading stack configuration: Pulumi config first, then the environment variable the original
 * design names, then the default. Every value is validated with zod before any resource is
 * registered, and every bad value is reported at once — key, value and what is allowed.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";

export interface ConfigIssue {
    readonly key: string;
    readonly value: unknown;
    readonly message: string;
}

export class ConfigError extends Error {
    constructor(
        readonly project: string,
        readonly issues: readonly ConfigIssue[],
    ) {
        super(
            `invalid configuration for ${project} (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
                issues.map((i) => `  - ${i.key} = ${show(i.value)}: ${i.message}`).join("\n"),
        );
        this.name = "ConfigError";
    }
}

function show(value: unknown): string {
    if (value === undefined) return "(unset)";
    const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
    return text.length > 80 ? text.slice(0, 77) + "..." : text;
}

/** Where one key is read from. `namespace` defaults to the project's; `aws:region` uses "aws". */
export interface KeySource {
    readonly namespace?: string;
    readonly env?: string;
}

/** A source of raw strings, so the loader can be tested without the Pulumi runtime. */
export type RawReader = (namespace: string | undefined, key: string) => string | undefined;

export const pulumiReader: RawReader = (namespace, key) => new pulumi.Config(namespace).get(key);

/**
 * Validates a config object with `schema`. Each key's raw value (a string: Pulumi config keeps
 * structured values JSON-encoded) is taken as given, or JSON-decoded when the field wants a
 * number, boolean, list or object.
 */
export function loadConfig<S extends z.ZodObject>(
    project: string,
    schema: S,
    sources: Partial<Record<keyof z.infer<S> & string, KeySource>>,
    read: RawReader = pulumiReader,
    env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
    const raw: Record<string, unknown> = {};
    const shape = schema.shape as Record<string, z.ZodType>;
    for (const key of Object.keys(shape)) {
        const source: KeySource = (sources as Record<string, KeySource | undefined>)[key] ?? {};
        let value: string | undefined = read(source.namespace, key);
        if ((value === undefined || value === "") && source.env) value = env[source.env] || undefined;
        if (value === undefined) continue;
        raw[key] = decode(shape[key]!, value);
    }
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    const issues = result.error.issues.map((issue) => {
        const path = issue.path.map(String);
        const top = path[0] ?? "(config)";
        const source: KeySource = (sources as Record<string, KeySource | undefined>)[top] ?? {};
        const key = [source.namespace ? `${source.namespace}:${top}` : top, ...path.slice(1)].join(".");
        return { key, value: valueAt(raw, path), message: issue.message };
    });
    throw new ConfigError(project, issues);
}

/**
 * The raw string when the field takes it; the JSON-decoded value when the field wants another
 * type. When neither parses, whichever fails for a reason other than its type, so the message
 * says what is wrong with the value rather than that it is a string.
 */
function decode(field: z.ZodType, value: string): unknown {
    const asString = field.safeParse(value);
    if (asString.success) return value;
    let decoded: unknown;
    try {
        decoded = JSON.parse(value);
    } catch {
        return value;
    }
    const asDecoded = field.safeParse(decoded);
    if (asDecoded.success) return decoded;
    const typeOnly = (r: typeof asString) => !r.success && r.error.issues.every((i) => i.code === "invalid_type");
    return typeOnly(asString) ? decoded : value;
}

function valueAt(obj: unknown, path: readonly string[]): unknown {
    let current: unknown = obj;
    for (const p of path) {
        if (current === null || typeof current !== "object") return undefined;
        current = (current as Record<string, unknown>)[p];
    }
    return current;
}
