import type { ResourceRule } from "../types";
import { block, strings } from "./read";

// Severity of Security Hub Lambda.3, its equivalent outside FSBP.
const control: ResourceRule = {
    id: "PCI.DSS.321-LambdaInsideVPC",
    title: "The Lambda function is not VPC enabled",
    kind: "security",
    scope: "resource",
    severity: "Low",
    pci: ["PCI DSS v3.2.1/1.2.1", "PCI DSS v3.2.1/1.3.1", "PCI DSS v3.2.1/1.3.2", "PCI DSS v3.2.1/1.3.4"],
    resourceTypes: ["aws:lambda/function:Function"],
    remediation: "Set vpcConfig on the aws.lambda.Function with non-empty subnetIds and securityGroupIds.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (fn) => {
        const vpcConfig = block(fn.props.vpcConfig);
        if (vpcConfig === undefined) return ["vpcConfig is unset, so the function runs outside the VPC"];
        return (["subnetIds", "securityGroupIds"] as const)
            .filter((key) => strings(vpcConfig[key]).length === 0)
            .map((key) => `vpcConfig.${key} must not be empty`);
    },
};

export default control;
