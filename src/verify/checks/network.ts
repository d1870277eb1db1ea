/** The VPC, its subnets in their zones, and the NAT gateways: found by their Name tags. */
import type { Check } from "../check";
import { eq, nameTag } from "../check";
import { NotFound, type Verifier } from "../verifier";
import type { PlannedResource } from "../../offline/model/types";

const byName = (name: string) => [{ Name: "tag:Name", Values: [name] }];

async function liveSubnet(v: Verifier, r: PlannedResource) {
    const subnets = await v.call("ec2:DescribeSubnets", { Filters: byName(nameTag(r)) });
    if (subnets.length === 0) throw new NotFound(`no subnet tagged Name=${nameTag(r)}`);
    return subnets;
}

export const vpc: Check = {
    id: "ec2.vpc",
    type: "aws:ec2/vpc:Vpc",
    actions: ["ec2:DescribeVpcs"],
    async observe(r, v) {
        const vpcs = await v.call("ec2:DescribeVpcs", { Filters: byName(nameTag(r)) });
        if (vpcs.length === 0) throw new NotFound(`no VPC tagged Name=${nameTag(r)}`);
        return [eq("count", vpcs.length, 1), eq("CidrBlock", vpcs[0]?.CidrBlock, r.inputs.cidrBlock), eq("State", vpcs[0]?.State, "available")];
    },
};

export const subnet: Check = {
    id: "ec2.subnet",
    type: "aws:ec2/subnet:Subnet",
    actions: ["ec2:DescribeSubnets"],
    async observe(r, v) {
        const [s, ...more] = await liveSubnet(v, r);
        return [
            eq("count", 1 + more.length, 1),
            eq("AvailabilityZone", s?.AvailabilityZone, r.inputs.availabilityZone),
            eq("CidrBlock", s?.CidrBlock, r.inputs.cidrBlock),
            eq("MapPublicIpOnLaunch", s?.MapPublicIpOnLaunch, r.inputs.mapPublicIpOnLaunch ?? false),
        ];
    },
};

export const natGateway: Check = {
    id: "ec2.nat-gateway",
    type: "aws:ec2/natGateway:NatGateway",
    actions: ["ec2:DescribeNatGateways", "ec2:DescribeSubnets"],
    async observe(r, v) {
        const nats = (await v.call("ec2:DescribeNatGateways", { Filter: byName(nameTag(r)) })).filter((n) => n.State !== "deleted");
        if (nats.length === 0) throw new NotFound(`no NAT gateway tagged Name=${nameTag(r)}`);
        const plannedSubnet = v.referenced("aws:ec2/subnet:Subnet", r.inputs.subnetId);
        const observations = [eq("count", nats.length, 1), eq("State", nats[0]?.State, "available"), eq("ConnectivityType", nats[0]?.ConnectivityType, r.inputs.connectivityType ?? "public")];
        if (plannedSubnet) {
            const [s] = await liveSubnet(v, plannedSubnet);
            observations.push(eq("SubnetId", nats[0]?.SubnetId, s?.SubnetId));
        }
        return observations;
    },
};

export const NETWORK_CHECKS = [vpc, subnet, natGateway];
