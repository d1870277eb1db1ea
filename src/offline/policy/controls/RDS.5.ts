import type { ResourceControl } from "../types";
import { DEV_ADVISORY, show } from "./util";

const control: ResourceControl = {
    id: "RDS.5",
    title: "RDS DB instances should be configured with multiple Availability Zones",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation: "Set multiAz to true on the aws.rds.Instance.",
    levels: DEV_ADVISORY,
    levelReason: "A standby instance doubles the database cost; dev reports it without blocking.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-5",
    check: (db) => (db.props.multiAz === true ? [] : [`multiAz must be true (is ${show(db.props.multiAz)})`]),
};

export default control;
