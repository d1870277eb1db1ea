import type { ResourceRule } from "../types";
import { strings } from "./read";

const POSTGRES_LOGS = ["postgresql", "upgrade"];

const control: ResourceRule = {
    id: "RDS.9",
    title: "RDS DB instances should publish logs to CloudWatch Logs",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/10.2.1"],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation:
        "Set enabledCloudwatchLogsExports to include \"postgresql\" and \"upgrade\" on the PostgreSQL aws.rds.Instance.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-9",
    check: (db) => {
        if (db.props.engine !== "postgres") return [];
        const exported = strings(db.props.enabledCloudwatchLogsExports);
        const missing = POSTGRES_LOGS.filter((log) => !exported.includes(log));
        return missing.length === 0 ? [] : [`enabledCloudwatchLogsExports is missing ${missing.join(", ")}`];
    },
};

export default control;
