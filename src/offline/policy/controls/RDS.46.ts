import type { Finding, PolicyTarget, StackRule } from "../types";
import { ofType, referenced } from "../../model/plan";
import { refersTo } from "../../model/references";
import { blocks, strings } from "./read";

const DEFAULT_ROUTES = ["0.0.0.0/0", "::/0"];

function toInternetGateway(gatewayId: unknown, resources: readonly PolicyTarget[]): boolean {
    if (typeof gatewayId !== "string" || gatewayId === "") return false;
    const gateways = referenced(gatewayId, resources, "aws:ec2/internetGateway:InternetGateway");
    return gatewayId.startsWith("igw-") || gateways.length > 0;
}

/** true when the route table (inline routes or aws.ec2.Route) sends a default route to an internet gateway. */
function routesToInternet(table: PolicyTarget, resources: readonly PolicyTarget[]): boolean {
    const inline = blocks(table.props.routes).filter(
        (r) => DEFAULT_ROUTES.includes(String(r.cidrBlock)) || DEFAULT_ROUTES.includes(String(r.ipv6CidrBlock)),
    );
    const separate = ofType(resources, "aws:ec2/route:Route")
        .filter((r) => refersTo(r.props.routeTableId, table))
        .map((r) => r.props)
        .filter(
            (r) =>
                DEFAULT_ROUTES.includes(String(r.destinationCidrBlock)) ||
                DEFAULT_ROUTES.includes(String(r.destinationIpv6CidrBlock)),
        );
    return [...inline, ...separate].some((r) => toInternetGateway(r.gatewayId, resources));
}

function publicSubnets(db: PolicyTarget, resources: readonly PolicyTarget[]): string[] {
    const groups = referenced(db.props.dbSubnetGroupName, resources, "aws:rds/subnetGroup:SubnetGroup");
    const subnetIds = groups.flatMap((g) => strings(g.props.subnetIds));
    return ofType(resources, "aws:ec2/subnet:Subnet")
        .filter((subnet) => refersTo(subnetIds, subnet))
        .filter((subnet) =>
            ofType(resources, "aws:ec2/routeTableAssociation:RouteTableAssociation")
                .filter((a) => refersTo(a.props.subnetId, subnet))
                .flatMap((a) => referenced(a.props.routeTableId, resources, "aws:ec2/routeTable:RouteTable"))
                .some((table) => routesToInternet(table, resources)),
        )
        .map((subnet) => subnet.name);
}

const control: StackRule = {
    id: "RDS.46",
    title: "RDS DB instances should not be deployed in public subnets with routes to internet gateways",
    kind: "security",
    scope: "stack",
    severity: "High",
    pci: [],
    resourceTypes: [
        "aws:rds/instance:Instance",
        "aws:rds/subnetGroup:SubnetGroup",
        "aws:ec2/subnet:Subnet",
        "aws:ec2/routeTable:RouteTable",
        "aws:ec2/route:Route",
        "aws:ec2/routeTableAssociation:RouteTableAssociation",
        "aws:ec2/internetGateway:InternetGateway",
    ],
    remediation:
        "Put the aws.rds.Instance's dbSubnetGroupName on subnets whose route tables send 0.0.0.0/0 and ::/0 to a NAT gateway (natGatewayId), never to an internet gateway (gatewayId).",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-46",
    check: (resources) =>
        ofType(resources, "aws:rds/instance:Instance").flatMap((db): Finding[] => {
            const subnets = publicSubnets(db, resources);
            if (subnets.length === 0) return [];
            return [{ urn: db.urn, message: `dbSubnetGroupName includes subnets routed to an internet gateway: ${subnets.join(", ")}` }];
        }),
};

export default control;
