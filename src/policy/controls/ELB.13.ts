import type { Finding, StackControl } from "../types";
import { blocks, MANDATORY, ofType, strings, subnetZones } from "./util";

const MINIMUM_ZONES = 2;

const control: StackControl = {
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
    levels: MANDATORY,
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-13",
    check: (resources) =>
        ofType(resources, "aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer").flatMap((lb): Finding[] => {
            const subnetIds = [...strings(lb.props.subnets), ...blocks(lb.props.subnetMappings).flatMap((m) => strings(m.subnetId))];
            const { zones, unresolved } = subnetZones(subnetIds, resources);
            if (unresolved.length > 0) {
                return [{ urn: lb.urn, message: `subnets has subnets whose Availability Zone is unknown: ${unresolved.join(", ")}` }];
            }
            return zones.size >= MINIMUM_ZONES
                ? []
                : [{ urn: lb.urn, message: `subnets span ${zones.size} Availability Zone(s); at least ${MINIMUM_ZONES} are needed` }];
        }),
};

export default control;
