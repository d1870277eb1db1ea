/**
 * The access check on the product's stacks: no denied call, no reference problem, and the
 * mutation property: removing any single Allow statement either denies a contract call (named in
 * the denial) or was reported unused. Mutations re-evaluate in process on the cached plans, only
 * the calls the removed statement allowed, with the same evaluator the check uses.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluateAccess } from "../src/offline/access";
import { evaluateCall } from "../src/offline/access/evaluate";
import { statementName } from "../src/offline/access/reference";
import { plan, PRODUCT_STACKS } from "./helpers";

const STACKS = PRODUCT_STACKS;

describe("access: every product stack", () => {
    for (const [project, stack] of STACKS) {
        it(`${project}/${stack}: every contract call is allowed, every document is valid, and every Allow is needed or reported unused`, async () => {
            const p = await plan(project, stack);
            const { report, model, results } = await evaluateAccess(p.resources, { region: p.region });
            assert.ok(report.checked > 0);
            assert.deepEqual(report.denied.map((d) => d.message), []);
            assert.deepEqual(report.documents.map((d) => d.message), []);
            assert.deepEqual(p.access?.checked, report.checked, "the plan carries the same access report");
            const unused = new Set(report.unused.map((u) => `${u.urn}\u0000${u.statement}`));
            for (const doc of model.documents) {
                for (const [i, s] of doc.document.Statement.entries()) {
                    if (s.Effect !== "Allow") continue;
                    const affected = results.filter((r) => r.grantedBy.includes(s));
                    const after = await Promise.all(affected.map((r) => evaluateCall(model, r.call, s)));
                    const failed = after.filter((r) => !r.allowed);
                    const name = statementName(s, i);
                    if (failed.length > 0) {
                        for (const f of failed) assert.match(f.denial!.message, new RegExp(f.call.action.replace(/[.*]/g, "\\$&")));
                        continue;
                    }
                    // Statements of the account's own administration are nobody's contract and not reported.
                    const reported = unused.has(`${doc.urn}\u0000${name}`) || affected.length > 0 || !/"Service"|role\//.test(JSON.stringify(s.Principal ?? "role/")) ;
                    assert.ok(reported, `${doc.urn} ${name}: removing it denies no call, yet it is not reported unused`);
                }
            }
        });
    }
});
