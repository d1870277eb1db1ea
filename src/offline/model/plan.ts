/**
 * The plan indexed once: resources by URN, by type and by token (references.ts), and, built on
 * first use, which resources point at which through one input. The policy engine builds one
 * `PlanIndex` per plan and hands it to every control; the cost model and the report build their
 * own from the same resources. Every question is answered from the maps, so a check that asks
 * about each bucket costs the same per bucket however many buckets the plan holds.
 *
 * Dependencies first: a reference the provider has not computed yet (`UNKNOWN`, during a real
 * `pulumi preview`) is answered from the input's property dependencies, or the resource's
 * dependencies when those are all that is known. A known string is answered by tokens; when it
 * matches several candidates, the ones the source depends on come first.
 */
import {
    inputsOf,
    isUnknown,
    keyFits,
    lookupKeys,
    referenceStrings,
    stringsIn,
    tokensOf,
    type Referable,
} from "./references";

/** How much work the index has done: a test reads these to catch quadratic checks. */
export interface IndexStats {
    /** Calls that asked the index something. */
    lookups: number;
    /** Resources the index handed back or examined to answer them. */
    visited: number;
}

/** The work of every index in this process, for tests that compare plans of different sizes. */
export const indexWork: IndexStats = { lookups: 0, visited: 0 };

interface Found<R> {
    readonly resource: R;
    readonly strength: number;
}

export class PlanIndex<R extends Referable> {
    private readonly own: IndexStats = { lookups: 0, visited: 0 };
    private readonly byUrn = new Map<string, R>();
    private readonly position = new Map<R, number>();
    private readonly byType = new Map<string, R[]>();
    private readonly byToken = new Map<string, R[]>();
    private readonly reverse = new Map<string, Map<R, R[]>>();

    constructor(readonly resources: readonly R[]) {
        resources.forEach((r, i) => this.position.set(r, i));
        for (const r of resources) {
            this.byUrn.set(r.urn, r);
            push(this.byType, r.type, r);
            for (const t of tokensOf(r)) push(this.byToken, t, r);
        }
    }

    /** The work this index has done. */
    get stats(): Readonly<IndexStats> {
        return this.own;
    }

    private count(lookups: number, visited: number): void {
        this.own.lookups += lookups;
        this.own.visited += visited;
        indexWork.lookups += lookups;
        indexWork.visited += visited;
    }

    get(urn: string): R | undefined {
        this.count(1, 0);
        return this.byUrn.get(urn);
    }

    /** The resources of any of `types`, in plan order per type. */
    ofType(...types: readonly string[]): R[] {
        this.count(1, 0);
        const out = types.length === 1 ? [...(this.byType.get(types[0]!) ?? [])] : this.resources.filter((r) => types.includes(r.type));
        this.count(0, types.length === 1 ? out.length : this.resources.length);
        return out;
    }

    /** The given resources once each, in plan order (for messages that list them). */
    inPlanOrder(rs: Iterable<R>): R[] {
        return [...new Set(rs)].sort((a, b) => (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0));
    }

    /** true when the plan has a resource of any of `types`. */
    has(...types: readonly string[]): boolean {
        this.count(1, 0);
        return types.some((t) => (this.byType.get(t)?.length ?? 0) > 0);
    }

    /** Every resource one string points at, strongest match first. */
    private lookup(s: string, types: ReadonlySet<string> | undefined): Found<R>[] {
        this.count(1, 0);
        const best = new Map<R, number>();
        for (const key of lookupKeys(s)) {
            for (const r of this.byToken.get(key.token) ?? []) {
                this.count(0, 1);
                if (types !== undefined && !types.has(r.type)) continue;
                if (!keyFits(s, key, r)) continue;
                best.set(r, Math.max(best.get(r) ?? 0, key.strength));
            }
        }
        return [...best].map(([resource, strength]) => ({ resource, strength }));
    }

    /** The dependencies that answer `key` of `source`: the input's own, else the resource's. */
    private dependenciesOf(source: R, key?: string): Set<string> {
        const own = key === undefined ? undefined : source.propertyDependencies?.[key];
        return new Set(own ?? source.dependsOn ?? []);
    }

