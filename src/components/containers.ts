/**
 * An ECS cluster with Container Insights and one Fargate service: a task definition whose
 * secrets come from Secrets Manager (never plain environment), a read-only root file system and
 * a non-root user, logs to a KMS-encrypted log group, and the service in private subnets
 * without public IPs. The execution role may read exactly the secrets the task names; the task
 * role gets exactly the statements it is given.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { fargateMemoryProblem } from "../aws/fargate";
import { withName } from "../config/tags";
import type { BaseArgs } from "./common";
import { TOKEN } from "./common";
import { ServiceRole, type Grantee, type Statement } from "./iam";
import { logGroup } from "./logs";
import { ECR_LOGIN_STATEMENT, ECR_PULL_ACTIONS } from "./registry";
import { secretReadStatements, type SecretRef } from "./secret";
import { PLACEHOLDER_LABEL } from "../functions/deployfiles/files";

/**
 * The server a service runs until its own image is deployed: Python's http.server from the
 * Docker official image on Amazon ECR Public (no anonymous pull limit, unlike Docker Hub, whose
 * allowance tasks behind one NAT address share), answering 200 with the listing of an empty
 * directory. It writes nothing (Python skips its bytecode cache when it cannot write it), so it starts as the task runs every container: a non-root uid
 * with a read-only root file system. nginx cannot: it must write its pid and temp files, and a
 * Fargate bind mount is owned by root with mode 0755 unless the image declares the volume
 * (Fargate has no tmpfs), so a non-root nginx exits at start.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html
 * @see https://gallery.ecr.aws/docker/library/python
 */
export const PLACEHOLDER_IMAGE = "public.ecr.aws/docker/library/python:3.13-alpine";

/** The placeholder's command: serve `/srv`, empty in Alpine, on the container port. */
export function placeholderCommand(port: number): string[] {
    return ["python3", "-m", "http.server", String(port), "--directory", "/srv"];
}

export interface ContainerSecret {
    /** Environment variable name inside the container. */
    readonly name: string;
    /** The secret and its key (e.g. `database.secret`). */
    readonly secret: SecretRef;
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
    /**
     * The image URI (by digest, `repo@sha256:...`, when the program builds it). Its writable paths must be volumes the image declares (`VOLUME`, owned by the
     * task's user): Fargate makes any other mount root-owned 0755.
     * @default - the placeholder server (`PLACEHOLDER_IMAGE`), labelled so the first blue/green
     * release drops its command
     */
    readonly image?: pulumi.Input<string>;
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
    /**
     * Make `pulumi up` wait until the deployment is steady (the tasks start and pass their health
     * checks), so a service whose deployment fails fails the `up` instead of rolling back silently
     * behind a reported success. With CODE_DEPLOY it applies to the service's first deployment
     * only: Pulumi ignores the task definition CodeDeploy moves on later.
     * @default true
     */
    readonly waitForSteadyState?: boolean;
}

export class ContainerService extends pulumi.ComponentResource implements Grantee {
    /** @internal */
    readonly cluster: aws.ecs.Cluster;
    /** @internal */
    readonly service: aws.ecs.Service;
    /** @internal */
    readonly taskDefinition: aws.ecs.TaskDefinition;
    /** @internal */
    readonly logGroup: aws.cloudwatch.LogGroup;
    /** @internal Pulls the image, writes logs, reads the container's secrets. */
    readonly executionRole: ServiceRole;
    /** @internal The application's role: grant to the service itself (it is a Grantee). */
    readonly taskRole: ServiceRole;
    /** The checked service name, known before deployment. */
    readonly serviceName: string;
    /** The checked cluster name, known before deployment. */
    readonly clusterName: string;
    readonly containerName: string;
    /** The cluster's ARN. */
    readonly clusterArn: pulumi.Output<string>;
    /** The service's name as an output, for stack outputs. */
    readonly name: pulumi.Output<string>;
    /** The task definition family, which a blue/green build reads the current revision of. */
    readonly taskDefinitionFamily: pulumi.Output<string>;
    /** The application's log group. */
    readonly logGroupName: pulumi.Output<string>;
    /** The task's execution and task role ARNs: what a deployment passes to ECS. */
    readonly roleArns: readonly pulumi.Output<string>[];

