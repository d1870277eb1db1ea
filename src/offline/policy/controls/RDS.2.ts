import type { ResourceRule } from "../types";

const control: ResourceRule = {
    id: "RDS.2",
    title: "RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration",
    kind: "security",
    scope: "resource",
    severity: "Critical",
    pci: [
        "PCI DSS v3.2.1/1.2.1",
        "PCI DSS v3.2.1/1.3.1",
        "PCI DSS v3.2.1/1.3.2",
        "PCI DSS v3.2.1/1.3.4",
        "PCI DSS v3.2.1/1.3.6",
        "PCI DSS v3.2.1/7.2.1",
        "PCI DSS v4.0.1/1.4.4",
    ],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation: "Set publiclyAccessible to false (or leave it unset) on the aws.rds.Instance.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2",
    check: (db) => (db.props.publiclyAccessible === true ? ["publiclyAccessible is true; set it to false"] : []),
};

export default control;
