import type { ResourceRule } from "../types";
import { show } from "./read";

const RECOMMENDED_POLICIES = [
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
];
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
        !ENCRYPTED.includes(String(listener.props.protocol)) || RECOMMENDED_POLICIES.includes(String(listener.props.sslPolicy))
            ? []
            : [`sslPolicy ${show(listener.props.sslPolicy)} is not a recommended TLS 1.3 policy`],
};

export default control;
