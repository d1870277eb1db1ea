/**
 * Network questions several controls ask: which ingress rules are open to the internet, which
 * Availability Zones a list of subnets spans, whether each VPC has an endpoint for a service.
 */
import { planOf } from "../../model/plan";
import type { CheckContext, Finding, PolicyTarget } from "../types";
import { blocks, strings } from "./read";

/** One ingress rule open to the internet, whatever resource declared it. */
export interface InternetIngress {
    /** How a message names the rule: `ingress[0]`, or the rule resource's own inputs. */
    readonly where: string;
    /** Lower-case protocol name: `tcp`, `udp`, `icmp`, or `-1` for all traffic. */
    readonly protocol: string;
    readonly fromPort: number;
    readonly toPort: number;
    readonly source: string;
}

const PROTOCOL_NAMES: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", all: "-1" };
const INTERNET = ["0.0.0.0/0", "::/0"];

function normaliseProtocol(value: unknown): string {
    const protocol = String(value ?? "-1").toLowerCase();
    return PROTOCOL_NAMES[protocol] ?? protocol;
}

function portOf(value: unknown, fallback: number): number {
    return typeof value === "number" ? value : typeof value === "string" && value !== "" ? Number(value) : fallback;
}

/** The resource types that declare ingress rules, as `internetIngress` reads them. */
export const INGRESS_TYPES = [
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
];

/**
 * The ingress rules open to `0.0.0.0/0` or `::/0` declared by an `aws.ec2.SecurityGroup`
 * (inline `ingress`), an `aws.ec2.SecurityGroupRule` of type `ingress`, or an
 * `aws.vpc.SecurityGroupIngressRule`. A rule for all traffic spans ports 0-65535.
 */
export function internetIngress(resource: PolicyTarget): InternetIngress[] {
    const p = resource.props;
    const rule = (where: string, protocol: string, from: unknown, to: unknown, sources: string[]): InternetIngress[] =>
        sources
            .filter((s) => INTERNET.includes(s))
            .map((source) => ({
                where,
                protocol,
                source,
                fromPort: protocol === "-1" ? 0 : portOf(from, 0),
                toPort: protocol === "-1" ? 65535 : portOf(to, 65535),
            }));
    switch (resource.type) {
        case "aws:ec2/securityGroup:SecurityGroup":
            return blocks(p.ingress).flatMap((r, i) =>
                rule(`ingress[${i}]`, normaliseProtocol(r.protocol), r.fromPort, r.toPort, [
                    ...strings(r.cidrBlocks),
                    ...strings(r.ipv6CidrBlocks),
                ]),
            );
        case "aws:ec2/securityGroupRule:SecurityGroupRule":
            if (p.type !== "ingress") return [];
            return rule("cidrBlocks/ipv6CidrBlocks", normaliseProtocol(p.protocol), p.fromPort, p.toPort, [
                ...strings(p.cidrBlocks),
                ...strings(p.ipv6CidrBlocks),
            ]);
        case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
            return rule("cidrIpv4/cidrIpv6", normaliseProtocol(p.ipProtocol), p.fromPort, p.toPort, [
                ...strings(p.cidrIpv4),
                ...strings(p.cidrIpv6),
            ]);
        default:
            return [];
    }
}

/** How a message names an ingress rule's ports. */
export function describeIngress(rule: InternetIngress): string {
    const ports = rule.protocol === "-1" ? "all traffic" : `${rule.protocol} ${rule.fromPort}-${rule.toPort}`;
    return `${rule.where} opens ${ports} to ${rule.source}`;
}

/** The Availability Zones of the subnets a list of subnet references resolves to. */
export function subnetZones(
    subnetRefs: readonly string[],
    resources: readonly PolicyTarget[],
): { zones: Set<string>; unresolved: string[] } {
    const plan = planOf(resources);
    const zones = new Set<string>();
    const unresolved: string[] = [];
    for (const ref of subnetRefs) {
        const subnet = plan.resolve(ref, ["aws:ec2/subnet:Subnet"])[0];
        const zone = subnet?.props.availabilityZone ?? subnet?.props.availabilityZoneId;
        if (typeof zone === "string" && zone !== "") zones.add(zone);
        else unresolved.push(ref);
    }
    return { zones, unresolved };
}

/** A VPC endpoint's full service name for the stack's region, e.g. `com.amazonaws.us-east-1.ecr.api`. */
export function endpointService(region: string, service: string): string {
    return `com.amazonaws.${region}.${service}`;
}

/**
 * The check shared by the VPC-endpoint controls: every `aws.ec2.Vpc` needs an
 * `aws.ec2.VpcEndpoint` for `service` in it (of type `Interface` when `interfaceOnly`).
 */
export function requireVpcEndpoint(service: string, interfaceOnly: boolean, appliesWhen?: (resources: readonly PolicyTarget[]) => boolean) {
    return (resources: readonly PolicyTarget[], ctx: CheckContext): Finding[] => {
        if (appliesWhen && !appliesWhen(resources)) return [];
        const serviceName = endpointService(ctx.region, service);
        const plan = planOf(resources);
        const fits = (e: PolicyTarget) => e.props.serviceName === serviceName && (!interfaceOnly || e.props.vpcEndpointType === "Interface");
        const wanted = `serviceName "${serviceName}"${interfaceOnly ? ' and vpcEndpointType "Interface"' : ""}`;
        return plan
            .ofType("aws:ec2/vpc:Vpc")
            .filter((vpc) => !plan.referencing("aws:ec2/vpcEndpoint:VpcEndpoint", "vpcId", vpc).some(fits))
            .map((vpc) => ({ urn: vpc.urn, message: `no aws.ec2.VpcEndpoint with vpcId set to this VPC has ${wanted}` }));
    };
}

/** Resource types that pull container images from ECR. */
export const IMAGE_CONSUMERS = ["aws:ecs/taskDefinition:TaskDefinition", "aws:ecr/repository:Repository", "aws:lambda/function:Function"];

/** true when something in the stack pulls images from ECR: a task definition, a repository, an image-based Lambda. */
export function pullsImages(resources: readonly PolicyTarget[]): boolean {
    const plan = planOf(resources);
    return (
        plan.has("aws:ecs/taskDefinition:TaskDefinition", "aws:ecr/repository:Repository") ||
        plan.ofType("aws:lambda/function:Function").some((r) => r.props.packageType === "Image")
    );
}
