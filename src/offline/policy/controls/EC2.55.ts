import type { StackRule } from "../types";
import { IMAGE_CONSUMERS, pullsImages, requireVpcEndpoint } from "./network";

const control: StackRule = {
    id: "EC2.55",
    title: "VPCs should be configured with an interface endpoint for ECR API",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ec2/vpc:Vpc", "aws:ec2/vpcEndpoint:VpcEndpoint", ...IMAGE_CONSUMERS],
    remediation:
        "Declare an aws.ec2.VpcEndpoint with vpcId set to each VPC, vpcEndpointType \"Interface\" and serviceName \"com.amazonaws.<region>.ecr.api\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-55",
    // Only where something pulls images from ECR: a VPC that runs no containers gains nothing from it.
    check: requireVpcEndpoint("ecr.api", true, pullsImages),
};

export default control;
