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

/**
 * A source of raw strings, so the loader can be tested without the Pulumi runtime. `keys` lists
 * what is set in the project's namespace, so a misspelt key is refused rather than ignored.
 */
export type RawReader = ((namespace: string | undefined, key: string) => string | undefined) & { readonly keys?: () => readonly string[] };

export const pulumiReader: RawReader = Object.assign((namespace: string | undefined, key: string) => new pulumi.Config(namespace).get(key), {
    keys: () => {
        const prefix = `${pulumi.getProject()}:`;
        return Object.keys(pulumi.runtime.allConfig())
            .filter((k) => k.startsWith(prefix))
            .map((k) => k.slice(prefix.length));
    },
});

/** Edit distance, for suggesting the key a misspelt one meant. */
function distance(a: string, b: string): number {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
    }
    return row[b.length]!;
}

/** Keys set in the project's namespace that no field reads, each with the closest known key. */
function unknownKeys(project: string, known: readonly string[], read: RawReader): ConfigIssue[] {
    const knownSet = new Set(known);
    return (read.keys?.() ?? [])
        .filter((k) => !knownSet.has(k))
        .map((k) => {
            const lower = k.toLowerCase();
            const [best] = known
                .map((c) => ({ c, d: distance(lower, c.toLowerCase()) - (c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase()) ? k.length / 2 : 0) }))
                .sort((x, y) => x.d - y.d);
            const hint = best !== undefined && best.d <= Math.max(3, k.length / 2) ? `; did you mean ${best.c}?` : "";
            return { key: `${project}:${k}`, value: read(undefined, k), message: `is not a setting of ${project}${hint}` };
        });
}

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
    const fromEnv = new Set<string>();
    const shape = schema.shape as Record<string, z.ZodType>;
    const sourceOf = (key: string): KeySource => (sources as Record<string, KeySource | undefined>)[key] ?? {};
    for (const key of Object.keys(shape)) {
        const source = sourceOf(key);
        let value: string | undefined = read(source.namespace, key);
        if ((value === undefined || value === "") && source.env && env[source.env]) {
            value = env[source.env];
            fromEnv.add(key);
        }
        if (value === undefined) continue;
        raw[key] = decode(shape[key]!, value);
    }
    const unknown = unknownKeys(project, Object.keys(shape).filter((k) => sourceOf(k).namespace === undefined), read);
    const result = schema.safeParse(raw);
    if (result.success && unknown.length === 0) return result.data;
    const issues = (result.success ? [] : result.error.issues).map((issue) => {
        const path = issue.path.map(String);
        const top = path[0] ?? "(config)";
        const source = sourceOf(top);
        const key = [source.namespace ? `${source.namespace}:${top}` : top, ...path.slice(1)].join(".");
        const origin = fromEnv.has(top) ? ` (the value came from the environment variable ${source.env})` : "";
        return { key, value: valueAt(raw, path), message: issue.message + origin };
    });
    throw new ConfigError(project, [...issues, ...unknown]);
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
