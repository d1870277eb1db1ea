/**
 * An ECS cluster with Container Insights and one Fargate service: a task definition whose
 * secrets come from Secrets Manager (never plain environment), a read-only root file system and
 * a non-root user, logs to a KMS-encrypted log group, and the service in private subnets
 * without public IPs. The execution role may read exactly the secrets the task names; the task
 * role gets exactly the statements it is given.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { withName } from "../config/tags";
import type { BaseArgs } from "./common";
import { TOKEN } from "./common";
import { ServiceRole, type Statement } from "./iam";
import { logGroup } from "./logs";

export interface ContainerSecret {
    /** Environment variable name inside the container. */
    readonly name: string;
    /** The secret's ARN. */
    readonly secretArn: pulumi.Input<string>;
    /** A JSON key inside the secret (e.g. `password`); the whole value when absent. */
    readonly jsonKey?: string;
}

export interface LoadBalancerAttachment {
    readonly targetGroupArn: pulumi.Input<string>;
}

export interface ContainerServiceArgs extends BaseArgs {
    /** Private subnets the tasks run in. */
    readonly subnetIds: pulumi.Input<string>[];
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly logRetentionDays: number;
    /** "enhanced" costs more CloudWatch metrics; "disabled" fails ECS.12. */
    readonly containerInsights: "enabled" | "enhanced" | "disabled";
    /** An image URI; by digest (`repo@sha256:...`) when the program builds it. */
    readonly image: pulumi.Input<string>;
    /** @default "app" */
    readonly containerName?: string;
    readonly containerPort: number;
    /** Numeric `uid[:gid]`, not root (ECS.20). It must match a user the image can run as. */
    readonly user: string;
    /** Fargate CPU units: 256, 512, 1024, 2048, 4096, 8192, 16384. */
    readonly cpu: number;
    /** MiB, within Fargate's range for `cpu`. */
    readonly memory: number;
    readonly desiredCount: number;
    /** @default "X86_64" */
    readonly architecture?: "X86_64" | "ARM64";
    readonly environment: Readonly<Record<string, pulumi.Input<string>>>;
    readonly secrets: readonly ContainerSecret[];
    /** ECR repositories the execution role may pull from (none for a public image). */
    readonly pullRepositoryArns?: readonly pulumi.Input<string>[];
    /** KMS keys the execution role may decrypt secrets with. */
    readonly secretKmsKeyArns: readonly pulumi.Input<string>[];
    /** The application's own permissions, as customer-managed policies of the task role. */
    readonly taskPolicies: Readonly<Record<string, readonly Statement[]>>;
    /**
     * Security groups of the tasks. Made by the caller, so data stores can admit them before
     * the service exists (their endpoints are part of the task definition).
     */
    readonly securityGroupIds: readonly pulumi.Input<string>[];
    /** Writable paths on the read-only root file system (ephemeral task storage). @default ["/tmp"] */
    readonly writablePaths?: readonly string[];
    /** "CODE_DEPLOY" hands deployments to CodeDeploy blue/green. @default "ECS" */
    readonly deploymentController?: "ECS" | "CODE_DEPLOY";
    readonly loadBalancer?: LoadBalancerAttachment;
    /** Resource key of the service and cluster names. @default "service" / "cluster" */
    readonly serviceName?: string;
    readonly clusterName?: string;
}

/** Fargate's valid memory (MiB) per CPU setting. */
export function fargateMemoryProblem(cpu: number, memory: number): string | undefined {
    const ranges: Record<number, [number, number, number]> = {
        256: [512, 2048, 512],
        512: [1024, 4096, 1024],
        1024: [2048, 8192, 1024],
        2048: [4096, 16384, 1024],
        4096: [8192, 30720, 1024],
        8192: [16384, 61440, 4096],
        16384: [32768, 122880, 8192],
    };
    const r = ranges[cpu];
    if (!r) return `cpu ${cpu} is not a Fargate size (256, 512, 1024, 2048, 4096, 8192, 16384)`;
    const [min, max, step] = r;
    if (cpu === 256 && memory === 512) return undefined;
    if (memory < min || memory > max || (memory - (cpu === 256 ? 0 : min)) % step !== 0) {
        return `memory ${memory} MiB is not valid with cpu ${cpu}: use ${min}–${max} MiB in steps of ${step}`;
    }
    return undefined;
}

export class ContainerService extends pulumi.ComponentResource {
    readonly cluster: aws.ecs.Cluster;
    readonly service: aws.ecs.Service;
    readonly taskDefinition: aws.ecs.TaskDefinition;
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly executionRole: ServiceRole;
    readonly taskRole: ServiceRole;
    readonly serviceName: string;
    readonly clusterName: string;
    readonly containerName: string;

