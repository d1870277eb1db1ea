import type { ResourceRule } from "../types";
import { show } from "./read";

// Dev stays mandatory: a destroyable dev stack waives this only through a written exception.
const control: ResourceRule = {
    id: "RDS.8",
    title: "RDS DB instances should have deletion protection enabled",
    kind: "security",
    scope: "resource",
    severity: "Low",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation: "Set deletionProtection to true on the aws.rds.Instance.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-8",
    check: (db) =>
        db.props.deletionProtection === true ? [] : [`deletionProtection must be true (is ${show(db.props.deletionProtection)})`],
};

export default control;
