import type { ResourceRule } from "../types";
import { describeIngress, INGRESS_TYPES, internetIngress, type InternetIngress } from "./network";

const HIGH_RISK_PORTS = [
    20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888,
    9200, 9300,
];
const PORTED_PROTOCOLS = ["tcp", "udp", "-1"];

function riskyPorts(rule: InternetIngress): number[] {
    if (!PORTED_PROTOCOLS.includes(rule.protocol)) return [];
    return HIGH_RISK_PORTS.filter((port) => port >= rule.fromPort && port <= rule.toPort);
}

const control: ResourceRule = {
    id: "EC2.19",
    title: "Security groups should not allow unrestricted access to ports with high risk",
    kind: "security",
    scope: "resource",
    severity: "Critical",
    pci: [],
    resourceTypes: INGRESS_TYPES,
    remediation:
        "Remove 0.0.0.0/0 and ::/0 sources from aws.ec2.SecurityGroup ingress, aws.ec2.SecurityGroupRule and aws.vpc.SecurityGroupIngressRule rules that cover high-risk ports (22, 3389, 5432, ...); allow them from a security group or private CIDR instead.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19",
    check: (group) =>
        internetIngress(group).flatMap((rule) => {
            const ports = riskyPorts(rule);
            return ports.length === 0 ? [] : [`${describeIngress(rule)}, which covers high-risk ports ${ports.join(", ")}`];
        }),
};

export default control;
