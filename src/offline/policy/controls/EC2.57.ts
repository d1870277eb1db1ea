import type { StackRule } from "../types";
import { requireVpcEndpoint } from "./network";

const control: StackRule = {
    id: "EC2.57",
    title: "VPCs should be configured with an interface endpoint for Systems Manager",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ec2/vpc:Vpc", "aws:ec2/vpcEndpoint:VpcEndpoint"],
    remediation:
        "Declare an aws.ec2.VpcEndpoint with vpcId set to each VPC, vpcEndpointType \"Interface\" and serviceName \"com.amazonaws.<region>.ssm\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-57",
    check: requireVpcEndpoint("ssm", true),
};

export default control;
