/**
 * The loader defers TypeScript (loaded by `@pulumi/pulumi` for closure serialisation only) behind
 * a stand-in module; `npm test` runs every file under it. Both import forms must still see the
 * real package through the stand-in, or code that parses TypeScript (test/tsdoc.test.ts) breaks.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import ts from "typescript";
import * as tsNamespace from "typescript";

test("a default and a namespace import of a deferred package both reach the real package", () => {
    assert.equal(typeof ts.createSourceFile, "function");
    assert.equal(typeof tsNamespace.createSourceFile, "function");
    const source = ts.createSourceFile("a.ts", "export const a = 1;", ts.ScriptTarget.Latest);
    assert.equal(source.statements.length, 1);
});
