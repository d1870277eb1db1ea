import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { planned } from "./fixtures";
import { num, refersTo } from "./inputs";

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

describe("refersTo", () => {
    const td = planned("aws:ecs/taskDefinition:TaskDefinition", "api-task");
    const cases: readonly [string, boolean][] = [
        ["api-task", true],
        ["api-task-id", true],
        ["arn:aws:ecs:eu-central-1:123456789012:task-definition/api-task", true],
        ["arn:aws:ecs:eu-central-1:123456789012:task-definition/orders-api:3", true],
        ["orders-api", true],
        ["orders-api:12", true],
        ["arn:aws:ecs:eu-central-1:123456789012:task-definition/my-api-task", false],
        ["my-orders-api:3", false],
        ["api-task-id-2", false],
        ["orders-api:latest", false],
    ];
    for (const [ref, expected] of cases) {
        it(`${expected ? "matches" : "does not match"} ${ref}`, () => {
            assert.equal(refersTo(ref, td, ["orders-api"]), expected);
        });
    }
});
