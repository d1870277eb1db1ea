/**
 * Test fixtures for the security controls: small planned resources, and a table runner that
 * feeds every case through `runControl`, the same path the planner and the CrossGuard adapter use.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { runControl } from "../../../src/offline/policy/evaluate";
import type { CheckContext, PolicyTarget, Rule } from "../../../src/offline/policy/types";
import { target } from "../resources";

export const dev: CheckContext = { profile: "dev", region: "us-east-1" };
export const prod: CheckContext = { profile: "prod", region: "us-east-1" };

/** A planned resource as the mock runtime would record it, with the inputs given. */
export const res = target;

/** A builder of one resource type: `const db = builder("aws:rds/instance:Instance")`. */
export function builder(type: string): (props?: Record<string, unknown>, name?: string) => PolicyTarget {
    return (props = {}, name = defaultName(type)) => res(type, name, props);
}

function defaultName(type: string): string {
    const module = type.split(":")[1] ?? type;
    return module.split("/").pop() ?? module;
}

export interface Failing {
    /** What is wrong, in a few words; the test is named `non-compliant <n>: <why>`. */
    readonly why: string;
    readonly resources: readonly PolicyTarget[];
    /** The exact number of findings expected. */
    readonly findings: number;
    /** A property name every finding's message must contain. */
    readonly mentions: string;
    readonly ctx?: CheckContext;
}

export interface Passing {
    readonly why: string;
    readonly resources: readonly PolicyTarget[];
    readonly ctx?: CheckContext;
}

type Resources = PolicyTarget | readonly PolicyTarget[];

function asList(resources: Resources): readonly PolicyTarget[] {
    return Array.isArray(resources) ? (resources as readonly PolicyTarget[]) : [resources as PolicyTarget];
}

/** A compliant (or not applicable) case. */
export function pass(why: string, resources: Resources, ctx?: CheckContext): Passing {
    return { why, resources: asList(resources), ctx };
}

/** A non-compliant case: exactly `findings` findings, each naming `mentions`. */
export function fail(why: string, resources: Resources, mentions: string, findings = 1, ctx?: CheckContext): Failing {
    return { why, resources: asList(resources), mentions, findings, ctx };
}

/** How many passing and failing cases each control id was given, so a test can check none is missing. */
export const coverage = new Map<string, { passing: number; failing: number }>();

/** Registers one `describe` per control: each passing case yields no finding, each failing one exactly `findings`. */
export function controlCases(control: Rule, table: { passing: readonly Passing[]; failing: readonly Failing[] }): void {
    coverage.set(control.id, { passing: table.passing.length, failing: table.failing.length });
    describe(control.id, () => {
        for (const c of table.passing) {
            it(`compliant: ${c.why}`, () => {
                assert.deepEqual(runControl(control, c.resources, c.ctx ?? prod), []);
            });
        }
        table.failing.forEach((c, i) => {
            it(`non-compliant ${i + 1}: ${c.why}`, () => {
                const findings = runControl(control, c.resources, c.ctx ?? prod);
                assert.equal(findings.length, c.findings, JSON.stringify(findings));
                for (const f of findings) {
                    assert.ok(f.message.includes(c.mentions), `"${f.message}" should name ${c.mentions}`);
                    assert.ok(f.urn === undefined || c.resources.some((r) => r.urn === f.urn), `unknown urn ${f.urn}`);
                }
            });
        });
    });
}
