import type { Finding, PolicyTarget, StackRule } from "../types";
import { attachedTo, ofType } from "../../model/plan";

const DIMENSIONS = ["dynamodb:table:ReadCapacityUnits", "dynamodb:table:WriteCapacityUnits"];
// Application Auto Scaling names a table "table/<table name>".
const PREFIX = "table/";

/** The scaling targets or policies of `type` that scale `dimension` of `table`. */
function scales(resources: readonly PolicyTarget[], type: string, table: PolicyTarget, dimension: string): boolean {
    return attachedTo(resources, type, table, "resourceId").some(
        (r) => r.props.scalableDimension === dimension && String(r.props.resourceId ?? "").startsWith(PREFIX),
    );
}

const control: StackRule = {
    id: "DynamoDB.1",
    title: "DynamoDB tables should automatically scale capacity with demand",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: [
        "aws:dynamodb/table:Table",
        "aws:appautoscaling/target:Target",
        "aws:appautoscaling/policy:Policy",
    ],
    remediation:
        "Set billingMode to \"PAY_PER_REQUEST\" on the aws.dynamodb.Table, or give a provisioned table aws.appautoscaling.Target and Policy resources (resourceId \"table/<name>\") for both read and write capacity.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-1",
    check: (resources) =>
        ofType(resources, "aws:dynamodb/table:Table")
            // AWS bills a table as PROVISIONED when billingMode is not given.
            .filter((table) => (table.props.billingMode ?? "PROVISIONED") !== "PAY_PER_REQUEST")
            .flatMap((table): Finding[] => {
                const unscaled = DIMENSIONS.filter(
                    (dimension) =>
                        !scales(resources, "aws:appautoscaling/target:Target", table, dimension) ||
                        !scales(resources, "aws:appautoscaling/policy:Policy", table, dimension),
                );
                if (unscaled.length === 0) return [];
                const message = `billingMode is PROVISIONED but no aws.appautoscaling Target and Policy scale ${unscaled.join(", ")}`;
                return [{ urn: table.urn, message }];
            }),
};

export default control;
