import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { num } from "./inputs";

describe("num", () => {
    const cases: readonly [unknown, number | undefined][] = [
        [256, 256],
        ["1024", 1024],
        [" 0.5 ", 0.5],
        ["1 vCPU", undefined],
        [Number.POSITIVE_INFINITY, undefined],
        [Number.NaN, undefined],
        [null, undefined],
        [true, undefined],
    ];
    for (const [input, expected] of cases) {
        it(`reads ${JSON.stringify(input) ?? String(input)} as ${String(expected)}`, () => {
            assert.equal(num(input), expected);
        });
    }
});
