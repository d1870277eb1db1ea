/**
 * A VPC across N availability zones: public and private subnets (carved from the VPC block or
 * given explicitly), an internet gateway, NAT by strategy, one route table per private subnet,
 * no auto-assigned public IPs, the default security group closed (EC2.2), flow logs to a
 * KMS-encrypted log group through a role trusted by vpc-flow-logs (EC2.6), and optional VPC
 * endpoints so tasks in private subnets reach AWS APIs without NAT.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../../config/tags";
import { withName } from "../../config/tags";
import type { BaseArgs } from "../common";
import { TOKEN } from "../common";
import { ServiceRole } from "../iam";
import { logGroup } from "../logs";
import { defaultLayout, layoutProblems } from "../../aws/cidr";

/**
 * - `none`: private subnets have no route to the internet.
 * - `single`: one NAT gateway in the first AZ for all private subnets — cheapest; an AZ outage
 *   there cuts egress for every AZ (dev).
 * - `perAz`: one NAT gateway per AZ (prod).
 */
export type NatStrategy = "none" | "single" | "perAz";

/** Interface endpoints the network can create, by service suffix. */
export type InterfaceEndpoint = "ecr.api" | "ecr.dkr" | "logs" | "secretsmanager" | "kinesis-streams" | "kms" | "sts";

export interface NetworkArgs extends BaseArgs {
    /** The VPC's IPv4 block, /16 to /28. */
    readonly cidrBlock: string;
    /**
     * How many of the region's available zones to spread over (the first ones, in AWS's order):
     * one public and one private subnet in each.
     */
    readonly availabilityZoneCount: number;
    /** Explicit public subnet blocks, one per AZ. @default - carved by `defaultLayout` */
    readonly publicSubnetCidrs?: readonly string[];
    /** Explicit private subnet blocks, one per AZ. @default - carved by `defaultLayout` */
    readonly privateSubnetCidrs?: readonly string[];
    /** NAT gateways for the private subnets: none, one shared, or one per availability zone. */
    readonly natGateways: NatStrategy;
    /** VPC flow logs to an encrypted CloudWatch log group (EC2.6). */
    readonly flowLogs: {
        readonly kmsKeyArn: pulumi.Input<string>;
        readonly retentionInDays: number;
        /** @default "ALL" */
        readonly trafficType?: "ALL" | "REJECT" | "ACCEPT";
    };
    /**
     * Interface endpoints in the private subnets (about $7.30 per endpoint per AZ a month), plus a
     * free S3 gateway endpoint whenever any is set (ECR keeps image layers in S3).
     * @default []
     */
    readonly interfaceEndpoints?: readonly InterfaceEndpoint[];
}

