import type { ResourceRule } from "../types";
import { describeIngress, INGRESS_TYPES, internetIngress, type InternetIngress } from "./network";

const AUTHORIZED_TCP_PORTS = [80, 443];

function authorized(rule: InternetIngress): boolean {
    if (rule.protocol === "tcp") return rule.fromPort === rule.toPort && AUTHORIZED_TCP_PORTS.includes(rule.fromPort);
    // No UDP port is authorized; protocols without ports (ICMP, ESP) are outside the control.
    return rule.protocol !== "udp" && rule.protocol !== "-1";
}

const control: ResourceRule = {
    id: "EC2.18",
    title: "Security groups should only allow unrestricted incoming traffic for authorized ports",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: INGRESS_TYPES,
    remediation:
        "Open only TCP 80 and 443 to 0.0.0.0/0 or ::/0 in the aws.ec2.SecurityGroup ingress, aws.ec2.SecurityGroupRule or aws.vpc.SecurityGroupIngressRule; reach every other port from a security group or private CIDR.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18",
    check: (group) =>
        internetIngress(group)
            .filter((rule) => !authorized(rule))
            .map((rule) => `${describeIngress(rule)}; only TCP ${AUTHORIZED_TCP_PORTS.join(" and ")} may be open to the internet`),
};

export default control;
