import { TLS_POLICIES } from "../../../aws/elb";
import type { ResourceRule } from "../types";
import { show } from "./read";

const ENCRYPTED = ["HTTPS", "TLS"];

const control: ResourceRule = {
    id: "ELB.17",
    title: "Application and Network Load Balancers with listeners should use recommended security policies",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
    remediation:
        "Set sslPolicy on the HTTPS or TLS aws.lb.Listener to a TLS 1.3 policy such as \"ELBSecurityPolicy-TLS13-1-2-Res-2021-06\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-17",
    check: (listener) =>
        !ENCRYPTED.includes(String(listener.props.protocol)) || (TLS_POLICIES as readonly string[]).includes(String(listener.props.sslPolicy))
            ? []
            : [`sslPolicy ${show(listener.props.sslPolicy)} is not a recommended TLS 1.3 policy`],
};

export default control;