    constructor(name: string, args: ContainerServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:ecs:ContainerService`, name, {}, opts);
        const memoryProblem = fargateMemoryProblem(args.cpu, args.memory);
        if (memoryProblem) throw new Error(`ContainerService ${name}: ${memoryProblem}`);
        if (/^(0|root)(:|$)/.test(args.user)) throw new Error(`ContainerService ${name}: user must not be root (ECS.20), got "${args.user}"`);
        const tags = args.tags;
        const n = args.namer;
        this.serviceName = n.name(args.serviceName ?? "service");
        this.clusterName = n.name(args.clusterName ?? "cluster");
        this.containerName = args.containerName ?? "app";

        this.cluster = new aws.ecs.Cluster(
            name,
            { name: this.clusterName, settings: [{ name: "containerInsights", value: args.containerInsights }], tags },
            { parent: this },
        );
        this.logGroup = logGroup(
            `${name}-logs`,
            { logGroupName: `/ecs/${this.serviceName}`, retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArn, tags },
            { parent: this },
        );

        const secretArns = [...new Set(args.secrets.map((s) => s.secretArn))];
        this.executionRole = new ServiceRole(
            `${name}-execution`,
            {
                namer: n,
                tags,
                roleName: n.name("task-execution", "iamRole"),
                description: `Pulls the image, writes logs and reads the secrets of ${this.serviceName}`,
                services: ["ecs-tasks.amazonaws.com"],
                policies: {
                    "pull-and-log": [
                        // ecr:GetAuthorizationToken has no resource-level permissions: "*" is the only valid resource.
                        { Sid: "EcrAuth", Action: "ecr:GetAuthorizationToken", Resource: "*" },
                        ...(args.pullRepositoryArns && args.pullRepositoryArns.length > 0
                            ? [{ Sid: "EcrPull", Action: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], Resource: [...args.pullRepositoryArns] }]
                            : []),
                        { Sid: "Logs", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate`${this.logGroup.arn}:*` },
                    ],
                    ...(secretArns.length > 0
                        ? {
                              "read-secrets": [
                                  { Sid: "Secrets", Action: "secretsmanager:GetSecretValue", Resource: secretArns },
                                  { Sid: "DecryptSecrets", Action: "kms:Decrypt", Resource: [...args.secretKmsKeyArns] },
                              ],
                          }
                        : {}),
                },
            },
            { parent: this },
        );
        this.taskRole = new ServiceRole(
            `${name}-task`,
            {
                namer: n,
                tags,
                roleName: n.name("task", "iamRole"),
                description: `The application permissions of ${this.serviceName}`,
                services: ["ecs-tasks.amazonaws.com"],
                policies: args.taskPolicies,
            },
            { parent: this },
        );

        const writable = args.writablePaths ?? ["/tmp"];
        const region = aws.getRegionOutput({}, { parent: this }).region;
        const containerDefinitions = pulumi.jsonStringify([
            {
                name: this.containerName,
                image: args.image,
                essential: true,
                user: args.user,
                readonlyRootFilesystem: true,
                privileged: false,
                portMappings: [{ containerPort: args.containerPort, protocol: "tcp" }],
                environment: Object.entries(args.environment).map(([k, v]) => ({ name: k, value: v })),
                secrets: args.secrets.map((s) => ({
                    name: s.name,
                    valueFrom: s.jsonKey ? pulumi.interpolate`${s.secretArn}:${s.jsonKey}::` : s.secretArn,
                })),
                mountPoints: writable.map((p, i) => ({ sourceVolume: `scratch-${i}`, containerPath: p, readOnly: false })),
                logConfiguration: {
                    logDriver: "awslogs",
                    options: { "awslogs-group": this.logGroup.name, "awslogs-region": region, "awslogs-stream-prefix": this.containerName },
                },
                linuxParameters: { initProcessEnabled: true },
            },
        ]);
        this.taskDefinition = new aws.ecs.TaskDefinition(
            name,
            {
                family: this.serviceName,
                cpu: String(args.cpu),
                memory: String(args.memory),
                networkMode: "awsvpc",
                requiresCompatibilities: ["FARGATE"],
                runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: args.architecture ?? "X86_64" },
                executionRoleArn: this.executionRole.arn,
                taskRoleArn: this.taskRole.arn,
                containerDefinitions,
                volumes: writable.map((_, i) => ({ name: `scratch-${i}` })),
                tags,
            },
            { parent: this },
        );

        const codeDeploy = args.deploymentController === "CODE_DEPLOY";
        this.service = new aws.ecs.Service(
            name,
            {
                name: this.serviceName,
                cluster: this.cluster.arn,
                taskDefinition: this.taskDefinition.arn,
                desiredCount: args.desiredCount,
                launchType: "FARGATE",
                platformVersion: "LATEST",
                networkConfiguration: { subnets: args.subnetIds, securityGroups: [...args.securityGroupIds], assignPublicIp: false },
                deploymentController: { type: args.deploymentController ?? "ECS" },
                // CodeDeploy owns rollbacks when it controls deployments; the circuit breaker is ECS's own.
                ...(codeDeploy ? {} : { deploymentCircuitBreaker: { enable: true, rollback: true } }),
                ...(args.loadBalancer
                    ? { loadBalancers: [{ targetGroupArn: args.loadBalancer.targetGroupArn, containerName: this.containerName, containerPort: args.containerPort }] }
                    : {}),
                propagateTags: "SERVICE",
                enableEcsManagedTags: true,
                enableExecuteCommand: false,
                waitForSteadyState: false,
                tags: withName(tags, this.serviceName),
            },
            // CodeDeploy swaps task definitions and target groups; Pulumi must not undo that.
            { parent: this, ...(codeDeploy ? { ignoreChanges: ["taskDefinition", "loadBalancers"] } : {}) },
        );
        this.registerOutputs({ clusterArn: this.cluster.arn, serviceName: this.service.name });
    }
}
