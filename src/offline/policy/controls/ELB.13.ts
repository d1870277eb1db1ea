import type { Finding, StackRule } from "../types";
import { ofType } from "../../model/plan";
import { subnetZones } from "./network";
import { blocks, strings } from "./read";

const MINIMUM_ZONES = 2;
const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];

const control: StackRule = {
    id: "ELB.13",
    title: "Application, Network and Gateway Load Balancers should span multiple Availability Zones",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: [
        "aws:lb/loadBalancer:LoadBalancer",
        "aws:alb/loadBalancer:LoadBalancer",
        "aws:ec2/subnet:Subnet",
    ],
    remediation:
        "Set subnets (or subnetMappings) on the aws.lb.LoadBalancer to subnets in at least two Availability Zones.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-13",
    check: (resources) =>
        ofType(resources, ...LOAD_BALANCERS).flatMap((lb): Finding[] => {
            const mapped = blocks(lb.props.subnetMappings).flatMap((m) => strings(m.subnetId));
            const { zones, unresolved } = subnetZones([...strings(lb.props.subnets), ...mapped], resources);
            const message =
                unresolved.length > 0
                    ? `subnets include subnets whose Availability Zone is unknown: ${unresolved.join(", ")}`
                    : `subnets span ${zones.size} Availability Zone(s); at least ${MINIMUM_ZONES} are needed`;
            return unresolved.length === 0 && zones.size >= MINIMUM_ZONES ? [] : [{ urn: lb.urn, message }];
        }),
};

export default control;
