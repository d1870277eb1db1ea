/**
 * Runs every check against every planned resource of its type, a few at a time, and the
 * outputs check. A check may call only the actions it declares: an undeclared call is a bug
 * the policy test would also catch, and is reported as could-not-check.
 */
import { isDeepStrictEqual } from "node:util";
import type { PlannedResource } from "../offline/model/types";
import type { Action } from "./calls";
import { label, type Check, type Observation } from "./check";
import { CHECKS } from "./registry";
import { CannotCheck, NotFound, Verifier, type Finding } from "./verifier";

/** Resources checked at once: enough to finish a stack in seconds, few enough not to be throttled. */
export const CONCURRENCY = 8;

function scoped(v: Verifier, check: Check): Verifier {
    const call = (action: Action, input: never) => {
        if (!check.actions.includes(action)) return Promise.reject(new CannotCheck(`check ${check.id} calls ${action}, which it does not declare`));
        return v.call(action, input);
    };
    return Object.create(v, { call: { value: call } }) as Verifier;
}

function toFinding(check: Check, resource: string, o: Observation): Finding {
    if (o.pending !== undefined) return { status: "could-not-check", check: check.id, resource, property: o.property, found: o.found, expected: o.expected, reason: o.pending };
    const ok = o.ok ?? isDeepStrictEqual(o.found, o.expected);
    return { status: ok ? "pass" : "fail", check: check.id, resource, property: o.property, found: o.found ?? null, expected: o.expected ?? null };
}

async function runOne(v: Verifier, check: Check, r: PlannedResource): Promise<Finding[]> {
    const resource = label(r);
    try {
        return (await check.observe(r, scoped(v, check))).map((o) => toFinding(check, resource, o));
    } catch (e) {
        if (e instanceof NotFound) return [{ status: "fail", check: check.id, resource, property: "exists", found: `not found (${e.message})`, expected: "present, as planned" }];
        const reason = e instanceof CannotCheck ? e.message : `the verifier failed: ${(e as Error).stack ?? String(e)}`;
        return [{ status: "could-not-check", check: check.id, resource, property: "*", reason }];
    }
}

/** Outputs named as the design names them, with the values the plan fixes (names, not ids). */
function outputFindings(v: Verifier): Finding[] {
    return Object.entries(v.plan.outputs).map(([key, planned]): Finding => {
        const found = v.outputs[key];
        const resource = `stack output ${key}`;
        if (found === undefined) return { status: "fail", check: "stack.outputs", resource, property: "exists", found: "missing", expected: "present" };
        // Values the mock runtime makes up (ids, ARNs, endpoints) differ in a real account by design.
        const fixed = typeof planned === "string" && /^[a-z0-9][a-z0-9/_-]*$/.test(planned) && !planned.endsWith("-id");
        if (!fixed) return { status: "pass", check: "stack.outputs", resource, property: "exists", found: "present", expected: "present" };
        return { status: found === planned ? "pass" : "fail", check: "stack.outputs", resource, property: "value", found, expected: planned };
    });
}

async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array<R>(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]!);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

export async function runChecks(v: Verifier): Promise<Finding[]> {
    const jobs = CHECKS.flatMap((check) => v.ofType(check.type).map((r) => ({ check, r })));
    const results = await pool(jobs, CONCURRENCY, ({ check, r }) => runOne(v, check, r));
    return [...outputFindings(v), ...results.flat()];
}

export interface Summary {
    readonly pass: number;
    readonly fail: number;
    readonly couldNotCheck: number;
    readonly calls: number;
}

export function summarise(findings: readonly Finding[], v: Verifier): Summary {
    const count = (s: Finding["status"]) => findings.filter((f) => f.status === s).length;
    return { pass: count("pass"), fail: count("fail"), couldNotCheck: count("could-not-check"), calls: [...v.called.values()].reduce((a, b) => a + b, 0) };
}
