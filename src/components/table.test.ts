import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { keySchemaProblems } from "./table";

describe("keySchemaProblems", () => {
    it("accepts a partition key with a sort key, and a partition key alone", () => {
        assert.deepEqual(keySchemaProblems({ hashKey: "id", rangeKey: "at", attributes: [{ name: "id", type: "S" }, { name: "at", type: "N" }] }), []);
        assert.deepEqual(keySchemaProblems({ hashKey: "id", attributes: [{ name: "id", type: "S" }] }), []);
    });

    const cases: [string, Parameters<typeof keySchemaProblems>[0], RegExp][] = [
        ["a key without a definition", { hashKey: "id", rangeKey: "at", attributes: [{ name: "id", type: "S" }] }, /key attribute "at" has no entry/],
        ["a definition of a non-key attribute", { hashKey: "id", attributes: [{ name: "id", type: "S" }, { name: "status", type: "S" }] }, /"status" is not a key/],
        ["an attribute defined twice", { hashKey: "id", attributes: [{ name: "id", type: "S" }, { name: "id", type: "N" }] }, /defined more than once/],
        ["the same attribute as both keys", { hashKey: "id", rangeKey: "id", attributes: [{ name: "id", type: "S" }] }, /sort key must differ/],
    ];
    for (const [what, keys, message] of cases) {
        it(`rejects ${what}`, () => {
            const problems = keySchemaProblems(keys);
            assert.ok(problems.some((p) => message.test(p)), problems.join("; "));
        });
    }
});