export class Network extends pulumi.ComponentResource {
    /** @internal */
    readonly vpc: aws.ec2.Vpc;
    /** The VPC's id. */
    readonly vpcId: pulumi.Output<string>;
    /** @internal Read `publicSubnetIds`. */
    readonly publicSubnets: aws.ec2.Subnet[] = [];
    /** @internal Read `privateSubnetIds`. */
    readonly privateSubnets: aws.ec2.Subnet[] = [];
    /** @internal */
    readonly natGateways: aws.ec2.NatGateway[] = [];
    /** @internal */
    readonly privateRouteTables: aws.ec2.RouteTable[] = [];
    /** @internal */
    readonly flowLogGroup: aws.cloudwatch.LogGroup;
    /** The VPC's block, as given. */
    readonly cidrBlock: string;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:network:Network`, name, {}, opts);
        const azCount = args.availabilityZoneCount;
        if (!Number.isInteger(azCount) || azCount < 1) throw new Error(`Network ${name}: availabilityZoneCount must be a whole number, 1 or more, got ${azCount}`);
        const zones = aws.getAvailabilityZonesOutput({ state: "available" }, { parent: this }).names.apply((names) => {
            if (names.length < azCount) throw new Error(`Network ${name}: availabilityZoneCount is ${azCount}, but the region has ${names.length} available zones`);
            return names;
        });
        const layout = resolveLayout(args, azCount);
        const vpcName = args.namer.name("vpc");
        this.cidrBlock = args.cidrBlock;

        this.vpc = new aws.ec2.Vpc(
            name,
            { cidrBlock: args.cidrBlock, enableDnsSupport: true, enableDnsHostnames: true, tags: withName(args.tags, vpcName) },
            { parent: this },
        );
        this.vpcId = this.vpc.id;

        // Adopting the default security group with no rules closes it (EC2.2).
        new aws.ec2.DefaultSecurityGroup(name, { vpcId: this.vpc.id, ingress: [], egress: [], tags: withName(args.tags, `${vpcName}-default-closed`) }, { parent: this });

        const igw = this.createPublicRouting(name, args.tags, vpcName, azCount, zones, layout);
        const natCount = args.natGateways === "none" ? 0 : args.natGateways === "single" ? 1 : azCount;
        this.createNatGateways(name, args.tags, vpcName, natCount, igw);
        this.createPrivateRouteTables(name, args.tags, vpcName, azCount, natCount);
        this.flowLogGroup = this.createFlowLogs(name, args, vpcName);
        this.createEndpoints(name, args, vpcName);

        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnets.map((s) => s.id),
            privateSubnetIds: this.privateSubnets.map((s) => s.id),
        });
    }

    /** The internet gateway, the public route table, and one public and one private subnet per zone. */
    private createPublicRouting(
        name: string,
        tags: Tags,
        vpcName: string,
        azCount: number,
        zones: pulumi.Output<string[]>,
        layout: SubnetLayout,
    ): aws.ec2.InternetGateway {
        const igw = new aws.ec2.InternetGateway(name, { vpcId: this.vpc.id, tags: withName(tags, `${vpcName}-igw`) }, { parent: this });
        const publicRt = new aws.ec2.RouteTable(`${name}-public`, { vpcId: this.vpc.id, tags: withName(tags, `${vpcName}-public`) }, { parent: this });
        new aws.ec2.Route(`${name}-public-default`, { routeTableId: publicRt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id }, { parent: this });

        for (let i = 0; i < azCount; i++) {
            const az = zones.apply((names) => names[i]!);
            const letter = zoneLetter(i);
            const subnet = (tier: "public" | "private", cidrBlock: string) =>
                new aws.ec2.Subnet(
                    `${name}-${tier}-${letter}`,
                    {
                        vpcId: this.vpc.id,
                        cidrBlock,
                        availabilityZone: az,
                        // Load balancers get public addresses explicitly; nothing else should (EC2.15).
                        mapPublicIpOnLaunch: false,
                        tags: { ...withName(tags, `${vpcName}-${tier}-${letter}`), Tier: tier },
                    },
                    { parent: this },
                );
            const pub = subnet("public", layout.publicCidrs[i]!);
            new aws.ec2.RouteTableAssociation(`${name}-public-${letter}`, { subnetId: pub.id, routeTableId: publicRt.id }, { parent: this });
            this.publicSubnets.push(pub);
            this.privateSubnets.push(subnet("private", layout.privateCidrs[i]!));
        }
        return igw;
    }

    /** `natCount` gateways, each with its Elastic IP, in the first public subnets. */
    private createNatGateways(name: string, tags: Tags, vpcName: string, natCount: number, igw: aws.ec2.InternetGateway): void {
        for (let i = 0; i < natCount; i++) {
            const letter = zoneLetter(i);
            const eip = new aws.ec2.Eip(`${name}-nat-${letter}`, { domain: "vpc", tags: withName(tags, `${vpcName}-nat-${letter}`) }, { parent: this });
            this.natGateways.push(
                new aws.ec2.NatGateway(
                    `${name}-nat-${letter}`,
                    { allocationId: eip.id, subnetId: this.publicSubnets[i]!.id, connectivityType: "public", tags: withName(tags, `${vpcName}-nat-${letter}`) },
                    // The gateway needs the internet gateway attached before it can route.
                    { parent: this, dependsOn: [igw] },
                ),
            );
        }
    }

    /** One route table per private subnet, its default route through the zone's NAT gateway (or the last one). */
    private createPrivateRouteTables(name: string, tags: Tags, vpcName: string, azCount: number, natCount: number): void {
        for (let i = 0; i < azCount; i++) {
            const letter = zoneLetter(i);
            const rt = new aws.ec2.RouteTable(`${name}-private-${letter}`, { vpcId: this.vpc.id, tags: withName(tags, `${vpcName}-private-${letter}`) }, { parent: this });
            if (natCount > 0) {
                const nat = this.natGateways[Math.min(i, natCount - 1)]!;
                new aws.ec2.Route(`${name}-private-${letter}-default`, { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id }, { parent: this });
            }
            new aws.ec2.RouteTableAssociation(`${name}-private-${letter}`, { subnetId: this.privateSubnets[i]!.id, routeTableId: rt.id }, { parent: this });
            this.privateRouteTables.push(rt);
        }
    }

    /** The flow log, its encrypted log group and the role vpc-flow-logs writes through. */
    private createFlowLogs(name: string, args: NetworkArgs, vpcName: string): aws.cloudwatch.LogGroup {
        const tags = args.tags;
        const flowLogGroup = logGroup(
            `${name}-flow-logs`,
            { logGroupName: `/vpc/flow-logs/${vpcName}`, retentionInDays: args.flowLogs.retentionInDays, kmsKeyArn: args.flowLogs.kmsKeyArn, tags },
            { parent: this },
        );
        const flowRole = new ServiceRole(
            `${name}-flow-logs`,
            {
                namer: args.namer,
                tags,
                roleName: "flow-logs",
                description: `VPC flow logs of ${vpcName} to CloudWatch Logs`,
                services: ["vpc-flow-logs.amazonaws.com"],
                policies: {
                    "write-logs": [
                        {
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                            Resource: [flowLogGroup.arn, pulumi.interpolate`${flowLogGroup.arn}:*`],
                        },
                        // The flow-logs role page lists DescribeLogGroups, which supports no resource type.
                        // https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html
                        { Action: "logs:DescribeLogGroups", Resource: "*" },
                    ],
                },
            },
            { parent: this },
        );
        new aws.ec2.FlowLog(
            name,
            {
                vpcId: this.vpc.id,
                trafficType: args.flowLogs.trafficType ?? "ALL",
                logDestinationType: "cloud-watch-logs",
                logDestination: flowLogGroup.arn,
                iamRoleArn: flowRole.arn,
                maxAggregationInterval: 600,
                tags: withName(tags, `${vpcName}-flow-log`),
            },
            { parent: this },
        );
        return flowLogGroup;
    }

    /** The interface endpoints with their security group, and the S3 gateway endpoint, when any is asked for. */
    private createEndpoints(name: string, args: NetworkArgs, vpcName: string): void {
        const endpoints = args.interfaceEndpoints ?? [];
        if (endpoints.length === 0) return;
        const tags = args.tags;
        const region = aws.getRegionOutput({}, { parent: this }).region;
        const sg = new aws.ec2.SecurityGroup(
            `${name}-endpoints`,
            { name: args.namer.name("vpc-endpoints"), description: "HTTPS from the VPC to interface endpoints", vpcId: this.vpc.id, tags: withName(tags, `${vpcName}-endpoints`) },
            { parent: this },
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-endpoints-https`,
            { securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: args.cidrBlock, description: "HTTPS from inside the VPC", tags },
            { parent: this },
        );
        for (const svc of endpoints) {
            new aws.ec2.VpcEndpoint(
                `${name}-${svc.replace(/\./g, "-")}`,
                {
                    vpcId: this.vpc.id,
                    serviceName: pulumi.interpolate`com.amazonaws.${region}.${svc}`,
                    vpcEndpointType: "Interface",
                    privateDnsEnabled: true,
                    subnetIds: this.privateSubnets.map((s) => s.id),
                    securityGroupIds: [sg.id],
                    tags: withName(tags, `${vpcName}-${svc}`),
                },
                { parent: this },
            );
        }
        new aws.ec2.VpcEndpoint(
            `${name}-s3`,
            {
                vpcId: this.vpc.id,
                serviceName: pulumi.interpolate`com.amazonaws.${region}.s3`,
                vpcEndpointType: "Gateway",
                routeTableIds: this.privateRouteTables.map((rt) => rt.id),
                tags: withName(tags, `${vpcName}-s3`),
            },
            { parent: this },
        );
    }

    /** One public subnet per zone, in zone order. */
    get publicSubnetIds(): pulumi.Output<string>[] {
        return this.publicSubnets.map((s) => s.id);
    }

    /** One private subnet per zone, in zone order. */
    get privateSubnetIds(): pulumi.Output<string>[] {
        return this.privateSubnets.map((s) => s.id);
    }
}

