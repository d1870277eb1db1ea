import type { ResourceRule } from "../types";
import { mustBeTrue } from "./read";

const control: ResourceRule = {
    id: "ELB.4",
    title: "Application Load Balancer should be configured to drop invalid http headers",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/6.2.4"],
    resourceTypes: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    remediation: "Set dropInvalidHeaderFields to true on the application aws.lb.LoadBalancer.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-4",
    check: mustBeTrue("dropInvalidHeaderFields", (lb) => (lb.props.loadBalancerType ?? "application") === "application"),
};

export default control;
