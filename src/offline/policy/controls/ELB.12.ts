import type { ResourceRule } from "../types";
import { show } from "./read";

const SAFE_MODES = ["defensive", "strictest"];

const control: ResourceRule = {
    id: "ELB.12",
    title: "Application Load Balancer should be configured with defensive or strictest desync mitigation mode",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/6.2.4"],
    resourceTypes: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    remediation:
        "Set desyncMitigationMode to \"defensive\" (the default) or \"strictest\" on the application aws.lb.LoadBalancer.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-12",
    check: (lb) => {
        if ((lb.props.loadBalancerType ?? "application") !== "application") return [];
        const mode = lb.props.desyncMitigationMode ?? "defensive";
        return SAFE_MODES.includes(String(mode)) ? [] : [`desyncMitigationMode is ${show(mode)}; use "defensive" or "strictest"`];
    },
};

export default control;
