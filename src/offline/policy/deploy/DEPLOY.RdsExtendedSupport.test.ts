import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rdsExtendedSupport } from "./DEPLOY.RdsExtendedSupport";
import { levelsOf } from "../levels";
import { run, target } from "../../../../test/support/policy/deploy";

const RDS = "aws:rds/instance:Instance";

describe("DEPLOY.RdsExtendedSupport", () => {
    it("is advisory in both profiles", () => {
        assert.deepEqual(levelsOf(rdsExtendedSupport.id).levels, { dev: "advisory", prod: "advisory" });
    });

    it("compliant: engineLifecycleSupport chosen either way, or an engine Extended Support does not cover", () => {
        const findings = run(rdsExtendedSupport, [
            target(RDS, "a", { engine: "postgres", engineLifecycleSupport: "open-source-rds-extended-support-disabled" }),
            target(RDS, "b", { engine: "postgres", engineLifecycleSupport: "open-source-rds-extended-support" }),
            target(RDS, "c", { engine: "sqlserver-ex" }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: engineLifecycleSupport unset on a postgres instance", () => {
        const findings = run(rdsExtendedSupport, [target(RDS, "db", { engine: "postgres", engineVersion: "15" })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /paid Extended Support when postgres 15 reaches/);
    });
});
