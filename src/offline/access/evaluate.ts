/**
 * Evaluating contract calls with `@cloud-copilot/iam-simulate`: a role's identity policies, the
 * resource's policy (a key policy must allow directly or delegate to the account), a role's trust
 * policy for `sts:AssumeRole`, and the conditions against the call's request context.
 */
import { getDenialReasons, getGrantReasons, runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
// Installs the memo of the simulator's resource-type lookup before any simulation runs.
import "./memo";
import type { AccessModel, PlanDocument, Statement } from "./model";
import type { AccessCall, AccessDenial } from "./types";

/** What evaluating one call found: the verdict and the statements that allowed it. */
export interface CallResult {
    readonly call: AccessCall;
    readonly allowed: boolean;
    /** Statements (by object identity) whose Allow decided the call. */
    readonly grantedBy: readonly Statement[];
    readonly denial?: AccessDenial;
}

const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

function accountOf(arn: string, fallback: string): string {
    const account = arn.split(":")[4];
    return account !== undefined && /^\d{12}$/.test(account) ? account : fallback;
}

function label(m: AccessModel, urn: string | undefined): string {
    const r = m.resources.find((x) => x.urn === urn);
    return r === undefined ? "?" : `${r.type.split(":").pop()} ${r.name}`;
}

/**
 * iam-simulate 0.1.173 drops request context keys with a variable part unless it follows a `/`
 * (`aws:PrincipalTag/x`), so `kms:EncryptionContext:aws:logs:arn` never reaches a condition. Both
 * the conditions and the context carry such keys as `aws:PrincipalTag/<key>` instead: a string key
 * every action takes, compared by the same operators.
 */
const CARRIED = /^kms:EncryptionContext:/i;
const carried = (key: string) => (CARRIED.test(key) ? `aws:PrincipalTag/${key}` : key);

function carryConditions(s: Statement): Statement {
    if (s.Condition === undefined) return s;
    const condition = Object.fromEntries(Object.entries(s.Condition).map(([op, block]) => [op, Object.fromEntries(Object.entries(block).map(([k, v]) => [carried(k), v]))]));
    return { ...s, Condition: condition };
}

/** A document as the simulator takes it, without `skip`, with the original statement of each index. */
function prepared(d: PlanDocument, skip: Statement | undefined): { policy: object; originals: Statement[] } {
    const originals = d.document.Statement.filter((s) => s !== skip);
    return { policy: { ...d.document, Statement: originals.map(carryConditions) }, originals };
}

/** The policies that decide `call`, as iam-simulate takes them, with the documents they came from. */
function inputs(m: AccessModel, call: AccessCall, skip?: Statement) {
    const role = m.roles.get(call.principal);
    const keep = (d: PlanDocument) => prepared(d, skip);
    // A principal of another account (the ELB log writer) is allowed there by its own account.
    const foreign = role === undefined && call.principal.startsWith("arn:") && accountOf(call.principal, m.account) !== m.account;
    const identity = role !== undefined ? role.identity : [];
    const resource = call.action === "sts:AssumeRole" ? { doc: role === undefined ? m.roles.get(call.resource)?.trust : undefined, urn: m.roles.get(call.resource)?.resource.urn } : m.resourcePolicy(call.resource);
    return { role, identity, foreign, resource, keep };
}

export async function evaluateCall(m: AccessModel, call: AccessCall, skip?: Statement): Promise<CallResult> {
    const { role, identity, foreign, resource, keep } = inputs(m, call, skip);
    const ids = new Map(identity.map((d) => [d.id, keep(d)]));
    const resourceDoc = resource.doc === undefined ? undefined : keep(resource.doc);
    const context = Object.fromEntries(Object.entries(call.context).map(([k, v]) => [carried(k), v as string | string[]]));
    const simulation: Simulation = {
        request: {
            principal: call.principal,
            action: call.action,
            resource: { resource: call.resource, accountId: accountOf(call.resource, m.account) },
            contextVariables: { "aws:SecureTransport": "true", ...context },
        },
        identityPolicies: foreign ? [{ name: "their-account", policy: ALLOW_ALL }] : [...ids.entries()].map(([name, d]) => ({ name, policy: d.policy })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        ...(resourceDoc !== undefined ? { resourcePolicy: resourceDoc.policy } : {}),
    };
    const result = await runSimulation(simulation, {});
    if (result.resultType === "error") {
        return { call, allowed: false, grantedBy: [], denial: denial(m, call, role?.resource.urn ?? resource.urn ?? call.wiredBy, "input", `the simulator refused the call: ${result.errors.message}`) };
    }
    const analysis = result.resultType === "single" ? result.result.analysis : result.results[0]?.analysis;
    if (analysis !== undefined && result.overallResult === "Allowed") {
        const grantedBy = getGrantReasons(analysis).flatMap((g) => {
            const doc = g.policyType === "identity" ? ids.get(g.policyIdentifier) : g.policyType === "resource" ? resourceDoc : undefined;
            const s = doc?.originals[g.statementIndex - 1];
            return s === undefined ? [] : [s];
        });
        return { call, allowed: true, grantedBy };
    }
    const reasons = analysis === undefined ? [] : getDenialReasons(analysis);
    const byResource = reasons.some((r) => r.policyType === "resource") || role === undefined;
    const urn = byResource ? (resource.urn ?? call.wiredBy) : role.resource.urn;
    const what = call.action === "sts:AssumeRole" ? "trust" : byResource ? "resource" : "identity";
    const explicit = reasons.some((r) => r.denialType === "Explicit");
    const why = explicit ? "an explicit Deny matches it" : what === "identity" ? "no identity policy of the role allows it" : resource.doc === undefined ? "the resource has no policy that allows it" : "no statement of its policy allows it";
    return { call, allowed: false, grantedBy: [], denial: denial(m, call, urn, what, `${why}; change ${label(m, urn)}`) };
}

function denial(m: AccessModel, call: AccessCall, urn: string, deniedBy: string, why: string): AccessDenial {
    const ctx = Object.entries(call.context)
        .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : String(v)}`)
        .join(" ");
    return {
        urn,
        contract: call.contract,
        principal: call.principal,
        action: call.action,
        resource: call.resource,
        deniedBy,
        doc: call.doc,
        message: `${call.principal} cannot ${call.action} on ${call.resource}${ctx === "" ? "" : ` (context ${ctx})`}: ${why} (${call.contract}, ${call.doc})`,
    };
}
