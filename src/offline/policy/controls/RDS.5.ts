import type { ResourceRule } from "../types";
import { show } from "./read";

const control: ResourceRule = {
    id: "RDS.5",
    title: "RDS DB instances should be configured with multiple Availability Zones",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation: "Set multiAz to true on the aws.rds.Instance.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-5",
    check: (db) => (db.props.multiAz === true ? [] : [`multiAz must be true (is ${show(db.props.multiAz)})`]),
};

export default control;
