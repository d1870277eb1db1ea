import type { ResourceRule } from "../types";
import { mustBeTrue } from "./read";

function supportsIamAuth(engine: unknown): boolean {
    return typeof engine === "string" && /^(mysql|postgres|mariadb|aurora)/.test(engine);
}

const control: ResourceRule = {
    id: "RDS.10",
    title: "IAM authentication should be configured for RDS instances",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation: "Set iamDatabaseAuthenticationEnabled to true on the aws.rds.Instance.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-10",
    check: mustBeTrue("iamDatabaseAuthenticationEnabled", (db) => supportsIamAuth(db.props.engine)),
};

export default control;
