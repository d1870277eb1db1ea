/** VPCs, subnet tiers, gateways, and the routes between them. */
import type { PlannedResource } from "../../model/types";
import { plural, str, subnetTier, wrapList } from "./model";
import { Builder, shortName, titleOf } from "./builder";

export function addNetwork(b: Builder): void {
    for (const vpc of b.ofKind("vpc")) {
        b.clusters.push({ id: b.vpcCluster(vpc), kind: "vpc", label: `VPC ${titleOf(vpc)}`, ...(str(vpc.inputs.cidrBlock) ? { detail: str(vpc.inputs.cidrBlock)! } : {}) });
        b.nodeOf.set(vpc, b.vpcCluster(vpc));
    }
    for (const subnet of b.ofKind("subnet")) {
        const vpc = b.vpcOf(subnet);
        const tier = subnetTier(subnet);
        const details = [str(subnet.inputs.cidrBlock), str(subnet.inputs.availabilityZone) ?? str(subnet.inputs.availabilityZoneId)].filter((s): s is string => s !== undefined);
        b.addNode(subnet, { category: "network", kind: tier === "subnets" ? "Subnet" : `${tier[0]!.toUpperCase()}${tier.slice(1)} subnet`, title: shortName(subnet, vpc), details }, b.clusterFor(vpc, tier));
    }
    for (const igw of b.ofKind("igw")) {
        const vpc = b.vpcOf(igw);
        b.addNode(igw, { category: "network", kind: "Internet gateway", title: shortName(igw, vpc), details: [] }, b.clusterFor(vpc));
    }
    for (const nat of b.ofKind("nat")) {
        const subnet = b.refs.pointedAtBy(nat, b.ofKind("subnet"))[0];
        const vpc = subnet ? b.vpcOf(subnet) : undefined;
        const details = [
            ...(str(nat.inputs.connectivityType) === "private" ? ["private connectivity"] : []),
            ...(subnet ? [`in ${shortName(subnet, vpc)}`] : []),
        ];
        const id = b.addNode(nat, { category: "network", kind: "NAT gateway", title: shortName(nat, vpc), details }, b.clusterFor(vpc, subnet ? subnetTier(subnet) : undefined));
        for (const eip of b.refs.pointedAtBy(nat, b.resources.filter((r) => r.type === "aws:ec2/eip:Eip"))) b.fold(eip, id);
    }
    // One node per VPC for its endpoints: a dozen interface endpoints would otherwise crowd out the system.
    const endpointsByVpc = new Map<PlannedResource, PlannedResource[]>();
    for (const ep of b.ofKind("endpoint")) {
        const vpc = b.vpcOf(ep);
        if (!vpc) continue;
        endpointsByVpc.set(vpc, [...(endpointsByVpc.get(vpc) ?? []), ep]);
    }
    for (const [vpc, eps] of endpointsByVpc) {
        const services = eps.map((e) => (str(e.inputs.serviceName) ?? e.name).replace(/^com\.amazonaws\.[a-z0-9-]+\./, ""));
        const id = b.addNode(eps[0]!, { category: "network", kind: "VPC endpoints", title: plural(eps.length, "endpoint"), details: wrapList(services) }, b.clusterFor(vpc));
        for (const ep of eps.slice(1)) b.fold(ep, id);
    }
}

/** Subnet → NAT gateway or internet gateway, from each subnet's route table; NAT gateway → internet gateway through its own subnet. */
export function addRoutes(b: Builder): void {
    const gateways = b.ofKind("nat", "igw");
    const tables = b.ofKind("routeTable");
    const targetsOfTable = new Map<PlannedResource, PlannedResource[]>();
    const add = (table: PlannedResource, targets: PlannedResource[]) => targetsOfTable.set(table, [...new Set([...(targetsOfTable.get(table) ?? []), ...targets])]);
    for (const table of tables) add(table, b.refs.pointedAt(table, table.inputs.routes, gateways));
    for (const route of b.ofKind("route")) {
        const table = b.refs.pointedAt(route, route.inputs.routeTableId, tables)[0];
        if (table) add(table, b.refs.pointedAt(route, [route.inputs.natGatewayId, route.inputs.gatewayId], gateways));
    }
    const routesOfSubnet = new Map<PlannedResource, PlannedResource[]>();
    for (const assoc of b.ofKind("routeAssociation")) {
        const subnet = b.refs.pointedAt(assoc, assoc.inputs.subnetId, b.ofKind("subnet"))[0];
        const table = b.refs.pointedAt(assoc, assoc.inputs.routeTableId, tables)[0];
        if (subnet && table) routesOfSubnet.set(subnet, [...(routesOfSubnet.get(subnet) ?? []), ...(targetsOfTable.get(table) ?? [])]);
    }
    for (const [subnet, targets] of routesOfSubnet) {
        for (const t of targets) b.addEdge({ from: b.id(subnet), to: b.id(t), kind: "route" });
    }
    for (const nat of b.ofKind("nat")) {
        const subnet = b.refs.pointedAtBy(nat, b.ofKind("subnet"))[0];
        for (const t of (subnet ? routesOfSubnet.get(subnet) : undefined) ?? []) {
            if (b.kindOf(t) === "igw") b.addEdge({ from: b.id(nat), to: b.id(t), kind: "route" });
        }
    }
}
