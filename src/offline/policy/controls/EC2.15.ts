import type { ResourceRule } from "../types";

const AUTO_ASSIGN = ["mapPublicIpOnLaunch", "assignIpv6AddressOnCreation"];

const control: ResourceRule = {
    id: "EC2.15",
    title: "Amazon EC2 subnets should not automatically assign public IP addresses",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/1.4.4"],
    resourceTypes: ["aws:ec2/subnet:Subnet"],
    remediation:
        "Set mapPublicIpOnLaunch and assignIpv6AddressOnCreation to false (or leave them unset) on the aws.ec2.Subnet; NAT gateways and load balancers in public subnets do not need them.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15",
    check: (subnet) => AUTO_ASSIGN.filter((key) => subnet.props[key] === true).map((key) => `${key} is true; set it to false`),
};

export default control;
