import type { ResourceRule } from "../types";

// The names Security Hub's rds-instance-default-admin-check treats as defaults.
const DEFAULT_ADMINS = ["postgres", "admin"];

const control: ResourceRule = {
    id: "RDS.25",
    title: "RDS database instances should use a custom administrator username",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/2.2.2"],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation:
        "Set username on the aws.rds.Instance to a name other than the engine's default administrator (\"postgres\", \"admin\").",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-25",
    check: (db) =>
        typeof db.props.username === "string" && DEFAULT_ADMINS.includes(db.props.username.toLowerCase())
            ? [`username is "${db.props.username}", a default administrator name`]
            : [],
};

export default control;
