import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { readBundle, type BundleName } from "./dist";
import { BUILDERS } from "./write-bundles";

describe("committed bundles", () => {
    for (const name of Object.keys(BUILDERS) as BundleName[]) {
        it(`${name} is what its source builds today (else run \`npm run bundles\`)`, () => {
            assert.ok(readBundle(name) === BUILDERS[name](), `the committed ${name} bundle is stale: run \`npm run bundles\` and commit the result`);
        });
    }
});

describe("what a Pulumi program loads", () => {
    it("reads the committed bundles and never imports a bundler module (no esbuild build inside `pulumi up`)", () => {
        const repo = path.resolve(__dirname, "..", "..");
        const files = ["src/components", "src/config", "src/buildspecs", "stacks"].flatMap((dir) =>
            (fs.readdirSync(path.join(repo, dir), { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join(repo, dir, f)),
        );
        assert.ok(files.length > 20);
        const offenders = files.filter((f) => /from "[^"]*\/bundle"|from "esbuild"/.test(fs.readFileSync(f, "utf8")));
        assert.deepEqual(offenders.map((f) => path.relative(repo, f)), []);
    });
});