/** Subnet blocks by tier, one per zone in zone order. */
interface SubnetLayout {
    readonly publicCidrs: readonly string[];
    readonly privateCidrs: readonly string[];
}

/** `a` for the first zone, `b` for the second: the suffix of each per-zone resource. */
function zoneLetter(index: number): string {
    return String.fromCharCode(97 + index);
}

function resolveLayout(args: NetworkArgs, azCount: number): SubnetLayout {
    const carved = args.publicSubnetCidrs && args.privateSubnetCidrs ? undefined : defaultLayout(args.cidrBlock, azCount);
    const publicCidrs = args.publicSubnetCidrs ?? carved!.publicCidrs;
    const privateCidrs = args.privateSubnetCidrs ?? carved!.privateCidrs;
    const problems = layoutProblems(args.cidrBlock, [
        ...publicCidrs.map((cidr, i) => ({ name: `public subnet ${i + 1}`, cidr })),
        ...privateCidrs.map((cidr, i) => ({ name: `private subnet ${i + 1}`, cidr })),
    ]);
    if (publicCidrs.length !== azCount || privateCidrs.length !== azCount) {
        problems.push(`need ${azCount} public and ${azCount} private subnet blocks (one per AZ), got ${publicCidrs.length} and ${privateCidrs.length}`);
    }
    if (problems.length > 0) throw new Error(`Network: ${problems.join("; ")}`);
    return { publicCidrs, privateCidrs };
}