    /**
     * The resources of `types` that `value` points at, best first: those `source` depends on,
     * then stronger matches, then longer names. `from` names the resource and input the value
     * was read from, so an unknown value can be answered by dependencies.
     */
    resolve(value: unknown, types: readonly string[], from?: { readonly source: R; readonly key?: string }): R[] {
        const wanted = new Set(types);
        if (isUnknown(value)) {
            if (from === undefined) return [];
            return [...this.dependenciesOf(from.source, from.key)]
                .map((urn) => this.byUrn.get(urn))
                .filter((r): r is R => r !== undefined && wanted.has(r.type) && r !== from.source);
        }
        const deps = from === undefined ? new Set<string>() : this.dependenciesOf(from.source, from.key);
        const found = new Map<R, number>();
        for (const s of referenceStrings(value)) {
            for (const f of this.lookup(s, wanted)) {
                if (f.resource === from?.source) continue;
                const score = (deps.has(f.resource.urn) ? 1_000_000 : 0) + f.strength * 10_000 + f.resource.name.length;
                found.set(f.resource, Math.max(found.get(f.resource) ?? 0, score));
            }
        }
        return [...found].sort((a, b) => b[1] - a[1]).map(([r]) => r);
    }

    /** The resources of `types` that input `key` of `source` points at, best first. */
    resolveInput(source: R, key: string, ...types: readonly string[]): R[] {
        return this.resolve(inputsOf(source)[key], types, { source, key });
    }

    /**
     * The resources of `type` whose input `key` points at `target`: a bucket's policies, a VPC's
     * flow logs. The first question about a (type, key) indexes every resource of the type once.
     */
    referencing(type: string, key: string, target: R): R[] {
        const id = `${type}\u0000${key}`;
        let byTarget = this.reverse.get(id);
        if (byTarget === undefined) {
            byTarget = new Map();
            for (const source of this.byType.get(type) ?? []) {
                const value = inputsOf(source)[key];
                const targets = isUnknown(value)
                    ? [...this.dependenciesOf(source, key)].map((urn) => this.byUrn.get(urn)).filter((r): r is R => r !== undefined)
                    : referenceStrings(value).flatMap((s) => this.lookup(s, undefined).map((f) => f.resource));
                for (const t of new Set(targets)) if (t !== source) push(byTarget, t, source);
            }
            this.reverse.set(id, byTarget);
        }
        this.count(1, 0);
        const out = byTarget.get(target) ?? [];
        this.count(0, out.length);
        return [...out];
    }

    /**
     * The candidates the strings in `value` (one input of `source`) point at, for the report's
     * arrows: a string that matches one candidate counts; one that matches several counts only
     * for those `source` depends on, since a missing arrow is better than a wrong one.
     */
    pointedAt(source: R, value: unknown, candidates: Iterable<R>): R[] {
        const pool = new Set(candidates);
        pool.delete(source);
        const types = new Set([...pool].map((r) => r.type));
        const confirmed = this.dependenciesOf(source);
        const out = new Set<R>();
        for (const s of stringsIn(value)) {
            const found = this.lookup(s, types).map((f) => f.resource).filter((r) => pool.has(r));
            if (found.length === 1) out.add(found[0]!);
            else for (const r of found) if (confirmed.has(r.urn)) out.add(r);
        }
        return [...out];
    }

    /** The candidates `source` points at: through its dependencies or any of its inputs. */
    pointedAtBy(source: R, candidates: Iterable<R>): R[] {
        const pool = new Set(candidates);
        pool.delete(source);
        const out = new Set(this.pointedAt(source, inputsOf(source), pool));
        for (const urn of source.dependsOn ?? []) {
            const r = this.byUrn.get(urn);
            if (r !== undefined && pool.has(r)) out.add(r);
        }
        return [...out];
    }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
}

const INDEXES = new WeakMap<readonly Referable[], PlanIndex<Referable>>();

/**
 * The index of one list of resources, built on first use and kept while the list lives: the
 * engine passes one list to every control, so one plan is indexed once.
 */
export function planOf<R extends Referable>(resources: readonly R[]): PlanIndex<R> {
    let index = INDEXES.get(resources) as PlanIndex<R> | undefined;
    if (index === undefined) {
        index = new PlanIndex(resources);
        INDEXES.set(resources, index as unknown as PlanIndex<Referable>);
    }
    return index;
}

/** The resources of any of `types` in a list, through the list's index. */
export function ofType<R extends Referable>(resources: readonly R[], ...types: readonly string[]): R[] {
    return planOf(resources).ofType(...types);
}

/** The resources of `types` in a list that `value` points at, best first. */
export function referenced<R extends Referable>(value: unknown, resources: readonly R[], ...types: readonly string[]): R[] {
    return planOf(resources).resolve(value, types);
}

/** The resources of `type` whose input `key` points at `target`: the side resources of a bucket, topic or bus. */
export function attachedTo<R extends Referable>(resources: readonly R[], type: string, target: R, key = "bucket"): R[] {
    return planOf(resources).referencing(type, key, target);
}
