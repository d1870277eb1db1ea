import type { Finding, PolicyTarget, StackRule } from "../types";
import { attachedTo, ofType, planOf, referenced } from "../../model/plan";
import { blocks } from "./read";

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
    const separate = attachedTo(resources, "aws:ec2/route:Route", table, "routeTableId")
        .map((r) => r.props)
        .filter(
            (r) =>
                DEFAULT_ROUTES.includes(String(r.destinationCidrBlock)) ||
                DEFAULT_ROUTES.includes(String(r.destinationIpv6CidrBlock)),
        );
    return [...inline, ...separate].some((r) => toInternetGateway(r.gatewayId, resources));
}

function publicSubnets(db: PolicyTarget, resources: readonly PolicyTarget[]): string[] {
    const plan = planOf(resources);
    const groups = plan.resolveInput(db, "dbSubnetGroupName", "aws:rds/subnetGroup:SubnetGroup");
    const subnets = groups.flatMap((g) => plan.resolveInput(g, "subnetIds", "aws:ec2/subnet:Subnet"));
    return plan
        .inPlanOrder(subnets)
        .filter((subnet) =>
            attachedTo(resources, "aws:ec2/routeTableAssociation:RouteTableAssociation", subnet, "subnetId")
                .flatMap((a) => plan.resolveInput(a, "routeTableId", "aws:ec2/routeTable:RouteTable"))
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
