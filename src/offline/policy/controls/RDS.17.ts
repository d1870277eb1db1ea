import type { ResourceRule } from "../types";
import { show } from "./read";

const control: ResourceRule = {
    id: "RDS.17",
    title: "RDS DB instances should be configured to copy tags to snapshots",
    kind: "security",
    scope: "resource",
    severity: "Low",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation: "Set copyTagsToSnapshot to true on the aws.rds.Instance.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-17",
    check: (db) =>
        db.props.copyTagsToSnapshot === true ? [] : [`copyTagsToSnapshot must be true (is ${show(db.props.copyTagsToSnapshot)})`],
};

export default control;
