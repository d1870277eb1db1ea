/**
 * What a change does to a stack: two plans of the same stack compared resource by resource
 * (matched by URN), input by input, with the changes that replace a resource, the removed or
 * replaced resources that hold data, the cost delta per line, and the findings and waivers added
 * and removed. Pure: plans in, a `StackDiff` out.
 */
import type { ChangedResource, CostItem, CostLineDelta, PlannedResource, PropertyChange, StackDiff, StackPlan } from "../model/types";

export type { ChangedResource, CostLineDelta, PropertyChange, StackDiff } from "../model/types";
import { replacementOf } from "./replacement";

/**
 * Types whose resources keep data that a replacement or removal destroys. A log group is left
 * out: losing history there is worth a line in the diff, not an alarm on every rename.
 */
export const DATA_TYPES: ReadonlySet<string> = new Set([
    "aws:rds/instance:Instance",
    "aws:rds/cluster:Cluster",
    "aws:s3/bucket:Bucket",
    "aws:kinesis/stream:Stream",
    "aws:dynamodb/table:Table",
    "aws:kms/key:Key",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:ecr/repository:Repository",
    "aws:codecommit/repository:Repository",
    "aws:secretsmanager/secret:Secret",
]);

/** Inputs that carry a secret whatever the program marked; shown as `[secret]`. */
const SECRET_INPUTS = new Set(["authToken", "password", "masterPassword", "secretString", "secretBinary"]);
export const SECRET = "[secret]";

const holdsData = (r: PlannedResource): boolean => r.protect || DATA_TYPES.has(r.type);

export function diffPlans(base: StackPlan | undefined, head: StackPlan): StackDiff {
    const before = new Map((base?.resources ?? []).map((r) => [r.urn, r]));
    const after = new Map(head.resources.map((r) => [r.urn, r]));
    const added = [...after.keys()].filter((urn) => !before.has(urn));
    const removed = [...before.keys()].filter((urn) => !after.has(urn));
    const changed: ChangedResource[] = [];
    for (const [urn, next] of after) {
        const prev = before.get(urn);
        if (!prev) continue;
        const properties = resourceChanges(prev, next);
        if (properties.length === 0) continue;
        const replaces = properties.some((p) => p.replaces);
        changed.push({ urn, type: next.type, replaces, losesData: replaces && (holdsData(prev) || holdsData(next)), properties });
    }
    const dataAtRisk = [...removed.filter((urn) => holdsData(before.get(urn)!)), ...changed.filter((c) => c.losesData).map((c) => c.urn)];
    const cost = costDelta(base?.cost?.items ?? [], head.cost?.items ?? []);
    const beforeUsd = base?.cost?.monthlyUsd ?? 0;
    const afterUsd = head.cost?.monthlyUsd ?? 0;
    return {
        baseFound: base !== undefined,
        added,
        removed,
        changed,
        dataAtRisk,
        costDeltaUsd: round(afterUsd - beforeUsd),
        cost: { beforeUsd, afterUsd, lines: cost },
        findings: setDelta(base?.violations ?? [], head.violations, (v) => `${v.policy}|${v.urn ?? ""}|${v.level}`),
        exceptions: renameKeys(setDelta(base?.exceptions ?? [], head.exceptions, (e) => `${e.policy}|${e.urn ?? ""}`)),
    };
}

/** true when the diff shows no change at all. */
export function isEmpty(d: StackDiff): boolean {
    return (
        d.added.length + d.removed.length + d.changed.length + d.findings.added.length + d.findings.resolved.length + d.exceptions.added.length + d.exceptions.removed.length === 0 &&
        d.cost.lines.length === 0
    );
}

function resourceChanges(prev: PlannedResource, next: PlannedResource): PropertyChange[] {
    const secret = (input: string): boolean => SECRET_INPUTS.has(input) || (next.secretInputs ?? []).includes(input) || (prev.secretInputs ?? []).includes(input);
    const out: PropertyChange[] = [];
    const keys = [...new Set([...Object.keys(prev.inputs), ...Object.keys(next.inputs)])].sort();
    for (const input of keys) {
        const decision = replacementOf(next.type, input);
        const flags = {
            replaces: decision?.replaces === "yes",
            ...(decision?.replaces === "maybe" ? { mayReplace: true } : {}),
            ...(decision && decision.replaces !== "no" ? { source: decision.source } : {}),
        };
        const leaves: Array<Omit<PropertyChange, "replaces">> = [];
        compare(input, prev.inputs[input], next.inputs[input], leaves);
        for (const leaf of leaves) out.push({ ...(secret(input) ? mask(leaf) : leaf), ...flags });
    }
    return out;
}

