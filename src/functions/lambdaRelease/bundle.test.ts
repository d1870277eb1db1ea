import assert from "node:assert/strict";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { before, describe, it } from "node:test";
import { bundleReleaseFunction } from "./bundle";

/** Modules the bundle may load at run time: Node's own and the SDK the Lambda runtime provides. */
function isProvidedByRuntime(specifier: string): boolean {
    return specifier.startsWith("@aws-sdk/") || specifier.startsWith("node:") || builtinModules.includes(specifier);
}

describe("bundleReleaseFunction", () => {
    let source: string;
    let buildMs: number;

    before(() => {
        const started = performance.now();
        source = bundleReleaseFunction();
        buildMs = performance.now() - started;
    });

    it("builds one small CommonJS file in seconds", () => {
        assert.match(source, /module\.exports = __toCommonJS\(/);
        // Classic zod with every locale would be about 780 kB; the inline asset stays small.
        assert.ok(source.length > 20_000 && source.length < 200_000, `${source.length} characters`);
        assert.ok(buildMs < 5000, `built in ${Math.round(buildMs)} ms`);
    });

    it("builds the same text every time, so the asset changes only with the code", () => {
        assert.equal(bundleReleaseFunction(), source);
    });

    it("requires only Node built-ins and the AWS SDK, leaving no TypeScript or machine paths", () => {
        const required = [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] ?? "");
        assert.ok(required.includes("@aws-sdk/client-lambda"));
        assert.ok(required.includes("@aws-sdk/lib-dynamodb"));
        assert.deepEqual(required.filter((specifier) => !isProvidedByRuntime(specifier)), []);
        assert.equal(source.includes(path.resolve(__dirname, "..", "..", "..")), false);
        assert.doesNotMatch(source, /require\(["'](tsx|esbuild|zod)["']\)/);
    });

    it("exports a handler that runs outside the repository's TypeScript loader", async () => {
        const realRequire = createRequire(__filename);
        const loaded: string[] = [];
        const sandboxRequire = (specifier: string): unknown => {
            if (!isProvidedByRuntime(specifier)) throw new Error(`the bundle required ${specifier}`);
            loaded.push(specifier);
            return realRequire(specifier);
        };
        const module = { exports: {} as Record<string, unknown> };
        new Function("require", "module", "exports", source)(sandboxRequire, module, module.exports);

        const handler = module.exports.handler;
        assert.equal(typeof handler, "function");
        assert.ok(loaded.includes("@aws-sdk/client-codepipeline"));
        // An event with no job id touches no AWS API, so this runs offline.
        await assert.rejects(
            (handler as (event: unknown, context: unknown) => Promise<unknown>)({}, { getRemainingTimeInMillis: () => 1000 }),
            /not a CodePipeline job/,
        );
    });
});
