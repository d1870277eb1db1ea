/**
 * The access check: can every AWS service make the calls it will make? It derives the calls of
 * every integration the plan wires (contracts/), evaluates each across the plan's identity,
 * resource, key and trust policies with an IAM evaluator, reports the denied ones (mandatory, on
 * the resource whose policy must change) and the grants no call needs (advisory), and checks every
 * document against the Service Authorization Reference. Its one input is the plan's resources.
 */
import { MOCK_ACCOUNT_ID } from "../model/mocks";
import { codeBuildCalls, pipelineCalls } from "./contracts/delivery";
import { codeDeployCalls, lambdaCalls } from "./contracts/deploy";
import { ecsCalls } from "./contracts/ecs";
import { signalCalls } from "./contracts/signals";
import { evaluateCall, type CallResult } from "./evaluate";
import { asArray, buildModel, type AccessModel, type PlanDocument, type Statement } from "./model";
import { documentProblems, REFERENCE, statementName } from "./reference";
import type { AccessCall, AccessReport, AccessResource, UnusedGrant } from "./types";

export type { AccessReport, AccessResource } from "./types";

export interface AccessOptions {
    readonly region: string;
    /** The account the plan's ARNs name; the offline planner's mock account when omitted. */
    readonly account?: string;
}

/** Every call the plan's integrations make, in a stable order. */
export function contractCalls(m: AccessModel): AccessCall[] {
    const all = [...ecsCalls(m), ...codeBuildCalls(m), ...pipelineCalls(m), ...codeDeployCalls(m), ...lambdaCalls(m), ...signalCalls(m)];
    const seen = new Set<string>();
    return all.filter((c) => {
        const key = `${c.principal}\u0000${c.action}\u0000${c.resource}\u0000${JSON.stringify(c.context)}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

/**
 * Statements a contract could need: identity and trust statements, and resource or key policy
 * statements for a principal other than the account itself (its administration is people's use,
 * which no contract describes).
 */
function accountable(m: AccessModel, d: PlanDocument, s: Statement): boolean {
    if (s.Effect !== "Allow") return false;
    if (d.kind === "identity" || d.kind === "trust") return d.kind === "identity" || !JSON.stringify(s.Principal ?? "").includes(`${m.account}:root`);
    const p = s.Principal;
    if (p === "*" || p === undefined) return false;
    const aws = typeof p === "object" && p !== null ? asArray((p as { AWS?: string | string[] }).AWS) : [];
    return !aws.some((a) => a === `arn:aws:iam::${m.account}:root` || a === m.account);
}

/**
 * Whether a call stays allowed without `s` because another statement of the same side allows it
 * too: IAM allows when a statement of the identity side (or of the resource side: resource, key or
 * trust policy) allows and nothing denies, so removing one of two allowing statements of a side
 * changes nothing. Only the calls this cannot tell are evaluated again.
 */
function alsoAllowedBy(side: ReadonlyMap<Statement, "identity" | "resource">, r: CallResult, s: Statement): boolean {
    return r.grantedBy.some((t) => t !== s && side.get(t) === side.get(s));
}

async function unusedGrants(m: AccessModel, results: readonly CallResult[]): Promise<UnusedGrant[]> {
    const callsOf = new Map<Statement, CallResult[]>();
    for (const r of results) for (const s of r.grantedBy) callsOf.set(s, [...(callsOf.get(s) ?? []), r]);
    const side = new Map<Statement, "identity" | "resource">();
    for (const d of m.documents) for (const s of d.document.Statement) side.set(s, d.kind === "identity" ? "identity" : "resource");
    const out: UnusedGrant[] = [];
    const seen = new Set<Statement>();
    for (const d of m.documents) {
        for (const [i, s] of d.document.Statement.entries()) {
            if (seen.has(s) || !accountable(m, d, s)) continue;
            seen.add(s);
            const name = statementName(s, i);
            const actions = asArray(s.Action);
            const granted = callsOf.get(s) ?? [];
            if (granted.length === 0) {
                out.push({ urn: d.urn, statement: name, actions, message: `${name} (${actions.join(", ")}) is allowed by no contract call: remove it, or add the contract that needs it` });
                continue;
            }
            // Needed only when some call it allows fails without it; otherwise another statement already allows each.
            const without = await Promise.all(granted.filter((r) => !alsoAllowedBy(side, r, s)).map((r) => evaluateCall(m, r.call, s)));
            if (without.every((r) => r.allowed)) {
                out.push({ urn: d.urn, statement: name, actions, message: `${name} (${actions.join(", ")}) adds nothing: every call it allows is also allowed by another statement` });
            }
        }
    }
    return out;
}

export interface AccessEvaluation {
    readonly report: AccessReport;
    readonly model: AccessModel;
    readonly results: readonly CallResult[];
}

export async function evaluateAccess(resources: readonly AccessResource[], opts: AccessOptions): Promise<AccessEvaluation> {
    const model = buildModel(resources, opts.region, opts.account ?? MOCK_ACCOUNT_ID);
    const calls = contractCalls(model);
    const results = await Promise.all(calls.map((c) => evaluateCall(model, c)));
    const report: AccessReport = {
        checked: calls.length,
        denied: results.flatMap((r) => (r.denial === undefined ? [] : [r.denial])),
        unused: await unusedGrants(model, results),
        documents: await documentProblems(model.documents),
        reference: REFERENCE,
    };
    return { report, model, results };
}

/** The plan's `access` field. */
export async function checkAccess(resources: readonly AccessResource[], opts: AccessOptions): Promise<AccessReport> {
    return (await evaluateAccess(resources, opts)).report;
}
