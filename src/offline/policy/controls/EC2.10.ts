import type { StackRule } from "../types";
import { requireVpcEndpoint } from "./network";

const control: StackRule = {
    id: "EC2.10",
    title: "Amazon EC2 should be configured to use VPC endpoints that are created for the Amazon EC2 service",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ec2/vpc:Vpc", "aws:ec2/vpcEndpoint:VpcEndpoint"],
    remediation:
        "Declare an aws.ec2.VpcEndpoint with vpcId set to each VPC and serviceName \"com.amazonaws.<region>.ec2\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-10",
    check: requireVpcEndpoint("ec2", false),
};

export default control;
