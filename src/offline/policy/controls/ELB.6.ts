import type { ResourceRule } from "../types";
import { mustBeTrue } from "./read";

// Dev stays mandatory: a destroyable dev stack waives this only through a written exception.
const control: ResourceRule = {
    id: "ELB.6",
    title: "Application, Gateway, and Network Load Balancers should have deletion protection enabled",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    remediation: "Set enableDeletionProtection to true on the aws.lb.LoadBalancer.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-6",
    check: mustBeTrue("enableDeletionProtection"),
};

export default control;
