import type { StackRule } from "../types";
import { requireVpcEndpoint } from "./network";

const control: StackRule = {
    id: "EC2.58",
    title: "VPCs should be configured with an interface endpoint for Systems Manager Incident Manager Contacts",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ec2/vpc:Vpc", "aws:ec2/vpcEndpoint:VpcEndpoint"],
    remediation:
        "Declare an aws.ec2.VpcEndpoint with vpcId set to each VPC, vpcEndpointType \"Interface\" and serviceName \"com.amazonaws.<region>.ssm-contacts\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-58",
    check: requireVpcEndpoint("ssm-contacts", true),
};

export default control;
