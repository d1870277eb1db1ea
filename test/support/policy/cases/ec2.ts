import EC2_2 from "../../../../src/offline/policy/controls/EC2.2";
import EC2_6 from "../../../../src/offline/policy/controls/EC2.6";
import EC2_10 from "../../../../src/offline/policy/controls/EC2.10";
import EC2_15 from "../../../../src/offline/policy/controls/EC2.15";
import EC2_18 from "../../../../src/offline/policy/controls/EC2.18";
import EC2_19 from "../../../../src/offline/policy/controls/EC2.19";
import EC2_55 from "../../../../src/offline/policy/controls/EC2.55";
import EC2_56 from "../../../../src/offline/policy/controls/EC2.56";
import EC2_57 from "../../../../src/offline/policy/controls/EC2.57";
import EC2_58 from "../../../../src/offline/policy/controls/EC2.58";
import EC2_60 from "../../../../src/offline/policy/controls/EC2.60";
import { builder, controlCases, fail, pass } from "../controls";
import type { PolicyTarget, StackRule } from "../../../../src/offline/policy/types";

const vpc = builder("aws:ec2/vpc:Vpc")({ cidrBlock: "10.0.0.0/16" }, "main-vpc");
const otherVpc = builder("aws:ec2/vpc:Vpc")({ cidrBlock: "10.1.0.0/16" }, "other-vpc");
const defaultSg = builder("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
const flowLog = builder("aws:ec2/flowLog:FlowLog");
const endpoint = builder("aws:ec2/vpcEndpoint:VpcEndpoint");
const subnet = builder("aws:ec2/subnet:Subnet");
const sg = builder("aws:ec2/securityGroup:SecurityGroup");
const sgRule = builder("aws:ec2/securityGroupRule:SecurityGroupRule");
const ingressRule = builder("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
const anyTraffic = { protocol: "-1", fromPort: 0, toPort: 0 };

controlCases(EC2_2, {
    passing: [
        pass("empty ingress and egress", [vpc, defaultSg({ vpcId: "main-vpc-id", ingress: [], egress: [] })]),
        pass("rules omitted (Pulumi removes them on adoption)", [vpc, defaultSg({ vpcId: "main-vpc-id" })]),
    ],
    failing: [
        fail("no default security group for the VPC", [vpc, defaultSg({ vpcId: "other-vpc-id" }), otherVpc], "DefaultSecurityGroup"),
        fail("ingress entries", [vpc, defaultSg({ vpcId: "main-vpc-id", ingress: [{ ...anyTraffic, self: true }], egress: [] })], "ingress"),
        fail("egress entries", [vpc, defaultSg({ vpcId: "main-vpc-id", egress: [{ ...anyTraffic, cidrBlocks: ["0.0.0.0/0"] }] })], "egress"),
    ],
});

controlCases(EC2_6, {
    passing: [
        pass("REJECT flow log", [vpc, flowLog({ vpcId: "main-vpc-id", trafficType: "REJECT" })]),
        pass("ALL flow log", [vpc, flowLog({ vpcId: "main-vpc-id", trafficType: "ALL" })]),
    ],
    failing: [
        fail("no flow log", vpc, "FlowLog"),
        fail("ACCEPT only", [vpc, flowLog({ vpcId: "main-vpc-id", trafficType: "ACCEPT" })], "trafficType"),
        fail("flow log on another VPC", [vpc, otherVpc, flowLog({ vpcId: "other-vpc-id", trafficType: "ALL" })], "vpcId"),
    ],
});

/** The four ways an endpoint control fails, and a compliant interface endpoint. */
function endpointCases(control: StackRule, service: string, interfaceOnly: boolean, context: PolicyTarget[] = []): void {
    const serviceName = `com.amazonaws.us-east-1.${service}`;
    const good = endpoint({ vpcId: "main-vpc-id", serviceName, vpcEndpointType: "Interface" });
    const failing = [
        fail("no endpoint", [vpc, ...context], "serviceName"),
        fail("endpoint in another VPC", [vpc, otherVpc, endpoint({ vpcId: "other-vpc-id", serviceName, vpcEndpointType: "Interface" }), ...context], "serviceName"),
        fail("another region's service", [vpc, endpoint({ vpcId: "main-vpc-id", serviceName: `com.amazonaws.eu-central-1.${service}`, vpcEndpointType: "Interface" }), ...context], "serviceName"),
    ];
    if (interfaceOnly) {
        failing.push(fail("gateway type (the default)", [vpc, endpoint({ vpcId: "main-vpc-id", serviceName }), ...context], "vpcEndpointType"));
    }
    controlCases(control, { passing: [pass("interface endpoint in the VPC", [vpc, good, ...context])], failing });
}

// ECR endpoints matter where something pulls images; a VPC without containers needs none.
const taskDefinition = builder("aws:ecs/taskDefinition:TaskDefinition")({ family: "app" }, "app");
controlCases(EC2_55, { passing: [pass("a VPC in a stack that pulls no images", vpc)], failing: [] });

endpointCases(EC2_10, "ec2", false);
endpointCases(EC2_55, "ecr.api", true, [taskDefinition]);
endpointCases(EC2_56, "ecr.dkr", true, [taskDefinition]);
endpointCases(EC2_57, "ssm", true);
endpointCases(EC2_58, "ssm-contacts", true);
endpointCases(EC2_60, "ssm-incidents", true);

controlCases(EC2_15, {
    passing: [pass("nothing auto-assigned", subnet({ mapPublicIpOnLaunch: false })), pass("unset", subnet())],
    failing: [
        fail("public IPv4 on launch", subnet({ mapPublicIpOnLaunch: true }), "mapPublicIpOnLaunch"),
        fail("IPv6 on creation", subnet({ assignIpv6AddressOnCreation: true }), "assignIpv6AddressOnCreation"),
    ],
});

controlCases(EC2_18, {
    passing: [
        pass("HTTPS and HTTP from the internet", sg({ ingress: [
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
            { protocol: "tcp", fromPort: 80, toPort: 80, ipv6CidrBlocks: ["::/0"] },
        ] })),
        pass("any port from inside the VPC", sg({ ingress: [{ ...anyTraffic, cidrBlocks: ["10.0.0.0/16"] }] })),
        pass("ICMP from the internet", sgRule({ type: "ingress", protocol: "icmp", fromPort: 8, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })),
    ],
    failing: [
        fail("all traffic inline", sg({ ingress: [{ ...anyTraffic, cidrBlocks: ["0.0.0.0/0"] }] }), "ingress[0]"),
        fail("wide TCP range in a SecurityGroupRule", sgRule({ type: "ingress", protocol: "tcp", fromPort: 80, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }), "cidrBlocks"),
        fail("UDP in a SecurityGroupIngressRule", ingressRule({ ipProtocol: "udp", fromPort: 53, toPort: 53, cidrIpv6: "::/0" }), "cidrIpv6"),
        fail("two bad inline rules", sg({ ingress: [
            { protocol: "tcp", fromPort: 8443, toPort: 8443, cidrBlocks: ["0.0.0.0/0"] },
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
            { protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"] },
        ] }), "ingress[", 2),
    ],
});

controlCases(EC2_19, {
    passing: [
        pass("HTTPS from the internet", sg({ ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] })),
        pass("PostgreSQL from a private CIDR", ingressRule({ ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "10.0.0.0/16" })),
        pass("egress rule", sgRule({ type: "egress", ...anyTraffic, cidrBlocks: ["0.0.0.0/0"] })),
    ],
    failing: [
        fail("SSH inline", sg({ ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] }), "22"),
        fail("all traffic in a SecurityGroupRule", sgRule({ type: "ingress", ...anyTraffic, ipv6CidrBlocks: ["::/0"] }), "cidrBlocks"),
        fail("range over 3306 in a SecurityGroupIngressRule", ingressRule({ ipProtocol: "6", fromPort: 3300, toPort: 3310, cidrIpv4: "0.0.0.0/0" }), "3306"),
    ],
});
