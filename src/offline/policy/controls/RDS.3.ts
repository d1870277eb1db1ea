import type { ResourceRule } from "../types";
import { show } from "./read";

const control: ResourceRule = {
    id: "RDS.3",
    title: "RDS DB instances should have encryption at-rest enabled",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:rds/instance:Instance"],
    remediation:
        "Set storageEncrypted to true on the aws.rds.Instance (with kmsKeyId naming a customer managed key); encryption cannot be added after creation.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-3",
    check: (db) =>
        db.props.storageEncrypted === true ? [] : [`storageEncrypted must be true (is ${show(db.props.storageEncrypted)})`],
};

export default control;
