import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { NAME_RULES, NameError, Namer, nameProblem, SUFFIX_MAX, SUFFIX_PATTERN, type NameKind } from "./naming";

const validSuffix = fc
    .string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-".split("")), minLength: 1, maxLength: SUFFIX_MAX })
    .filter((s) => SUFFIX_PATTERN.test(s));

/** Resource keys this library uses with their kinds (the tightest name of each kind). */
const USED: [string, string, NameKind][] = [
    ["fastcart", "redis", "elasticacheReplicationGroup"],
    ["fastcart", "postgres-subnets", "rdsInstance"],
    ["fastcart", "task-execution", "iamRole"],
    ["fastcart", "orders", "kinesisStream"],
    ["brazilcart", "redis", "elasticacheReplicationGroup"],
    ["brazilcart", "postgres-subnets", "rdsInstance"],
    ["brazilcart", "codebuild-deploy", "iamRole"],
    ["payment", "tg-green", "targetGroup"],
    ["payment", "alb", "loadBalancer"],
    ["svc", "github", "connection"],
];

describe("naming", () => {
    it("builds <system>-<resource>-<suffix>", () => {
        assert.equal(new Namer("fastcart", "dev").name("redis", "elasticacheReplicationGroup"), "fastcart-redis-dev");
    });

    it("rejects a name over the limit, naming the resource, the limit and the suffix", () => {
        const namer = new Namer("payment-service", "feature-x-1234");
        assert.throws(
            () => namer.name("target-green", "targetGroup"),
            (e: unknown) => e instanceof NameError && /target-green/.test(e.message) && /the limit is 32/.test(e.message) && /"feature-x-1234"/.test(e.message),
        );
    });

    const table: [NameKind, string, RegExp | undefined][] = [
        ["elasticacheReplicationGroup", "1redis", /start with a letter/],
        ["elasticacheReplicationGroup", "redis--dev", /two consecutive hyphens/],
        ["rdsInstance", "db-", /end with a hyphen/],
        ["s3Bucket", "My-Bucket", /lowercase/],
        ["s3Bucket", "192.168.1.1", /IP address/],
        ["s3Bucket", "ab", /minimum is 3/],
        ["loadBalancer", "-alb", /start or end with a hyphen/],
        ["lambdaFunction", "fn.name", /letters, digits/],
        ["iamRole", "a".repeat(65), /limit is 64/],
        ["s3Bucket", "artifacts-dev", undefined],
        ["targetGroup", "payment-tg-blue-dev", undefined],
    ];
    for (const [kind, value, problem] of table) {
        it(`${kind} "${value.length > 20 ? value.slice(0, 20) + "…" : value}" is ${problem ? "rejected" : "accepted"}`, () => {
            const found = nameProblem(value, kind);
            if (problem) assert.match(found ?? "", problem);
            else assert.equal(found, undefined);
        });
    }

    it("every valid suffix gives valid names for every name the systems use (property)", () => {
        fc.assert(
            fc.property(validSuffix, (suffix) => {
                for (const [system, resource, kind] of USED) {
                    const name = new Namer(system, suffix).name(resource, kind);
                    assert.ok(name.length <= NAME_RULES[kind].max);
                }
            }),
            { numRuns: 500 },
        );
    });

    it("a name is accepted exactly when it fits its rule (property)", () => {
        fc.assert(
            fc.property(fc.string({ minLength: 0, maxLength: 80 }), fc.constantFrom(...(Object.keys(NAME_RULES) as NameKind[])), (value, kind) => {
                const rule = NAME_RULES[kind];
                const fits = value.length >= rule.min && value.length <= rule.max && rule.charset.test(value) && rule.rules.every((r) => r.ok(value));
                assert.equal(nameProblem(value, kind) === undefined, fits);
            }),
            { numRuns: 1000 },
        );
    });
});
