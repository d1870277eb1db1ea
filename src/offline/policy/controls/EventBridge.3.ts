import type { StackRule } from "../types";
import { attachedTo, ofType } from "../../model/plan";

const control: StackRule = {
    id: "EventBridge.3",
    title: "EventBridge custom event buses should have a resource-based policy attached",
    kind: "security",
    scope: "stack",
    severity: "Low",
    pci: ["PCI DSS v4.0.1/10.3.1"],
    resourceTypes: ["aws:cloudwatch/eventBus:EventBus", "aws:cloudwatch/eventBusPolicy:EventBusPolicy"],
    remediation:
        "Declare an aws.cloudwatch.EventBusPolicy with eventBusName set to each custom aws.cloudwatch.EventBus.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/eventbridge-controls.html#eventbridge-3",
    check: (resources) =>
        ofType(resources, "aws:cloudwatch/eventBus:EventBus")
            .filter((bus) => bus.props.name !== "default")
            .filter((bus) => attachedTo(resources, "aws:cloudwatch/eventBusPolicy:EventBusPolicy", bus, "eventBusName").length === 0)
            .map((bus) => ({ urn: bus.urn, message: "no aws.cloudwatch.EventBusPolicy has eventBusName set to this bus" })),
};

export default control;
