import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rdsEngineVersion, retiredVersionProblem } from "./DEPLOY.RdsEngineVersion";
import { run, target } from "../../../../test/support/policy/deploy";

const RDS = "aws:rds/instance:Instance";

describe("DEPLOY.RdsEngineVersion", () => {
    it("compliant: a major-only version, another engine's minor, or no version", () => {
        const findings = run(rdsEngineVersion, [
            target(RDS, "a", { engine: "postgres", engineVersion: "15", autoMinorVersionUpgrade: true }),
            target(RDS, "b", { engine: "postgres", engineVersion: "16" }),
            target(RDS, "c", { engine: "mysql", engineVersion: "8.0" }),
            target(RDS, "d", { engine: "postgres" }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: postgres 15.4, whose new instances are blocked", () => {
        const findings = run(rdsEngineVersion, [target(RDS, "db", { engine: "postgres", engineVersion: "15.4" })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /15\.4/);
        assert.match(findings[0]?.message ?? "", /blocked since 2024-12-09/);
        assert.match(findings[0]?.message ?? "", /use "15"/);
    });

    it("non-compliant 2: minors past end of standard support in 2026", () => {
        assert.match(retiredVersionProblem("postgres", "15.10") ?? "", /2026-05-31/);
        assert.match(retiredVersionProblem("postgres", "15.14") ?? "", /2026-10-31/);
    });

    it("non-compliant 3: any other explicit 15 minor, including on a cluster", () => {
        const findings = run(rdsEngineVersion, [target("aws:rds/cluster:Cluster", "c", { engine: "postgres", engineVersion: "15.15" })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /pinned to a minor version/);
    });
});
