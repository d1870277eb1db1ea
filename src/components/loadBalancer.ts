/**
 * An internet-facing Application Load Balancer set up for ECS blue/green through CodeDeploy: the
 * load balancer in public subnets of at least two zones, a security group open only on the
 * listener's port, two `ip` target groups (blue and green, for Fargate tasks), and one production
 * listener that forwards to blue until CodeDeploy swaps it. Invalid headers are dropped (ELB.4),
 * desync mitigation stays defensive (ELB.12), access logs go to S3 (ELB.5), and with a certificate
 * the listener is HTTPS with a TLS 1.3 policy (ELB.17, ELB.18).
 *
 * Without a certificate the listener is plain HTTP on port 80: only for a dev stack that records
 * the ELB.1 and ELB.18 exceptions; the payment stack refuses it in prod.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ELB_LOG_DELIVERY_ACCOUNTS, TLS_POLICIES, type TlsPolicy } from "../aws/elb";
import type { AwsRegion } from "../aws/regions";
import { withName } from "../config/tags";
import type { BaseArgs, StatefulArgs } from "./common";
import { lifecycle, TOKEN } from "./common";
import type { EcsBlueGreenTarget } from "./blueGreen";
import type { BucketPolicyStatement } from "./bucket";
import { securityGroup } from "./securityGroup";


export interface HealthCheck {
    /** @default "/" */
    readonly path?: string;
    /** HTTP codes of a healthy target. @default "200-399" */
    readonly matcher?: string;
    /** @default 15 */
    readonly intervalSeconds?: number;
}

export interface BlueGreenLoadBalancerArgs extends BaseArgs, StatefulArgs {
    /** The VPC of the target groups and the load balancer's security group. */
    readonly vpcId: pulumi.Input<string>;
    /** The VPC's block: the load balancer may reach the targets' port inside it only. */
    readonly vpcCidr: string;
    /** Public subnets, in at least two availability zones (ELB.13). */
    readonly publicSubnetIds: readonly pulumi.Input<string>[];
    /** The port the containers listen on; the target groups route to it. */
    readonly targetPort: number;
    /** The target groups' health check. @default - each field's default in HealthCheck */
    readonly healthCheck?: HealthCheck;
    /**
     * An ACM certificate in the stack's region: the listener is HTTPS on 443.
     * @default - HTTP on 80 (dev only, with recorded ELB.1 and ELB.18 exceptions)
     */
    readonly certificateArn?: pulumi.Input<string>;
    /** @default "ELBSecurityPolicy-TLS13-1-3-2021-06" */
    readonly tlsPolicy?: TlsPolicy;
    /** Access logs (ELB.5) into this bucket under this prefix; the bucket must let ELB log delivery write (see `elbLogDeliveryStatement`). */
    readonly accessLogs: { readonly bucket: pulumi.Input<string>; readonly prefix: string };
    /**
     * Seconds a target keeps serving in-flight requests after CodeDeploy moves traffic away.
     * Short, so a blue/green swap does not wait long; the default 300 would hold every deployment.
     * @default 30
     */
    readonly deregistrationDelaySeconds?: number;
}

export class BlueGreenLoadBalancer extends pulumi.ComponentResource {
    /** @internal The Application Load Balancer. */
    readonly loadBalancer: aws.lb.LoadBalancer;
    /** @internal The load balancer's security group: tasks admit traffic from it. */
    readonly securityGroup: aws.ec2.SecurityGroup;
    /** @internal The target group serving traffic at first. */
    readonly blue: aws.lb.TargetGroup;
    /** @internal The target group a deployment shifts traffic to. */
    readonly green: aws.lb.TargetGroup;
    /** The production listener: CodeDeploy points its default action at blue or green. */
    readonly listener: aws.lb.Listener;
    /** `HTTPS` with a certificate, else `HTTP`. */
    readonly protocol: "HTTPS" | "HTTP";
    /** The listener's port: 443 for HTTPS, 80 for HTTP. */
    readonly port: number;
    /** Checked names, known before deployment (CodeDeploy names target groups by name). */
    readonly loadBalancerName: string;
    /** The blue target group's checked name. */
    readonly blueName: string;
    /** The green target group's checked name. */
    readonly greenName: string;

