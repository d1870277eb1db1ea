/**
 * The Namer and the pack read one table of name rules (src/aws/names.ts). This proves the
 * consequence on the real programs: for every explicit name each system builds, and any valid
 * environment suffix in its place, a name the Namer would let through is one DEPLOY.NameLimits
 * (and so AWS) accepts.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { NAME_KINDS, NAME_LIMITS, nameProblems, type NameKind } from "../src/aws/names";
import { INPUT_MAPPINGS, UNMAPPED } from "../src/aws/inputs";
import { GLOBAL_TYPE_PREFIXES, REGIONAL_TYPES, SERVICE_REGIONS, serviceOf } from "../src/aws/services";
import { nameProblem, SUFFIX_MAX } from "../src/config/naming";
import { plan, SYSTEMS } from "./helpers";

const validSuffix = fc
    .array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 3 })
    .map((parts) => parts.join("-"))
    .filter((s) => s.length <= SUFFIX_MAX);

/** The Namer's kind for a type: its own row where the Namer has one, else the generic rule. */
function kindFor(type: string): NameKind {
    const limit = NAME_LIMITS.find((l) => l.type === type);
    const kind = (Object.keys(NAME_KINDS) as NameKind[]).find((k) => NAME_KINDS[k] === limit);
    return kind ?? "generic";
}

describe("AWS facts cover what the systems build", () => {
    it("every AWS resource type the systems plan is mapped onto the CloudFormation data, or listed as unmapped with a reason", async () => {
        const types = new Set<string>();
        for (const system of SYSTEMS) for (const stack of ["dev", "prod"]) for (const r of (await plan(system, stack)).resources) types.add(r.type);
        const uncovered = [...types].filter((t) => t.startsWith("aws:") && INPUT_MAPPINGS[t] === undefined && UNMAPPED[t] === undefined);
        assert.deepEqual(uncovered, []);
    });

    it("every resource type the systems plan is judged by DEPLOY.ServiceRegion through a service the data lists, or is global or not AWS", async () => {
        const types = new Set<string>();
        for (const system of SYSTEMS) for (const stack of ["dev", "prod"]) for (const r of (await plan(system, stack)).resources) if (r.custom) types.add(r.type);
        const unjudged = [...types].filter((t) => !REGIONAL_TYPES.includes(t) && !GLOBAL_TYPE_PREFIXES.some((p) => t.startsWith(p)));
        assert.deepEqual(unjudged, []);
        for (const t of REGIONAL_TYPES) assert.ok(SERVICE_REGIONS.services[serviceOf(t) ?? ""] !== undefined, t);
    });
});

describe("names each system builds", () => {
    it("with any valid suffix, a name the Namer accepts is one the pack accepts (property, 8 stacks)", async () => {
        const named: { type: string; template: string }[] = [];
        for (const system of SYSTEMS) {
            for (const stack of ["dev", "prod"]) {
                const p = await plan(system, stack);
                for (const r of p.resources) {
                    const limit = NAME_LIMITS.find((l) => l.type === r.type);
                    const name = limit === undefined ? undefined : r.inputs[limit.input];
                    if (typeof name === "string" && name.endsWith(`-${stack}`)) named.push({ type: r.type, template: name.slice(0, -stack.length) });
                }
            }
        }
        assert.ok(named.length > 100, `found ${named.length} names`);
        fc.assert(
            fc.property(validSuffix, (suffix) => {
                for (const { type, template } of named) {
                    const candidate = `${template}${suffix}`;
                    if (nameProblem(candidate, kindFor(type)) !== undefined) continue;
                    const limit = NAME_LIMITS.find((l) => l.type === type)!;
                    assert.deepEqual(nameProblems(limit, candidate), [], `${type} "${candidate}"`);
                }
            }),
            { numRuns: 300 },
        );
    });
});
