import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { contextDigest, functionSettingsProblems } from "./lambda";

describe("functionSettingsProblems", () => {
    it("accepts Lambda's ranges, edges included", () => {
        assert.deepEqual(functionSettingsProblems({ memorySize: 128, timeoutSeconds: 1 }), []);
        assert.deepEqual(functionSettingsProblems({ memorySize: 10240, timeoutSeconds: 900, reservedConcurrency: 0 }), []);
    });

    const cases: [string, Parameters<typeof functionSettingsProblems>[0], RegExp][] = [
        ["too little memory", { memorySize: 127, timeoutSeconds: 30 }, /memorySize must be a whole number of MiB from 128 to 10240, got 127/],
        ["fractional memory", { memorySize: 1024.5, timeoutSeconds: 30 }, /memorySize/],
        ["a timeout above 15 minutes", { memorySize: 1024, timeoutSeconds: 901 }, /timeoutSeconds must be a whole number from 1 to 900, got 901/],
        ["a zero timeout", { memorySize: 1024, timeoutSeconds: 0 }, /timeoutSeconds/],
        ["a negative reserved concurrency", { memorySize: 1024, timeoutSeconds: 30, reservedConcurrency: -1 }, /reservedConcurrency must be a whole number, 0 or more/],
    ];
    for (const [what, settings, message] of cases) {
        it(`rejects ${what}`, () => {
            const problems = functionSettingsProblems(settings);
            assert.equal(problems.length, 1);
            assert.match(problems[0]!, message);
        });
    }

    it("reports every problem at once", () => {
        assert.equal(functionSettingsProblems({ memorySize: 64, timeoutSeconds: 0, reservedConcurrency: 1.5 }).length, 3);
    });
});

describe("contextDigest", () => {
    const made: string[] = [];
    after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
    const folder = (files: Record<string, string>): string => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bootstrap-"));
        made.push(dir);
        for (const [name, text] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            fs.writeFileSync(path.join(dir, name), text);
        }
        return dir;
    };

    it("is 12 hex digits, the same for the same files whatever order they were written in", () => {
        const a = contextDigest(folder({ Dockerfile: "FROM x\n", "index.mjs": "export {}\n", "lib/a.mjs": "1" }));
        const b = contextDigest(folder({ "lib/a.mjs": "1", "index.mjs": "export {}\n", Dockerfile: "FROM x\n" }));
        assert.match(a, /^[0-9a-f]{12}$/);
        assert.equal(a, b);
    });

    it("changes when a file's content, name or place changes", () => {
        const base = contextDigest(folder({ Dockerfile: "FROM x\n", "index.mjs": "export {}\n" }));
        assert.notEqual(contextDigest(folder({ Dockerfile: "FROM y\n", "index.mjs": "export {}\n" })), base);
        assert.notEqual(contextDigest(folder({ Dockerfile: "FROM x\n", "main.mjs": "export {}\n" })), base);
        assert.notEqual(contextDigest(folder({ Dockerfile: "FROM x\n", "src/index.mjs": "export {}\n" })), base);
    });

    it("digests the project's bootstrap folder", () => {
        assert.match(contextDigest(path.join(__dirname, "..", "..", "stacks", "service-pipeline", "bootstrap")), /^[0-9a-f]{12}$/);
    });
});
