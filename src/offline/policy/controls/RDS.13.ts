import type { ResourceRule } from "../types";

const control: ResourceRule = {
    id: "RDS.13",
    title: "RDS automatic minor version upgrades should be enabled",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: ["PCI DSS v4.0.1/6.3.3"],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation: "Set autoMinorVersionUpgrade to true (or leave it unset) on the aws.rds.Instance.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-13",
    check: (db) => (db.props.autoMinorVersionUpgrade === false ? ["autoMinorVersionUpgrade is false; set it to true"] : []),
};

export default control;
