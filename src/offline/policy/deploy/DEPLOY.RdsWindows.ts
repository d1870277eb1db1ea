/** RDS refuses a backup window that overlaps the maintenance window, or either under 30 minutes. */
import { RDS_WINDOWS_SOURCE, rdsWindowProblems } from "../../../aws/rds";
import type { ResourceRule } from "../types";
import { str } from "./read";
import { readInput } from "./unknown";

export const rdsWindows: ResourceRule = {
    id: "DEPLOY.RdsWindows",
    title: "RDS backup and maintenance windows are well formed and do not overlap",
    kind: "deployability",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    remediation: 'Give backupWindow ("02:00-03:00") and maintenanceWindow ("sun:03:30-sun:04:30") at least 30 minutes each, apart from each other.',
    source: RDS_WINDOWS_SOURCE,
    check(resource) {
        const cluster = resource.type === "aws:rds/cluster:Cluster";
        const backup = str(readInput(resource.props, cluster ? "preferredBackupWindow" : "backupWindow"));
        const maintenance = str(readInput(resource.props, cluster ? "preferredMaintenanceWindow" : "maintenanceWindow"));
        return rdsWindowProblems(backup, maintenance).map((p) => `${resource.name}: ${p} [rule: ${RDS_WINDOWS_SOURCE}].`);
    },
};
