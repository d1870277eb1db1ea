import type { ResourceRule } from "../types";
import { show } from "./read";

const INTERVALS = [1, 5, 10, 15, 30, 60];

const control: ResourceRule = {
    id: "RDS.6",
    title: "Enhanced monitoring should be configured for RDS DB instances",
    kind: "security",
    scope: "resource",
    severity: "Low",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation:
        "Set monitoringInterval to one of 1, 5, 10, 15, 30 or 60 and monitoringRoleArn to a role trusted by monitoring.rds.amazonaws.com on the aws.rds.Instance.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-6",
    check: (db) => {
        const findings: string[] = [];
        if (!INTERVALS.includes(db.props.monitoringInterval as number)) {
            findings.push(`monitoringInterval must be one of ${INTERVALS.join(", ")} (is ${show(db.props.monitoringInterval)})`);
        }
        if (typeof db.props.monitoringRoleArn !== "string" || db.props.monitoringRoleArn === "") {
            findings.push("monitoringRoleArn must be set to the enhanced-monitoring role");
        }
        return findings;
    },
};

export default control;
