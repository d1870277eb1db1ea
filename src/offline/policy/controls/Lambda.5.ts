import type { Finding, StackRule } from "../types";
import { ofType } from "../../model/plan";
import { subnetZones } from "./network";
import { block, strings } from "./read";

const MINIMUM_ZONES = 2;

const control: StackRule = {
    id: "Lambda.5",
    title: "VPC Lambda functions should operate in multiple Availability Zones",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:lambda/function:Function", "aws:ec2/subnet:Subnet"],
    remediation: "Set vpcConfig.subnetIds on the aws.lambda.Function to subnets in at least two Availability Zones.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-5",
    check: (resources) =>
        ofType(resources, "aws:lambda/function:Function").flatMap((fn): Finding[] => {
            const vpcConfig = block(fn.props.vpcConfig);
            if (vpcConfig === undefined) return [];
            const { zones, unresolved } = subnetZones(strings(vpcConfig.subnetIds), resources);
            const message =
                unresolved.length > 0
                    ? `vpcConfig.subnetIds includes subnets whose Availability Zone is unknown: ${unresolved.join(", ")}`
                    : `vpcConfig.subnetIds spans ${zones.size} Availability Zone(s); at least ${MINIMUM_ZONES} are needed`;
            return unresolved.length === 0 && zones.size >= MINIMUM_ZONES ? [] : [{ urn: fn.urn, message }];
        }),
};

export default control;
