import type { ResourceRule } from "../types";
import { block } from "./read";

const control: ResourceRule = {
    id: "DynamoDB.2",
    title: "DynamoDB tables should have point-in-time recovery enabled",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:dynamodb/table:Table"],
    remediation: "Set pointInTimeRecovery.enabled to true on the aws.dynamodb.Table.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-2",
    check: (table) =>
        block(table.props.pointInTimeRecovery)?.enabled === true ? [] : ["pointInTimeRecovery.enabled must be true"],
};

export default control;
