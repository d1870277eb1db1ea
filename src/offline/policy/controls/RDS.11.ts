import type { ResourceRule } from "../types";
import { show } from "./read";

const MINIMUM_DAYS = 7;
// AWS keeps automated backups for 1 day when backupRetentionPeriod is not given.
const AWS_DEFAULT_DAYS = 1;

const control: ResourceRule = {
    id: "RDS.11",
    title: "RDS instances should have automatic backups enabled",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation: "Set backupRetentionPeriod to at least 7 days on the aws.rds.Instance.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-11",
    check: (db) => {
        if (db.props.replicateSourceDb !== undefined) return [];
        const days = (db.props.backupRetentionPeriod as number | undefined) ?? AWS_DEFAULT_DAYS;
        return days >= MINIMUM_DAYS
            ? []
            : [`backupRetentionPeriod must be at least ${MINIMUM_DAYS} (is ${show(db.props.backupRetentionPeriod)})`];
    },
};

export default control;
