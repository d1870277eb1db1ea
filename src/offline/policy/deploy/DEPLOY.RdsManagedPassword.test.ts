import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rdsManagedPassword } from "./DEPLOY.RdsManagedPassword";
import { run, target } from "../../../../test/support/policy/deploy";

describe("DEPLOY.RdsManagedPassword", () => {
    it("compliant: a managed password alone, or a password without management", () => {
        const findings = run(rdsManagedPassword, [
            target("aws:rds/instance:Instance", "a", { manageMasterUserPassword: true }),
            target("aws:rds/instance:Instance", "b", { password: "from-config-secret" }),
            target("aws:rds/cluster:Cluster", "c", { manageMasterUserPassword: true, masterPassword: "" }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: an instance with manageMasterUserPassword and password", () => {
        const findings = run(rdsManagedPassword, [
            target("aws:rds/instance:Instance", "db", { manageMasterUserPassword: true, password: "hunter2hunter2" }),
        ]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /manageMasterUserPassword is true and password is set/);
        assert.ok(!(findings[0]?.message ?? "").includes("hunter2"));
    });

    it("non-compliant 2: a cluster with manageMasterUserPassword and masterPassword", () => {
        const findings = run(rdsManagedPassword, [
            target("aws:rds/cluster:Cluster", "c", { manageMasterUserPassword: true, masterPassword: "x".repeat(20) }),
        ]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /masterPassword/);
    });
});
