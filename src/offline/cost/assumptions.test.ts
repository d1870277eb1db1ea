import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
    ASSUMPTION_KEYS,
    DEFAULT_USAGE_ASSUMPTIONS,
    describeAssumption,
    describeAssumptions,
    resolveAssumptions,
} from "./assumptions";

describe("resolveAssumptions", () => {
    it("answers the defaults when nothing is overridden", () => {
        assert.deepEqual(resolveAssumptions(), DEFAULT_USAGE_ASSUMPTIONS);
        assert.deepEqual(resolveAssumptions({}), DEFAULT_USAGE_ASSUMPTIONS);
        assert.deepEqual(resolveAssumptions(undefined), DEFAULT_USAGE_ASSUMPTIONS);
    });

    it("applies an override and keeps the other defaults", () => {
        const resolved = resolveAssumptions({ natDataProcessedGb: 500, buildMinutes: 0 });
        assert.equal(resolved.natDataProcessedGb, 500);
        assert.equal(resolved.buildMinutes, 0);
        assert.equal(resolved.logIngestGb, DEFAULT_USAGE_ASSUMPTIONS.logIngestGb);
    });

    const bad: readonly [string, unknown, RegExp][] = [
        ["a negative value", { logIngestGb: -1 }, /costAssumptions\.logIngestGb: must be a number of 0 or more/],
        ["a string", { s3StorageGb: "10" }, /costAssumptions\.s3StorageGb: must be a number/],
        ["NaN", { lambdaRequests: Number.NaN }, /costAssumptions\.lambdaRequests/],
        ["an unknown key", { natDataGb: 10 }, /costAssumptions\.natDataGb: unknown assumption; known: natDataProcessedGb, /],
        ["not an object", 42, /costAssumptions: must be an object/],
    ];
    for (const [what, overrides, message] of bad) {
        it(`rejects ${what}, naming the key`, () => {
            assert.throws(() => resolveAssumptions(overrides), message);
        });
    }

    it("reports every bad key at once", () => {
        assert.throws(
            () => resolveAssumptions({ albLcus: -2, ecrStorageGb: "lots" }),
            (error: Error) => error.message.includes("costAssumptions.albLcus") && error.message.includes("costAssumptions.ecrStorageGb"),
        );
    });

    it("has a default of 0 or more for every key", () => {
        assert.equal(ASSUMPTION_KEYS.length, 13);
        for (const key of ASSUMPTION_KEYS) {
            assert.ok(DEFAULT_USAGE_ASSUMPTIONS[key] >= 0, key);
        }
    });
});

describe("describeAssumption", () => {
    it("says the value and the config key that overrides it", () => {
        assert.equal(
            describeAssumption("natDataProcessedGb", 100),
            "100 GB processed a month (override: costAssumptions.natDataProcessedGb)",
        );
        assert.equal(
            describeAssumption("natDataProcessedGb", 300, "split evenly over 3 NAT gateways"),
            "300 GB processed a month, split evenly over 3 NAT gateways (override: costAssumptions.natDataProcessedGb)",
        );
    });

    it("groups thousands and names every key of a combined line", () => {
        assert.equal(
            describeAssumptions([
                ["lambdaRequests", 2_500_000],
                ["lambdaAverageDurationMs", 120],
            ]),
            "2,500,000 requests a month, 120 ms per request (override: costAssumptions.lambdaRequests, costAssumptions.lambdaAverageDurationMs)",
        );
    });
});
