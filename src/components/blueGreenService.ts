/**
 * The ECS service a CodeDeploy blue/green deployment targets, behind one interface whether the
 * stack creates it or it already exists (as CDK's `fromXAttributes`):
 *
 * - `new BlueGreenService(...)`: a VPC, an internet-facing load balancer with blue and green
 *   target groups, the tasks' security group (the container port from the load balancer only)
 *   and a Fargate service under the CODE_DEPLOY controller, so one `pulumi up` on an empty
 *   account gives a pipeline something to deploy to;
 * - `BlueGreenService.fromAttributes(...)`: an existing service, from its names and ARNs.
 */
import * as pulumi from "@pulumi/pulumi";
import { targetFromArns, type EcsBlueGreenTarget } from "./blueGreen";
import type { BaseArgs } from "./common";
import { TOKEN } from "./common";
import { ContainerService, type ContainerServiceArgs } from "./containers";
import { grantKey, type Grantee } from "./iam";
import { BlueGreenLoadBalancer, type BlueGreenLoadBalancerArgs } from "./loadBalancer";
import { Network, type NetworkArgs } from "./network";
import { securityGroup } from "./securityGroup";

/** What a blue/green pipeline needs of its ECS service, created or existing. */
export interface IBlueGreenService {
    /** CodeDeploy's view: cluster, service, target groups, listener, alarm dimensions, task roles. */
    readonly target: EcsBlueGreenTarget;
    /** The family whose current revision a build copies into `taskdef.json` with the new image. */
    readonly taskDefinitionFamily: pulumi.Input<string>;
    /** The container behind the load balancer, and its port. */
    readonly containerName: string;
    /** The port the container listens on and the target groups route to. */
    readonly containerPort: number;
    /** The URL clients use; undefined for an existing service (its load balancer is not known here). */
    readonly url: pulumi.Output<string> | undefined;
    /** Read the task definition a deployment starts from (a Docker build writing `taskdef.json`). */
    grantTaskDefinitionRead(grantee: Grantee): void;
}

/** An existing blue/green service, as its owners describe it. */
export interface BlueGreenServiceAttributes {
    /** The existing ECS cluster's name. */
    readonly clusterName: string;
    /** The existing ECS service's name (deployment controller CODE_DEPLOY). */
    readonly serviceName: string;
    /** The family whose current revision a build copies into `taskdef.json`. */
    readonly taskDefinitionFamily: string;
    /** The container behind the load balancer. */
    readonly containerName: string;
    /** The port that container listens on. */
    readonly containerPort: number;
    /** The target group serving production traffic now. */
    readonly blueTargetGroupArn: string;
    /** The idle target group a deployment registers the new tasks with. */
    readonly greenTargetGroupArn: string;
    /** The listener production traffic arrives on. */
    readonly productionListenerArn: string;
    /** A listener for test traffic before the shift. @default - none */
    readonly testListenerArn?: string;
    /** The task's execution role, which CodeDeploy passes to ECS. */
    readonly taskExecutionRoleArn: string;
    /** The task's application role, passed to ECS with the execution role. @default - none */
    readonly taskRoleArn?: string;
}

/**
 * ecs:DescribeTaskDefinition supports no resource-level permissions (aws/containers-roadmap#929),
 * so the statement names "*".
 */
function grantTaskDefinitionRead(resourceName: string, grantee: Grantee): void {
    grantee.grant(grantKey(resourceName, "task-definition-read"), [{ Sid: "ReadCurrentTaskDefinition", Action: "ecs:DescribeTaskDefinition", Resource: "*" }]);
}

type Container = Pick<ContainerServiceArgs, "image" | "containerName" | "user" | "cpu" | "memory" | "desiredCount" | "pullRepositoryArns" | "waitForSteadyState">;

export interface BlueGreenServiceArgs extends BaseArgs {
    /** What the service is, in words, for descriptions (e.g. "Payment service"). */
    readonly description: string;
    /** The VPC the stack creates for the service (flow logs use `kmsKeyArn` and `logRetentionDays`). */
    readonly network: Pick<NetworkArgs, "cidrBlock" | "availabilityZoneCount" | "natGateways" | "interfaceEndpoints">;
    /** The internet-facing load balancer with the blue and green target groups. */
    readonly loadBalancer: Pick<BlueGreenLoadBalancerArgs, "healthCheck" | "certificateArn" | "accessLogs" | "removal"> & {
        /** Resources the load balancer waits for, e.g. the log bucket's policy it checks when it is created. */
        readonly dependsOn?: readonly pulumi.Resource[];
    };
    /** The Fargate task: image, container name and port, user, sizes, count, repositories it pulls from. */
    readonly container: Container & { readonly containerPort: number };
    /** The customer key of the service's log group and the VPC's flow logs. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Days the task and flow logs are kept. */
    readonly logRetentionDays: number;
}

