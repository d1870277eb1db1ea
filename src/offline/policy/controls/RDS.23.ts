import type { ResourceRule } from "../types";

const DEFAULT_PORTS: Record<string, number> = {
    postgres: 5432,
    mysql: 3306,
    mariadb: 3306,
    "oracle-ee": 1521,
    "oracle-se2": 1521,
    "sqlserver-ee": 1433,
    "sqlserver-se": 1433,
    "sqlserver-ex": 1433,
    "sqlserver-web": 1433,
};

const control: ResourceRule = {
    id: "RDS.23",
    title: "RDS instances should not use a database engine default port",
    kind: "security",
    scope: "resource",
    severity: "Low",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation:
        "Set port on the aws.rds.Instance to a value other than the engine default (5432 for PostgreSQL) and open that port in its security group.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-23",
    check: (db) => {
        if (db.props.port === undefined) return ["port is unset, so the engine default port is used; set a custom port"];
        const engineDefault = DEFAULT_PORTS[String(db.props.engine)];
        return db.props.port === engineDefault ? [`port is ${engineDefault}, the ${String(db.props.engine)} default`] : [];
    },
};

export default control;
