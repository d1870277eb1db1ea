import type { StackRule } from "../types";
import { attachedTo, ofType } from "../../model/plan";
import type { PolicyTarget } from "../types";

const LOGGED_TRAFFIC = ["REJECT", "ALL"];

const control: StackRule = {
    id: "EC2.6",
    title: "VPC flow logging should be enabled in all VPCs",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [
        "PCI DSS v3.2.1/10.3.3",
        "PCI DSS v3.2.1/10.3.4",
        "PCI DSS v3.2.1/10.3.5",
        "PCI DSS v3.2.1/10.3.6",
    ],
    resourceTypes: ["aws:ec2/vpc:Vpc", "aws:ec2/flowLog:FlowLog"],
    remediation: "Declare an aws.ec2.FlowLog with vpcId set to each VPC and trafficType \"REJECT\" or \"ALL\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6",
    check: (resources) => {
        const logs = (f: PolicyTarget) => LOGGED_TRAFFIC.includes(String(f.props.trafficType));
        return ofType(resources, "aws:ec2/vpc:Vpc")
            .filter((vpc) => !attachedTo(resources, "aws:ec2/flowLog:FlowLog", vpc, "vpcId").some(logs))
            .map((vpc) => ({
                urn: vpc.urn,
                message: 'no aws.ec2.FlowLog with vpcId set to this VPC has trafficType "REJECT" or "ALL"',
            }));
    },
};

export default control;
