import type { ResourceRule } from "../types";
import { block, show } from "./read";

const control: ResourceRule = {
    id: "ELB.5",
    title: "Application and Classic Load Balancers logging should be enabled",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    remediation:
        "Set accessLogs.enabled to true and accessLogs.bucket to the access-log bucket on the aws.lb.LoadBalancer.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-5",
    check: (lb) => {
        const logs = block(lb.props.accessLogs);
        // accessLogs.enabled defaults to false even when a bucket is given.
        if (logs?.enabled !== true) return [`accessLogs.enabled must be true (is ${show(logs?.enabled)})`];
        return typeof logs.bucket === "string" && logs.bucket !== "" ? [] : ["accessLogs.bucket must be set"];
    },
};

export default control;
