/**
 * Small synthetic plans for the access check's integration cases, and the runner that checks them
 * cdk-nag style: per integration one passing plan and numbered failing plans, each failing one
 * naming exactly the calls it denies (principal, action, resource, the resource to change) and the
 * AWS page of the contract row behind each. The plans go straight to the access check: no program
 * runs, so a case costs milliseconds.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluateAccess } from "../../src/offline/access";
import { CONTRACTS, type ContractId } from "../../src/offline/access/contracts/table";
import type { AccessResource } from "../../src/offline/access/types";
import { ACCESS_POLICIES, accessViolations } from "../../src/offline/access/violations";
import { MOCK_ACCOUNT_ID } from "../../src/offline/model/mocks";

export const A = MOCK_ACCOUNT_ID;
export const R = "us-east-1";

export type Doc = Record<string, unknown>;

export const res = (type: string, name: string, inputs: Record<string, unknown>): AccessResource => ({ urn: `urn:pulumi:dev::cases::${type}::${name}`, type, name, inputs });
export const doc = (...Statement: readonly Doc[]) => JSON.stringify({ Version: "2012-10-17", Statement });

export const roleArn = (name: string) => `arn:aws:iam::${A}:role/${name}`;
export const keyArn = (name: string) => `arn:aws:kms:${R}:${A}:key/${name}-key-id`;
export const logArn = (group: string) => `arn:aws:logs:${R}:${A}:log-group:${group}`;
export const arn = (service: string, rest: string) => `arn:aws:${service}:${R}:${A}:${rest}`;

/** The account's own administration of a key: what lets identity policies grant its use. */
export const KEY_ROOT: Doc = { Sid: "Account", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: "kms:*", Resource: "*" };

export function allow(sid: string, action: string | readonly string[], resource: string | readonly string[], condition?: Doc): Doc {
    return { Sid: sid, Effect: "Allow", Action: action, Resource: resource, ...(condition === undefined ? {} : { Condition: condition }) };
}

/** A statement of a resource or key policy for a principal. */
export function grant(sid: string, principal: Doc, action: string | readonly string[], resource: string | readonly string[], condition?: Doc): Doc {
    return { ...allow(sid, action, resource, condition), Principal: principal };
}

/** `kms:ViaService` for `service` in the cases' region. */
export const via = (service: string): Doc => ({ StringEquals: { "kms:ViaService": `${service}.${R}.amazonaws.com` } });

/** A role `service` may assume (with `condition` on its trust statement), carrying `statements` inline. */
export function role(name: string, service: string, statements: readonly Doc[], condition: Doc = { StringEquals: { "aws:SourceAccount": A } }): AccessResource {
    const trust = doc({ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole", Condition: condition });
    return res("aws:iam/role:Role", name, { name, assumeRolePolicy: trust, ...(statements.length > 0 ? { inlinePolicies: [{ name: "grants", policy: doc(...statements) }] } : {}) });
}

/** A customer key whose policy is `statements` (add KEY_ROOT to let identity policies grant it). */
export const key = (name: string, ...statements: readonly Doc[]) => res("aws:kms/key:Key", name, { policy: doc(...statements) });

/** Parts of a plan by name, so a failing case replaces or drops one part of the passing plan. */
export type Parts = Readonly<Record<string, AccessResource | readonly AccessResource[] | undefined>>;

export function plan(parts: Parts): AccessResource[] {
    return Object.values(parts).flatMap((p) => (p === undefined ? [] : Array.isArray(p) ? [...(p as readonly AccessResource[])] : [p as AccessResource]));
}

/** A call a failing case must deny: the contract row, who calls, what, on what, and the resource to change. */
export type Denied = readonly [contract: ContractId, principal: string, action: string, resource: string, change: string];

export interface FailingCase {
    readonly why: string;
    readonly plan: readonly AccessResource[];
    readonly denied: readonly Denied[];
}

export interface Integration {
    readonly name: string;
    readonly pass: readonly AccessResource[];
    /** Rows the passing plan must exercise, so it proves the calls are made and allowed, not absent. */
    readonly rows: readonly ContractId[];
    readonly fails: readonly FailingCase[];
}

const key4 = (d: Denied) => d.join(" | ");

/** One describe per integration: the passing case, then `fails N: why` per failing case. */
export function checkIntegrations(integrations: readonly Integration[]): void {
    for (const g of integrations) {
        describe(`access: ${g.name}`, () => {
            it("passes: every call its contract rows derive is allowed, and every document is valid", async () => {
                const { report, results } = await evaluateAccess(g.pass, { region: R });
                assert.deepEqual(report.denied.map((d) => d.message), []);
                assert.deepEqual(report.documents.map((d) => d.message), []);
                const made = new Set(results.map((r) => r.call.contract));
                assert.deepEqual(g.rows.filter((row) => !made.has(row)), [], "rows the passing plan never calls");
            });
            g.fails.forEach((c, i) => {
                it(`fails ${i + 1}: ${c.why}`, async () => {
                    const { report } = await evaluateAccess(c.plan, { region: R });
                    const got = report.denied.map((d): Denied => [d.contract as ContractId, d.principal, d.action, d.resource, d.urn.split("::").pop() ?? ""]);
                    assert.deepEqual(got.map(key4).sort(), c.denied.map(key4).sort());
                    const violations = accessViolations(report).filter((v) => v.policy === ACCESS_POLICIES.denied);
                    for (const [contract, principal, action, resource] of c.denied) {
                        const v = violations.find((x) => x.message.startsWith(`${principal} cannot ${action} on ${resource}`));
                        assert.ok(v, `no ACCESS.Denied for ${principal} ${action} ${resource}`);
                        assert.equal(v.level, "mandatory");
                        assert.ok(v.message.includes(`(${contract}, ${CONTRACTS[contract].doc})`), v.message);
                    }
                });
            });
        });
    }
}
