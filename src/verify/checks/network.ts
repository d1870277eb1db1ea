/**
 * The VPC, its subnets in their zones, the NAT gateways, the route tables with their routes and
 * subnets, and the security groups with their rules: found by Name tags (group names for groups).
 */
import type { Check } from "../check";
import { eq, nameOf, nameTag, sorted } from "../check";
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


const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
const RULE_TYPES = [
    ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ingress"],
    ["aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "egress"],
] as const;
const WORLD = new Set(["0.0.0.0/0", "::/0"]);

async function liveGroupId(v: Verifier, r: PlannedResource): Promise<string> {
    const groups = await v.call("ec2:DescribeSecurityGroups", { Filters: [{ Name: "group-name", Values: [nameOf(r)] }] });
    const id = groups[0]?.GroupId;
    if (id === undefined) throw new NotFound(`no security group named ${nameOf(r)}`);
    return id;
}

interface Rule {
    readonly direction: "ingress" | "egress";
    /** `tcp 443-443 10.0.0.0/16`, `all sg fastcart-service-dev`: protocol, ports and peer. */
    readonly text: string;
    readonly world: boolean;
}

const ports = (protocol: unknown, from: unknown, to: unknown) => (String(protocol) === "-1" ? "all" : `${String(protocol)} ${String(from ?? -1)}-${String(to ?? -1)}`);

/** The planned rules of a group, their peers named as the live rules will be rendered. */
async function plannedRules(v: Verifier, group: PlannedResource): Promise<Rule[]> {
    const rules: Rule[] = [];
    for (const [type, direction] of RULE_TYPES) {
        for (const rule of v.ofType(type).filter((x) => v.referenced(SECURITY_GROUP, x.inputs.securityGroupId) === group)) {
            const i = rule.inputs;
            const peerGroup = v.referenced(SECURITY_GROUP, i.referencedSecurityGroupId);
            const peer = peerGroup ? `sg ${nameOf(peerGroup)}` : String(i.cidrIpv4 ?? i.cidrIpv6 ?? i.prefixListId ?? `sg ${String(i.referencedSecurityGroupId)}`);
            rules.push({ direction, text: `${ports(i.ipProtocol, i.fromPort, i.toPort)} ${peer}`, world: WORLD.has(String(i.cidrIpv4 ?? i.cidrIpv6)) });
        }
    }
    return rules;
}

export const securityGroup: Check = {
    id: "ec2.security-group",
    type: SECURITY_GROUP,
    actions: ["ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules"],
    async observe(r, v) {
        const id = await liveGroupId(v, r);
        const planned = await plannedRules(v, r);
        // Peers are other planned groups: their live ids name them.
        const names = new Map<string, string>();
        for (const g of v.ofType(SECURITY_GROUP).filter((x) => planned.some((p) => p.text.endsWith(` sg ${String(x.inputs.name)}`)))) names.set(await liveGroupId(v, g), nameOf(g));
        const live = (await v.call("ec2:DescribeSecurityGroupRules", { Filters: [{ Name: "group-id", Values: [id] }] })).map((x): Rule => {
            const group = x.ReferencedGroupInfo?.GroupId;
            const peer = group !== undefined ? `sg ${names.get(group) ?? group}` : String(x.CidrIpv4 ?? x.CidrIpv6 ?? x.PrefixListId);
            return { direction: x.IsEgress ? "egress" : "ingress", text: `${ports(x.IpProtocol, x.FromPort, x.ToPort)} ${peer}`, world: WORLD.has(String(x.CidrIpv4 ?? x.CidrIpv6)) };
        });
        const key = (x: Rule) => `${x.direction} ${x.text}`;
        const plannedKeys = new Set(planned.map(key));
        // An opening to the internet the plan lacks is its own finding, not also a rule mismatch.
        const extraOpen = live.filter((x) => x.world && !plannedKeys.has(key(x)));
        const shown = (d: Rule["direction"], rules: Rule[]) => sorted(rules.filter((x) => x.direction === d && !extraOpen.includes(x)).map((x) => x.text));
        return [
            eq("ingress", shown("ingress", live), shown("ingress", planned)),
            eq("egress", shown("egress", live), shown("egress", planned)),
            { property: "open to the internet", found: extraOpen.map(key), expected: "only the plan's openings", ok: extraOpen.length === 0 },
        ];
    },
};

/** The live id of a route's target: the planned internet or NAT gateway it names, found by Name tag. */
async function routeTarget(v: Verifier, route: PlannedResource): Promise<string> {
    const igw = v.referenced("aws:ec2/internetGateway:InternetGateway", route.inputs.gatewayId);
    if (igw) return (await v.call("ec2:DescribeInternetGateways", { Filters: byName(nameTag(igw)) }))[0]?.InternetGatewayId ?? `missing internet gateway ${nameTag(igw)}`;
    const nat = v.referenced("aws:ec2/natGateway:NatGateway", route.inputs.natGatewayId);
    if (nat) return (await v.call("ec2:DescribeNatGateways", { Filter: byName(nameTag(nat)) })).find((n) => n.State !== "deleted")?.NatGatewayId ?? `missing NAT gateway ${nameTag(nat)}`;
    return String(route.inputs.gatewayId ?? route.inputs.natGatewayId ?? route.inputs.transitGatewayId ?? route.inputs.vpcEndpointId ?? "?");
}

export const routeTable: Check = {
    id: "ec2.route-table",
    type: "aws:ec2/routeTable:RouteTable",
    actions: ["ec2:DescribeRouteTables", "ec2:DescribeInternetGateways", "ec2:DescribeNatGateways", "ec2:DescribeSubnets"],
    async observe(r, v) {
        const [t, ...more] = await v.call("ec2:DescribeRouteTables", { Filters: byName(nameTag(r)) });
        if (!t) throw new NotFound(`no route table tagged Name=${nameTag(r)}`);
        const expectedRoutes: string[] = [];
        for (const route of v.ofType("aws:ec2/route:Route").filter((x) => v.referenced(r.type, x.inputs.routeTableId) === r)) expectedRoutes.push(`${String(route.inputs.destinationCidrBlock)} -> ${await routeTarget(v, route)}`);
        // The VPC's local route and a gateway endpoint's prefix-list routes are AWS's, not the program's.
        const foundRoutes = (t.Routes ?? [])
            .filter((x) => x.DestinationCidrBlock !== undefined && x.GatewayId !== "local" && !x.GatewayId?.startsWith("vpce-"))
            .map((x) => `${x.DestinationCidrBlock} -> ${x.GatewayId ?? x.NatGatewayId ?? x.TransitGatewayId ?? x.VpcPeeringConnectionId ?? "?"}${x.State === "blackhole" ? " (blackhole)" : ""}`);
        const expectedSubnets: string[] = [];
        for (const a of v.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation").filter((x) => v.referenced(r.type, x.inputs.routeTableId) === r)) {
            const planned = v.referenced("aws:ec2/subnet:Subnet", a.inputs.subnetId);
            if (planned) expectedSubnets.push((await liveSubnet(v, planned))[0]?.SubnetId ?? `missing subnet ${nameTag(planned)}`);
        }
        return [
            eq("count", 1 + more.length, 1),
            eq("routes", sorted(foundRoutes), sorted(expectedRoutes)),
            eq("associations", sorted((t.Associations ?? []).filter((x) => x.SubnetId !== undefined).map((x) => x.SubnetId)), sorted(expectedSubnets)),
        ];
    },
};

export const NETWORK_CHECKS = [vpc, subnet, natGateway, routeTable, securityGroup];
