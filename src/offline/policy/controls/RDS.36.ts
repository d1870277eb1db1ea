import type { ResourceRule } from "../types";
import { strings } from "./read";

const control: ResourceRule = {
    id: "RDS.36",
    title: "RDS for PostgreSQL DB instances should publish logs to CloudWatch Logs",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/10.4.2"],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation: "Set enabledCloudwatchLogsExports to include \"postgresql\" on the PostgreSQL aws.rds.Instance.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-36",
    check: (db) =>
        db.props.engine !== "postgres" || strings(db.props.enabledCloudwatchLogsExports).includes("postgresql")
            ? []
            : ['enabledCloudwatchLogsExports must include "postgresql"'],
};

export default control;
