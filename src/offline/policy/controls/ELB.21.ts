import type { ResourceRule } from "../types";
import { block, show } from "./read";

const control: ResourceRule = {
    id: "ELB.21",
    title: "Application and Network Load Balancer target groups should use encrypted health check protocols",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"],
    remediation:
        "Set healthCheck.protocol to \"HTTPS\" on the aws.lb.TargetGroup and serve TLS on the health-check port.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-21",
    check: (group) => {
        if (group.props.targetType === "lambda") return [];
        const protocol = block(group.props.healthCheck)?.protocol;
        return protocol === "HTTPS" ? [] : [`healthCheck.protocol must be "HTTPS" (is ${show(protocol)})`];
    },
};

export default control;
