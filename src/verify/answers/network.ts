/** What a correct deployment answers about its VPC, subnets, gateways, route tables, security groups and load balancer. */
import type { PlannedResource } from "../../offline/model/types";
import { ACCOUNT, obj, str, type Answers, type Planned } from "./context";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE_TYPES = { "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": false, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": true } as const;
const filterValue = (filters: unknown, name: string) => (filters as { Name: string; Values: string[] }[]).find((f) => f.Name === name)?.Values[0];

/** A planned rule as DescribeSecurityGroupRules reports it (ids are the plan's: the answers' groups carry them). */
function ruleOf(r: PlannedResource, isEgress: boolean) {
    const i = r.inputs;
    const ref = i.referencedSecurityGroupId;
    return {
        SecurityGroupRuleId: `sgr-${r.name}`, GroupId: i.securityGroupId, IsEgress: isEgress, IpProtocol: i.ipProtocol, FromPort: i.fromPort ?? -1, ToPort: i.toPort ?? -1,
        CidrIpv4: i.cidrIpv4, CidrIpv6: i.cidrIpv6, PrefixListId: i.prefixListId, ReferencedGroupInfo: ref === undefined ? undefined : { GroupId: ref }, Description: i.description,
    };
}

/** A route table as AWS shows it: the local route, the planned routes, and a gateway endpoint's prefix-list route where one is attached. */
function routeTableOf(p: Planned, t: PlannedResource) {
    const vpc = p.byRef("aws:ec2/vpc:Vpc", t.inputs.vpcId);
    const id = `${t.name}-id`;
    const routes: Record<string, unknown>[] = [{ DestinationCidrBlock: vpc?.inputs.cidrBlock, GatewayId: "local", State: "active" }];
    for (const r of p.of("aws:ec2/route:Route").filter((x) => x.inputs.routeTableId === id)) {
        const igw = p.byRef("aws:ec2/internetGateway:InternetGateway", r.inputs.gatewayId);
        const nat = p.byRef("aws:ec2/natGateway:NatGateway", r.inputs.natGatewayId);
        routes.push({ DestinationCidrBlock: r.inputs.destinationCidrBlock, GatewayId: igw ? `igw-${igw.name}` : undefined, NatGatewayId: nat ? `nat-${nat.name}` : undefined, State: "active" });
    }
    const endpoints = p.of("aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => (e.inputs.routeTableIds as string[] | undefined)?.includes(id));
    endpoints.forEach((e) => routes.push({ DestinationPrefixListId: "pl-6ea54007", GatewayId: `vpce-${e.name}`, State: "active" }));
    const associations = p.of("aws:ec2/routeTableAssociation:RouteTableAssociation").filter((a) => a.inputs.routeTableId === id).map((a) => ({ SubnetId: a.inputs.subnetId, RouteTableId: id }));
    return { RouteTableId: id, VpcId: t.inputs.vpcId, Routes: routes, Associations: associations };
}

export function networkAnswers(p: Planned): Answers {
    return {
        "ec2:DescribeVpcs": (i) => ({ Vpcs: p.tagged("aws:ec2/vpc:Vpc", i.Filters).map((r) => ({ VpcId: `vpc-${r.name}`, CidrBlock: r.inputs.cidrBlock, State: "available" })) }),
        "ec2:DescribeSubnets": (i) => ({
            Subnets: p.tagged("aws:ec2/subnet:Subnet", i.Filters).map((r) => ({ SubnetId: `${r.name}-id`, AvailabilityZone: r.inputs.availabilityZone, CidrBlock: r.inputs.cidrBlock, MapPublicIpOnLaunch: r.inputs.mapPublicIpOnLaunch ?? false })),
        }),
        "ec2:DescribeNatGateways": (i) => ({
            NatGateways: p.tagged("aws:ec2/natGateway:NatGateway", i.Filter).map((r) => ({ NatGatewayId: `nat-${r.name}`, State: "available", ConnectivityType: r.inputs.connectivityType ?? "public", SubnetId: r.inputs.subnetId })),
        }),
        "ec2:DescribeInternetGateways": (i) => ({ InternetGateways: p.tagged("aws:ec2/internetGateway:InternetGateway", i.Filters).map((r) => ({ InternetGatewayId: `igw-${r.name}`, Attachments: [{ VpcId: r.inputs.vpcId, State: "available" }] })) }),
        "ec2:DescribeRouteTables": (i) => ({ RouteTables: p.tagged("aws:ec2/routeTable:RouteTable", i.Filters).map((t) => routeTableOf(p, t)) }),
        "ec2:DescribeSecurityGroups": (i) => ({
            SecurityGroups: p.of(SG).filter((g) => g.inputs.name === filterValue(i.Filters, "group-name")).map((g) => ({ GroupId: `${g.name}-id`, GroupName: g.inputs.name, VpcId: g.inputs.vpcId })),
        }),
        "ec2:DescribeSecurityGroupRules": (i) => {
            const group = filterValue(i.Filters, "group-id");
            const rules = Object.entries(RULE_TYPES).flatMap(([type, egress]) => p.of(type).filter((r) => r.inputs.securityGroupId === group).map((r) => ruleOf(r, egress)));
            return { SecurityGroupRules: rules };
        },
    };
}

export function loadBalancerAnswers(p: Planned): Answers {
    const lbArn = (name: unknown) => `arn:aws:elasticloadbalancing:${p.plan.region}:${ACCOUNT}:loadbalancer/app/${str(name)}/50dc6c495c0c9188`;
    return {
        "elasticloadbalancing:DescribeLoadBalancers": (i) => {
            const lb = p.find("aws:lb/loadBalancer:LoadBalancer", "name", (i.Names as string[])[0]).inputs;
            return { LoadBalancers: [{ LoadBalancerName: lb.name, LoadBalancerArn: lbArn(lb.name), Scheme: lb.internal ? "internal" : "internet-facing", State: { Code: "active" } }] };
        },
        "elasticloadbalancing:DescribeListeners": (i) => {
            const lb = p.of("aws:lb/loadBalancer:LoadBalancer").find((x) => lbArn(x.inputs.name) === i.LoadBalancerArn);
            const listeners = p.of("aws:lb/listener:Listener").filter((l) => lb !== undefined && str(l.inputs.loadBalancerArn).includes(`/${str(lb.inputs.name)}/`));
            return {
                Listeners: listeners.map(({ inputs: l }) => ({
                    ListenerArn: `${str(i.LoadBalancerArn).replace(":loadbalancer/", ":listener/")}/${str(l.port)}`, Port: l.port, Protocol: l.protocol, SslPolicy: l.sslPolicy,
                    Certificates: l.certificateArn ? [{ CertificateArn: l.certificateArn }] : undefined,
                    DefaultActions: ((l.defaultActions as Record<string, unknown>[] | undefined) ?? []).map((a) => ({ Type: a.type, TargetGroupArn: a.targetGroupArn, RedirectConfig: a.redirect ? { Protocol: obj(a.redirect).protocol, Port: obj(a.redirect).port, StatusCode: obj(a.redirect).statusCode } : undefined })),
                })),
            };
        },
        "elasticloadbalancing:DescribeTargetGroups": (i) => {
            const t = p.find("aws:lb/targetGroup:TargetGroup", "name", (i.Names as string[])[0]).inputs;
            return { TargetGroups: [{ TargetGroupName: t.name, TargetGroupArn: `arn:aws:elasticloadbalancing:${p.plan.region}:${ACCOUNT}:targetgroup/${str(t.name)}/abc`, Port: t.port, Protocol: t.protocol, TargetType: t.targetType, HealthCheckPath: obj(t.healthCheck).path }] };
        },
        // Blue/green: the tasks sit behind the first (blue) group; the other is empty.
        "elasticloadbalancing:DescribeTargetHealth": (i) => {
            const first = p.of("aws:lb/targetGroup:TargetGroup")[0];
            const healthy = first !== undefined && str(i.TargetGroupArn).includes(`/${str(first.inputs.name)}/`);
            return { TargetHealthDescriptions: healthy ? [{ Target: { Id: "10.0.0.10" }, TargetHealth: { State: "healthy" } }, { Target: { Id: "10.0.1.10" }, TargetHealth: { State: "healthy" } }] : [] };
        },
    };
}
