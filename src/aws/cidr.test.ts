import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { contains, defaultLayout, formatCidr, layoutProblems, overlaps, parseCidr } from "./cidr";

describe("parseCidr", () => {
    const bad: [string, RegExp][] = [
        ["10.0.0.0", /not an IPv4 CIDR/],
        ["10.0.0.256/24", /octet above 255/],
        ["10.0.0.0/33", /prefix above \/32/],
        ["10.0.1.0/16", /not aligned.*10\.0\.0\.0\/16/],
        ["ten.0.0.0/16", /not an IPv4 CIDR/],
    ];
    for (const [text, message] of bad) {
        it(`rejects ${text}`, () => assert.throws(() => parseCidr(text), message));
    }
    it("round-trips", () => assert.equal(formatCidr(parseCidr("172.16.32.0/20")), "172.16.32.0/20"));
});

describe("defaultLayout", () => {
    it("gives the designs' layout for a /16 and three AZs", () => {
        assert.deepEqual(defaultLayout("10.0.0.0/16", 3), {
            publicCidrs: ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"],
            privateCidrs: ["10.0.10.0/24", "10.0.11.0/24", "10.0.12.0/24"],
        });
    });
    it("refuses a VPC too small for the subnets", () => {
        assert.throws(() => defaultLayout("10.0.0.0/28", 2), /too small/);
    });

    it("never overlaps and stays inside the VPC (property)", () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 0, max: 255 }),
                fc.integer({ min: 0, max: 255 }),
                fc.integer({ min: 16, max: 24 }),
                fc.integer({ min: 1, max: 6 }),
                (a, b, prefix, azs) => {
                    const vpc = parseCidr(formatCidr({ base: (((10 << 24) | (a << 16) | (b << 8)) >>> 0) & (~0 << (32 - prefix)) >>> 0, prefix }));
                    const vpcText = formatCidr(vpc);
                    const layout = defaultLayout(vpcText, azs);
                    const all = [...layout.publicCidrs, ...layout.privateCidrs].map(parseCidr);
                    assert.equal(all.length, azs * 2);
                    for (const s of all) assert.ok(contains(vpc, s), `${formatCidr(s)} outside ${vpcText}`);
                    for (let i = 0; i < all.length; i++)
                        for (let j = i + 1; j < all.length; j++) assert.ok(!overlaps(all[i]!, all[j]!));
                    assert.deepEqual(layoutProblems(vpcText, all.map((c, i) => ({ name: `s${i}`, cidr: formatCidr(c) }))), []);
                },
            ),
            { numRuns: 300 },
        );
    });
});

describe("layoutProblems", () => {
    it("reports overlap, escape and size at once", () => {
        const problems = layoutProblems("10.0.0.0/16", [
            { name: "public-a", cidr: "10.0.0.0/24" },
            { name: "public-b", cidr: "10.0.0.128/25" },
            { name: "private-a", cidr: "10.1.0.0/24" },
            { name: "private-b", cidr: "10.0.20.0/29" },
        ]);
        assert.equal(problems.length, 3);
        assert.match(problems.join("\n"), /public-a 10\.0\.0\.0\/24 overlaps public-b/);
        assert.match(problems.join("\n"), /private-a 10\.1\.0\.0\/24 is not inside/);
        assert.match(problems.join("\n"), /smaller than \/28/);
    });
    it("rejects a VPC larger than /16", () => {
        assert.match(layoutProblems("10.0.0.0/8", [])[0]!, /between \/16 and \/28/);
    });
});
