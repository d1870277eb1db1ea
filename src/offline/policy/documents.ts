/**
 * Reading IAM-style policy documents (IAM, KMS key, S3 bucket, SNS topic, ECR, EventBridge bus
 * policies) as planned. Programs serialise them with `pulumi.jsonStringify`, so they arrive as
 * JSON strings; a document given as an object is read the same way.
 */

export interface Statement {
    readonly Sid?: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal?: unknown;
    readonly NotPrincipal?: unknown;
    readonly Action?: string | string[];
    readonly NotAction?: string | string[];
    readonly Resource?: string | string[];
    readonly NotResource?: string | string[];
    readonly Condition?: Record<string, Record<string, unknown>>;
}

export function asArray<T>(value: T | readonly T[] | undefined | null): T[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
}

/** Parses a policy document given as a JSON string or an object; undefined when absent or unreadable. */
export function parseDocument(doc: unknown): { Statement?: unknown } | undefined {
    if (doc === undefined || doc === null || doc === "") return undefined;
    if (typeof doc === "string") {
        try {
            const parsed: unknown = JSON.parse(doc);
            return typeof parsed === "object" && parsed !== null ? (parsed as { Statement?: unknown }) : undefined;
        } catch {
            return undefined;
        }
    }
    return typeof doc === "object" ? (doc as { Statement?: unknown }) : undefined;
}

/** The statements of a policy document, in order. */
export function statements(doc: unknown): Statement[] {
    const parsed = parseDocument(doc);
    return asArray(parsed?.Statement as Statement | Statement[] | undefined);
}

/** Principals of a statement as strings: `"*"`, account ARNs, service names. */
export function principals(statement: Statement): string[] {
    const p = statement.Principal;
    if (p === undefined) return [];
    if (typeof p === "string") return [p];
    if (typeof p === "object" && p !== null) {
        return Object.values(p as Record<string, unknown>).flatMap((v) => asArray(v as string | string[]));
    }
    return [];
}

/** IAM action matching with `*` and `?` wildcards, case-insensitive as IAM does. */
export function actionMatches(pattern: string, action: string): boolean {
    const re = new RegExp(
        "^" + pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$",
        "i",
    );
    return re.test(action);
}

/** true when the statement's Action list grants `action` (directly or by wildcard). */
export function grants(statement: Statement, action: string): boolean {
    return asArray(statement.Action).some((a) => actionMatches(a, action));
}
