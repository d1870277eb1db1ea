import type { ResourceControl } from "../types";
import { MANDATORY, show } from "./util";

// Dev stays mandatory: a destroyable dev stack waives this only through a written exception.
const control: ResourceControl = {
    id: "RDS.8",
    title: "RDS DB instances should have deletion protection enabled",
    kind: "security",
    scope: "resource",
    severity: "Low",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation: "Set deletionProtection to true on the aws.rds.Instance.",
    levels: MANDATORY,
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-8",
    check: (db) =>
        db.props.deletionProtection === true ? [] : [`deletionProtection must be true (is ${show(db.props.deletionProtection)})`],
};

export default control;
