import type { Finding, StackRule } from "../types";
import { attachedTo, ofType } from "../../model/plan";
import { blocks } from "./read";

const control: StackRule = {
    id: "EC2.2",
    title: "VPC default security groups should not allow inbound or outbound traffic",
    kind: "security",
    scope: "stack",
    severity: "High",
    pci: ["PCI DSS v3.2.1/1.2.1", "PCI DSS v3.2.1/1.3.4", "PCI DSS v3.2.1/2.1"],
    resourceTypes: ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "aws:ec2/vpc:Vpc"],
    remediation:
        "Declare an aws.ec2.DefaultSecurityGroup with vpcId set to each VPC and ingress and egress set to empty arrays.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2",
    check: (resources) =>
        ofType(resources, "aws:ec2/vpc:Vpc").flatMap((vpc): Finding[] => {
            const groups = attachedTo(resources, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", vpc, "vpcId");
            if (groups.length === 0) {
                return [{ urn: vpc.urn, message: "no aws.ec2.DefaultSecurityGroup has vpcId set to this VPC" }];
            }
            return groups.flatMap((g) =>
                (["ingress", "egress"] as const)
                    .filter((key) => blocks(g.props[key]).length > 0)
                    .map((key) => ({ urn: g.urn, message: `${key} must be an empty array (has ${blocks(g.props[key]).length})` })),
            );
        }),
};

export default control;