export class BlueGreenService extends pulumi.ComponentResource implements IBlueGreenService {
    /** CodeDeploy's view: cluster, service, target groups, listener, alarm dimensions, task roles. */
    readonly target: EcsBlueGreenTarget;
    /** The family whose current revision a build copies into `taskdef.json`. */
    readonly taskDefinitionFamily: pulumi.Output<string>;
    /** The container behind the load balancer. */
    readonly containerName: string;
    /** The port the container listens on. */
    readonly containerPort: number;
    /** The load balancer's URL (HTTPS with a certificate, else HTTP). */
    readonly url: pulumi.Output<string>;
    private readonly resourceName: string;

    /** An existing service: nothing is created, and grants name its task definition family. */
    static fromAttributes(name: string, a: BlueGreenServiceAttributes): IBlueGreenService {
        return {
            target: targetFromArns({ ...a, taskRoleArns: [a.taskExecutionRoleArn, ...(a.taskRoleArn !== undefined ? [a.taskRoleArn] : [])] }),
            taskDefinitionFamily: a.taskDefinitionFamily,
            containerName: a.containerName,
            containerPort: a.containerPort,
            url: undefined,
            grantTaskDefinitionRead: (grantee) => grantTaskDefinitionRead(name, grantee),
        };
    }

    constructor(name: string, args: BlueGreenServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:ecs:BlueGreenService`, name, {}, opts);
        this.resourceName = name;
        const base = { namer: args.namer, tags: args.tags };
        // Created at the stack's root before this component existed; the aliases keep those resources.
        const child = { parent: this, aliases: [{ parent: pulumi.rootStackResource }] };
        const port = args.container.containerPort;
        const network = new Network("network", { ...base, ...args.network, flowLogs: { kmsKeyArn: args.kmsKeyArn, retentionInDays: args.logRetentionDays } }, child);
        const { dependsOn, ...lb } = args.loadBalancer;
        const alb = new BlueGreenLoadBalancer(
            "alb",
            { ...base, ...lb, vpcId: network.vpcId, vpcCidr: network.cidrBlock, publicSubnetIds: network.publicSubnetIds, targetPort: port },
            { ...child, dependsOn: [...(dependsOn ?? [])] },
        );
        const tasks = securityGroup(
            "service-sg",
            {
                namer: args.namer,
                groupName: "service",
                description: `${args.description} tasks: the container port from the load balancer only`,
                vpcId: network.vpcId,
                tags: args.tags,
                ingress: [{ description: "From the load balancer", port, securityGroupId: alb.securityGroup.id }],
                egress: [{ description: "HTTPS to AWS APIs and the image registries", port: 443, cidr: "0.0.0.0/0" }],
            },
            child,
        );
        const service = new ContainerService(
            "service",
            {
                ...base,
                ...args.container,
                subnetIds: network.privateSubnetIds,
                securityGroupIds: [tasks.id],
                kmsKeyArn: args.kmsKeyArn,
                logRetentionDays: args.logRetentionDays,
                containerInsights: "enabled",
                environment: {},
                secrets: [],
                deploymentController: "CODE_DEPLOY",
                loadBalancer: { targetGroupArn: alb.blueTargetGroupArnInUse },
            },
            child,
        );
        this.target = alb.targetFor({ clusterName: service.clusterName, serviceName: service.name, taskRoleArns: service.roleArns });
        this.taskDefinitionFamily = service.taskDefinitionFamily;
        this.containerName = service.containerName;
        this.containerPort = port;
        this.url = alb.url;
        this.registerOutputs({ url: this.url, taskDefinitionFamily: this.taskDefinitionFamily });
    }

    /** Read the task definition a deployment starts from (a Docker build writing `taskdef.json`). */
    grantTaskDefinitionRead(grantee: Grantee): void {
        grantTaskDefinitionRead(this.resourceName, grantee);
    }
}