    constructor(name: string, args: ContainerServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:ecs:ContainerService`, name, {}, opts);
        const memoryProblem = fargateMemoryProblem(args.cpu, args.memory);
        if (memoryProblem) throw new Error(`ContainerService ${name}: ${memoryProblem}`);
        if (/^(0|root)(:|$)/.test(args.user)) throw new Error(`ContainerService ${name}: user must not be root (ECS.20), got "${args.user}"`);
        const n = args.namer;
        this.serviceName = n.name(args.serviceName ?? "service");
        this.clusterName = n.name(args.clusterName ?? "cluster");
        this.containerName = args.containerName ?? "app";

        this.cluster = this.createCluster(name, args);
        this.logGroup = logGroup(
            `${name}-logs`,
            { logGroupName: `/ecs/${this.serviceName}`, retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArn, tags: args.tags },
            { parent: this },
        );

        const region = aws.getRegionOutput({}, { parent: this }).region;
        this.executionRole = this.createExecutionRole(name, args, region);
        this.taskRole = new ServiceRole(
            `${name}-task`,
            {
                namer: n,
                tags: args.tags,
                roleName: n.name("task", "iamRole"),
                description: `The application permissions of ${this.serviceName}`,
                services: ["ecs-tasks.amazonaws.com"],
                policies: {},
            },
            { parent: this },
        );
        this.taskDefinition = this.createTaskDefinition(name, args, region);
        this.service = this.createService(name, args);

        this.clusterArn = this.cluster.arn;
        this.name = this.service.name;
        this.taskDefinitionFamily = this.taskDefinition.family;
        this.logGroupName = this.logGroup.name;
        this.roleArns = [this.executionRole.arn, this.taskRole.arn];
        this.registerOutputs({ clusterArn: this.clusterArn, serviceName: this.name });
    }

    /** The cluster, after the Container Insights log group it writes to. */
    private createCluster(name: string, args: ContainerServiceArgs): aws.ecs.Cluster {
        // Container Insights writes performance events to this group, which ECS would otherwise
        // create unencrypted, kept forever and outside the stack; created first, with the key.
        const insightsLogs =
            args.containerInsights === "disabled"
                ? []
                : [
                      logGroup(
                          `${name}-insights-logs`,
                          { logGroupName: `/aws/ecs/containerinsights/${this.clusterName}/performance`, retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArn, tags: args.tags },
                          { parent: this },
                      ),
                  ];
        return new aws.ecs.Cluster(
            name,
            { name: this.clusterName, settings: [{ name: "containerInsights", value: args.containerInsights }], tags: args.tags },
            { parent: this, dependsOn: insightsLogs },
        );
    }

    /** The role ECS itself uses for the task: pull the image, write its logs, read its secrets. */
    private createExecutionRole(name: string, args: ContainerServiceArgs, region: pulumi.Output<string>): ServiceRole {
        const n = args.namer;
        return new ServiceRole(
            `${name}-execution`,
            {
                namer: n,
                tags: args.tags,
                roleName: n.name("task-execution", "iamRole"),
                description: `Pulls the image, writes logs and reads the secrets of ${this.serviceName}`,
                services: ["ecs-tasks.amazonaws.com"],
                policies: {
                    "pull-and-log": [
                        { ...ECR_LOGIN_STATEMENT, Sid: "EcrAuth" },
                        ...(args.pullRepositoryArns && args.pullRepositoryArns.length > 0 ? [{ Sid: "EcrPull", Action: [...ECR_PULL_ACTIONS], Resource: [...args.pullRepositoryArns] }] : []),
                        { Sid: "Logs", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate`${this.logGroup.arn}:*` },
                    ],
                    ...(args.secrets.length > 0 ? { "read-secrets": secretReadStatements(args.secrets.map((s) => s.secret), region, "Secrets") } : {}),
                },
            },
            { parent: this },
        );
    }

    private createTaskDefinition(name: string, args: ContainerServiceArgs, region: pulumi.Output<string>): aws.ecs.TaskDefinition {
        const writable = args.writablePaths ?? ["/tmp"];
        const containerDefinitions = pulumi.jsonStringify([
            {
                name: this.containerName,
                image: args.image ?? PLACEHOLDER_IMAGE,
                ...(args.image === undefined
                    ? { command: placeholderCommand(args.containerPort), dockerLabels: { [PLACEHOLDER_LABEL]: "python-http-server" } }
                    : {}),
                essential: true,
                user: args.user,
                readonlyRootFilesystem: true,
                privileged: false,
                portMappings: [{ containerPort: args.containerPort, protocol: "tcp" }],
                environment: Object.entries(args.environment).map(([k, v]) => ({ name: k, value: v })),
                secrets: args.secrets.map((s) => ({
                    name: s.name,
                    valueFrom: s.jsonKey ? pulumi.interpolate`${s.secret.arn}:${s.jsonKey}::` : s.secret.arn,
                })),
                mountPoints: writable.map((p, i) => ({ sourceVolume: `scratch-${i}`, containerPath: p, readOnly: false })),
                logConfiguration: {
                    logDriver: "awslogs",
                    options: { "awslogs-group": this.logGroup.name, "awslogs-region": region, "awslogs-stream-prefix": this.containerName },
                },
                linuxParameters: { initProcessEnabled: true },
            },
        ]);
        return new aws.ecs.TaskDefinition(
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
                tags: args.tags,
            },
            { parent: this },
        );
    }

    private createService(name: string, args: ContainerServiceArgs): aws.ecs.Service {
        const codeDeploy = args.deploymentController === "CODE_DEPLOY";
        return new aws.ecs.Service(
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
                waitForSteadyState: args.waitForSteadyState ?? true,
                tags: withName(args.tags, this.serviceName),
            },
            // CodeDeploy swaps task definitions and target groups; Pulumi must not undo that.
            { parent: this, ...(codeDeploy ? { ignoreChanges: ["taskDefinition", "loadBalancers"] } : {}) },
        );
    }

    /** Grants go to the task role: the application's own permissions. */
    grant(key: string, statements: readonly Statement[]): void {
        this.taskRole.grant(key, statements);
    }
}
