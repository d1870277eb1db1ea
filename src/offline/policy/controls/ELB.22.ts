import type { ResourceRule } from "../types";
import { show } from "./read";

const ENCRYPTED = ["HTTPS", "TLS", "QUIC"];
const EXEMPT_TARGETS = ["lambda", "alb"];

const control: ResourceRule = {
    id: "ELB.22",
    title: "ELB target groups should use encrypted transport protocols",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"],
    remediation:
        "Set protocol to \"HTTPS\", \"TLS\" or \"QUIC\" on the aws.lb.TargetGroup (a replacement) and serve TLS from the targets.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-22",
    check: (group) => {
        if (EXEMPT_TARGETS.includes(String(group.props.targetType)) || group.props.protocol === "GENEVE") return [];
        return ENCRYPTED.includes(String(group.props.protocol))
            ? []
            : [`protocol must be "HTTPS", "TLS" or "QUIC" (is ${show(group.props.protocol)})`];
    },
};

export default control;