function mask(change: Omit<PropertyChange, "replaces">): Omit<PropertyChange, "replaces"> {
    return {
        path: change.path,
        ...("before" in change ? { before: SECRET } : {}),
        ...("after" in change ? { after: SECRET } : {}),
    };
}

/** Collects the leaves that differ between `a` and `b`. JSON documents in strings are compared as documents. */
function compare(path: string, a: unknown, b: unknown, out: Array<Omit<PropertyChange, "replaces">>): void {
    if (a === b) return;
    if (a === undefined) return void out.push({ path, after: b });
    if (b === undefined) return void out.push({ path, before: a });
    const da = asDocument(a);
    const db = asDocument(b);
    if (da !== undefined && db !== undefined) return compareStructured(path, da, db, out);
    if (typeof a === "object" && typeof b === "object" && a !== null && b !== null && Array.isArray(a) === Array.isArray(b)) {
        return compareStructured(path, a, b, out);
    }
    out.push({ path, before: a, after: b });
}

function compareStructured(path: string, a: object, b: object, out: Array<Omit<PropertyChange, "replaces">>): void {
    if (Array.isArray(a) && Array.isArray(b)) {
        for (let i = 0; i < Math.max(a.length, b.length); i++) compare(`${path}[${i}]`, a[i], b[i], out);
        return;
    }
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()) compare(`${path}.${k}`, ra[k], rb[k], out);
}

/** A string holding a JSON object or array (policy documents, container definitions). */
function asDocument(v: unknown): object | undefined {
    if (typeof v !== "string" || !/^\s*[[{]/.test(v)) return undefined;
    try {
        const parsed: unknown = JSON.parse(v);
        return typeof parsed === "object" && parsed !== null ? parsed : undefined;
    } catch {
        return undefined;
    }
}

/** Cost lines matched by resource, type and unit (the description may name the changed size). */
function costDelta(before: readonly CostItem[], after: readonly CostItem[]): CostLineDelta[] {
    const keyed = (items: readonly CostItem[]): Map<string, CostItem> => {
        const seen = new Map<string, number>();
        const map = new Map<string, CostItem>();
        for (const item of items) {
            const k = `${item.urn ?? ""}|${item.type}|${item.unit}`;
            const n = seen.get(k) ?? 0;
            seen.set(k, n + 1);
            map.set(`${k}|${n}`, item);
        }
        return map;
    };
    const a = keyed(before);
    const b = keyed(after);
    const lines: CostLineDelta[] = [];
    for (const k of new Set([...a.keys(), ...b.keys()])) {
        const x = a.get(k);
        const y = b.get(k);
        const beforeUsd = x?.monthlyUsd ?? 0;
        const afterUsd = y?.monthlyUsd ?? 0;
        const description = x && y && x.description !== y.description ? `${x.description} → ${y.description}` : (y ?? x)!.description;
        if (round(afterUsd - beforeUsd) === 0 && x?.description === y?.description) continue;
        const urn = (y ?? x)!.urn;
        lines.push({ ...(urn ? { urn } : {}), description, beforeUsd, afterUsd, deltaUsd: round(afterUsd - beforeUsd) });
    }
    return lines.sort((p, q) => Math.abs(q.deltaUsd) - Math.abs(p.deltaUsd));
}

function setDelta<T>(before: readonly T[], after: readonly T[], key: (t: T) => string): { added: T[]; resolved: T[] } {
    const a = new Set(before.map(key));
    const b = new Set(after.map(key));
    return { added: after.filter((t) => !a.has(key(t))), resolved: before.filter((t) => !b.has(key(t))) };
}

function renameKeys<T>(d: { added: T[]; resolved: T[] }): { added: T[]; removed: T[] } {
    return { added: d.added, removed: d.resolved };
}

const round = (n: number): number => Math.round(n * 100) / 100;
