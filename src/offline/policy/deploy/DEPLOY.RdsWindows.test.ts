import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rdsWindows } from "./DEPLOY.RdsWindows";
import { previewInputs, run, target, UNKNOWN_STRING } from "../../../../test/support/policy/deploy";

const DB = "aws:rds/instance:Instance";

describe("DEPLOY.RdsWindows", () => {
    it("compliant: separate windows of an hour each", () => {
        assert.deepEqual(run(rdsWindows, [target(DB, "db", { backupWindow: "02:00-03:00", maintenanceWindow: "sun:03:30-sun:04:30" })]), []);
    });

    it("non-compliant: the backup window overlaps Sunday's maintenance, with the rule's link", () => {
        const [f] = run(rdsWindows, [target(DB, "db", { backupWindow: "03:00-04:00", maintenanceWindow: "sun:03:30-sun:04:30" })]);
        assert.match(f?.message ?? "", /db: backupWindow "03:00-04:00" overlaps maintenanceWindow .*API_CreateDBInstance/);
    });

    it("a cluster's preferred windows are read too; an unknown window is not evaluated", () => {
        assert.equal(run(rdsWindows, [target("aws:rds/cluster:Cluster", "c", { preferredBackupWindow: "02:00-02:10" })]).length, 1);
        assert.deepEqual(run(rdsWindows, [target(DB, "db", previewInputs({ backupWindow: UNKNOWN_STRING, maintenanceWindow: "sun:03:30-sun:04:30" }))]), []);
    });
});
