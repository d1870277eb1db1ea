/** NAT gateways, Elastic IPs, interface endpoints and load balancers. */
import type { PlannedResource } from "../../model/types";
import type { CostLines } from "../lines";
import { describeAssumption } from "../assumptions";
import { list, str } from "../inputs";
import { TYPES, HOURS } from "./common";

export function natGateway(r: PlannedResource, lines: CostLines): void {
    if (str(r.inputs.availabilityMode) === "regional") {
        lines.note(r, "a regional NAT gateway is billed per AZ it serves and the table has no figure for it; not priced");
        return;
    }
    lines.add(r, { key: "vpc.natGateway.hour", description: "NAT gateway hours", quantity: HOURS });
    // The assumption is the stack's total traffic: NAT per AZ spreads it, it does not multiply it.
    const gateways = lines
        .ofType(TYPES.natGateway)
        .filter((g) => str(g.inputs.availabilityMode) !== "regional").length;
    const total = lines.assumptions.natDataProcessedGb;
    lines.add(r, {
        key: "vpc.natGateway.dataGb",
        description: "NAT gateway data processed",
        quantity: total / Math.max(1, gateways),
        assumption: describeAssumption(
            "natDataProcessedGb",
            total,
            gateways > 1 ? `split evenly over ${gateways} NAT gateways` : undefined,
        ),
    });
}

export function eip(r: PlannedResource, lines: CostLines): void {
    // AWS bills every public IPv4 address by the hour, attached or idle.
    lines.add(r, { key: "vpc.publicIpv4.hour", description: "Elastic IP (public IPv4) hours", quantity: HOURS });
}

export function vpcEndpoint(r: PlannedResource, lines: CostLines): void {
    const type = str(r.inputs.vpcEndpointType) ?? "Gateway";
    if (type === "Gateway") return; // S3 and DynamoDB gateway endpoints are free.
    if (type !== "Interface") {
        lines.note(r, `a ${type} endpoint has no figure in the price table; not priced`);
        return;
    }
    const azs = list(r.inputs.subnetIds)?.length ?? list(r.inputs.subnetConfigurations)?.length ?? 0;
    if (azs === 0) {
        lines.note(r, "interface endpoint without subnetIds: cannot count the AZs it is billed for; not priced");
        return;
    }
    lines.add(r, {
        key: "vpc.interfaceEndpoint.azHour",
        description: `Interface endpoint hours in ${azs} AZ${azs === 1 ? "" : "s"}`,
        quantity: azs * HOURS,
    });
}

export function loadBalancer(r: PlannedResource, lines: CostLines): void {
    const type = str(r.inputs.loadBalancerType) ?? "application";
    if (type !== "application") {
        lines.note(r, `the table has no figure for a ${type} load balancer; not priced`);
        return;
    }
    lines.add(r, { key: "elb.application.hour", description: "Application Load Balancer hours", quantity: HOURS });
    const lcus = lines.assumptions.albLcus;
    lines.add(r, {
        key: "elb.application.lcuHour",
        description: "Application Load Balancer capacity units",
        quantity: lcus * HOURS,
        assumption: describeAssumption("albLcus", lcus),
    });
    const internetFacing = r.inputs.internal !== true;
    const ipv4 = str(r.inputs.ipAddressType) !== "dualstack-without-public-ipv4";
    if (internetFacing && ipv4) {
        // An internet-facing ALB holds one public IPv4 address in each AZ it spans.
        const azs = list(r.inputs.subnetMappings)?.length ?? list(r.inputs.subnets)?.length ?? 0;
        if (azs === 0) {
            lines.note(r, "internet-facing without subnets: cannot count its public IPv4 addresses; not priced");
        } else {
            lines.add(r, {
                key: "vpc.publicIpv4.hour",
                description: `Public IPv4 hours, ${azs} address${azs === 1 ? "" : "es"} (one per AZ)`,
                quantity: azs * HOURS,
            });
        }
    }
}
