import type { ResourceRule } from "../types";
import { show } from "./read";

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
    check: (db) =>
        !supportsIamAuth(db.props.engine) || db.props.iamDatabaseAuthenticationEnabled === true
            ? []
            : [`iamDatabaseAuthenticationEnabled must be true (is ${show(db.props.iamDatabaseAuthenticationEnabled)})`],
};

export default control;
