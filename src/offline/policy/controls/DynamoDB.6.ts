import type { ResourceRule } from "../types";
import { mustBeTrue } from "./read";

// Dev stays mandatory: a destroyable dev stack waives this only through a written exception.
const control: ResourceRule = {
    id: "DynamoDB.6",
    title: "DynamoDB tables should have deletion protection enabled",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:dynamodb/table:Table"],
    remediation: "Set deletionProtectionEnabled to true on the aws.dynamodb.Table.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-6",
    check: mustBeTrue("deletionProtectionEnabled"),
};

export default control;