    constructor(name: string, args: BlueGreenLoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:lb:BlueGreenLoadBalancer`, name, {}, opts);
        const problems = loadBalancerProblems(args);
        if (problems.length > 0) throw new Error(`BlueGreenLoadBalancer ${name}: ${problems.join("; ")}`);
        const child = { parent: this };
        const n = args.namer;
        const tags = args.tags;
        this.loadBalancerName = n.name("alb", "loadBalancer");
        this.blueName = n.name("blue", "targetGroup");
        this.greenName = n.name("green", "targetGroup");
        this.protocol = args.certificateArn !== undefined ? "HTTPS" : "HTTP";
        this.port = this.protocol === "HTTPS" ? 443 : 80;

        this.securityGroup = securityGroup(
            `${name}-sg`,
            {
                namer: n,
                groupName: "alb",
                description: `${this.loadBalancerName}: ${this.protocol} from the internet, to the tasks inside the VPC`,
                vpcId: args.vpcId,
                tags,
                ingress: [{ description: `${this.protocol} from the internet`, port: this.port, cidr: "0.0.0.0/0" }],
                egress: [{ description: "To the task port inside the VPC", port: args.targetPort, cidr: args.vpcCidr }],
            },
            child,
        );

        this.loadBalancer = new aws.lb.LoadBalancer(
            name,
            {
                name: this.loadBalancerName,
                loadBalancerType: "application",
                internal: false,
                ipAddressType: "ipv4",
                securityGroups: [this.securityGroup.id],
                subnets: [...args.publicSubnetIds],
                dropInvalidHeaderFields: true,
                desyncMitigationMode: "defensive",
                enableHttp2: true,
                idleTimeout: 60,
                enableDeletionProtection: lifecycle(args.removal).deletionProtection,
                accessLogs: { enabled: true, bucket: args.accessLogs.bucket, prefix: args.accessLogs.prefix },
                tags: withName(tags, this.loadBalancerName),
            },
            child,
        );

        this.blue = this.createTargetGroup(name, args, "blue", this.blueName);
        this.green = this.createTargetGroup(name, args, "green", this.greenName);

        this.listener = new aws.lb.Listener(
            `${name}-production`,
            {
                loadBalancerArn: this.loadBalancer.arn,
                port: this.port,
                protocol: this.protocol,
                ...(this.protocol === "HTTPS" ? { certificateArn: args.certificateArn, sslPolicy: args.tlsPolicy ?? TLS_POLICIES[0] } : {}),
                defaultActions: [{ type: "forward", targetGroupArn: this.blue.arn }],
                tags: withName(tags, `${this.loadBalancerName}-production`),
            },
            // CodeDeploy flips the default action between blue and green; Pulumi must not flip it back.
            { parent: this, ignoreChanges: ["defaultActions"] },
        );

        this.registerOutputs({
            loadBalancerArn: this.loadBalancer.arn,
            dnsName: this.loadBalancer.dnsName,
            listenerArn: this.listener.arn,
            blueTargetGroupArn: this.blue.arn,
            greenTargetGroupArn: this.green.arn,
        });
    }

    /** One of the two target groups CodeDeploy shifts traffic between. */
    private createTargetGroup(name: string, args: BlueGreenLoadBalancerArgs, color: "blue" | "green", tgName: string): aws.lb.TargetGroup {
        return new aws.lb.TargetGroup(
            `${name}-${color}`,
            {
                name: tgName,
                // Fargate tasks in awsvpc mode register by IP; CodeDeploy needs two such groups.
                targetType: "ip",
                vpcId: args.vpcId,
                // TLS ends at the load balancer; tasks sit in private subnets reached only from it.
                protocol: "HTTP",
                port: args.targetPort,
                deregistrationDelay: args.deregistrationDelaySeconds ?? 30,
                healthCheck: {
                    enabled: true,
                    protocol: "HTTP",
                    path: args.healthCheck?.path ?? "/",
                    matcher: args.healthCheck?.matcher ?? "200-399",
                    interval: args.healthCheck?.intervalSeconds ?? 15,
                    timeout: 5,
                    healthyThreshold: 2,
                    unhealthyThreshold: 3,
                },
                tags: withName(args.tags, tgName),
            },
            { parent: this },
        );
    }

    /**
     * The blue target group's ARN, resolved only once the listener forwards to it: ECS refuses to
     * attach a service to a target group that no listener uses, so a service taking this waits.
     */
    get blueTargetGroupArnInUse(): pulumi.Output<string> {
        return pulumi.all([this.blue.arn, this.listener.arn]).apply(([arn]) => arn);
    }

    /** CodeDeploy's view of an ECS service behind this load balancer: the target groups, the listener, the alarm dimensions. */
    targetFor(service: { readonly clusterName: pulumi.Input<string>; readonly serviceName: pulumi.Input<string>; readonly taskRoleArns: readonly pulumi.Input<string>[] }): EcsBlueGreenTarget {
        return {
            clusterName: service.clusterName,
            serviceName: service.serviceName,
            blueTargetGroupName: this.blueName,
            greenTargetGroupName: this.greenName,
            productionListenerArn: this.listener.arn,
            loadBalancerDimension: this.loadBalancer.arnSuffix,
            blueTargetGroupDimension: this.blue.arnSuffix,
            greenTargetGroupDimension: this.green.arnSuffix,
            taskRoleArns: service.taskRoleArns,
        };
    }

    /** The URL clients use: `https://<dns name>` or, without a certificate, `http://<dns name>`. */
    get url(): pulumi.Output<string> {
        return pulumi.interpolate`${this.protocol.toLowerCase()}://${this.loadBalancer.dnsName}`;
    }
}

/** What is wrong with the arguments, all at once. */
export function loadBalancerProblems(args: Pick<BlueGreenLoadBalancerArgs, "publicSubnetIds" | "targetPort" | "healthCheck" | "deregistrationDelaySeconds" | "tlsPolicy" | "certificateArn" | "accessLogs">): string[] {
    const problems: string[] = [];
    if (args.publicSubnetIds.length < 2) problems.push(`publicSubnetIds must name subnets in at least two availability zones (ELB.13), got ${args.publicSubnetIds.length}`);
    if (!Number.isInteger(args.targetPort) || args.targetPort < 1 || args.targetPort > 65535) problems.push(`targetPort must be 1 to 65535, got ${args.targetPort}`);
    const path = args.healthCheck?.path;
    if (path !== undefined && !/^\/[\x21-\x7e]{0,1023}$/.test(path)) problems.push(`healthCheck.path must start with "/", got "${path}"`);
    const interval = args.healthCheck?.intervalSeconds;
    if (interval !== undefined && (!Number.isInteger(interval) || interval < 6 || interval > 300)) problems.push(`healthCheck.intervalSeconds must be 6 to 300 (above the 5-second timeout), got ${interval}`);
    const delay = args.deregistrationDelaySeconds;
    if (delay !== undefined && (!Number.isInteger(delay) || delay < 0 || delay > 3600)) problems.push(`deregistrationDelaySeconds must be 0 to 3600, got ${delay}`);
    if (args.tlsPolicy !== undefined && args.certificateArn === undefined) problems.push("tlsPolicy applies to an HTTPS listener only: set certificateArn too");
    if (args.accessLogs.prefix.startsWith("/") || args.accessLogs.prefix.endsWith("/") || args.accessLogs.prefix.includes("AWSLogs")) {
        problems.push(`accessLogs.prefix "${args.accessLogs.prefix}" must have no leading or trailing slash and must not contain AWSLogs`);
    }
    return problems;
}


/**
 * The bucket-policy statement that lets the region's load balancers write access logs under
 * `<prefix>/AWSLogs/<account>/`.
 */
export function elbLogDeliveryStatement(region: AwsRegion, bucketArn: pulumi.Input<string>, prefix: string, account: pulumi.Input<string>): BucketPolicyStatement {
    const elbAccount = ELB_LOG_DELIVERY_ACCOUNTS[region];
    return {
        Sid: "LoadBalancerAccessLogDelivery",
        Effect: "Allow",
        Principal: elbAccount !== undefined ? { AWS: `arn:aws:iam::${elbAccount}:root` } : { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: pulumi.interpolate`${bucketArn}/${prefix}/AWSLogs/${account}/*`,
    };
}
