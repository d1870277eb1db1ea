/**
 * An ECS cluster with Container Insights and one Fargate service: a task definition whose
 * secrets come from Secrets Manager (never plain environment), a read-only root file system and
 * a non-root user, logs to a KMS-encrypted log group, and the service in private subnets
 * without public IPs. The execution role may read exactly the secrets the task names; the task
 * role gets exactly the statements it is given.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CONTAINER_HEALTH_CHECK_LIMITS, healthCheckTimingProblems, type HealthCheckTiming } from "../aws/ecs";
import { fargateMemoryProblem } from "../aws/fargate";
import { withName } from "../config/tags";
import type { BaseArgs } from "./common";
import { TOKEN } from "./common";
import { ServiceRole, type Grantee, type Statement } from "./iam";
import { logGroup } from "./logs";
import { ECR_LOGIN_STATEMENT, ECR_PULL_ACTIONS } from "./registry";
import { secretReadStatements, type SecretRef } from "./secret";
import { PLACEHOLDER_LABEL } from "../functions/codedeployFiles/files";

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
    /** A JSON key inside the secret (e.g. `password`); the whole value when absent. @default - the whole value */
    readonly jsonKey?: string;
}

/**
 * A container health check: ECS runs `command` inside the container every `intervalSeconds`;
 * exit status 0 is healthy. After `retries` failures in a row (failures within
 * `startPeriodSeconds` of the start do not count) the container is unhealthy, and ECS replaces
 * the task of a service whose essential container it is.
 */
export interface ContainerHealthCheck extends HealthCheckTiming {
    /**
     * The program and its arguments, run directly (ECS's `CMD` form: no shell needed). It must
     * be in the image: a check that cannot run fails, and ECS replaces the tasks for ever.
     */
    readonly command: readonly string[];
    /** @default 30 */
    readonly intervalSeconds?: number;
    /** @default 5 */
    readonly timeoutSeconds?: number;
    /** @default 3 */
    readonly retries?: number;
    /** @default 0 */
    readonly startPeriodSeconds?: number;
}

/**
 * A check for an image that has Node.js 18 or newer (global `fetch`) but maybe no curl or wget:
 * GET `http://127.0.0.1:<port><path>`, healthy on a 2xx answer. The request gives up half a
 * second before ECS's timeout, so the check ends itself with a failure instead of being killed.
 */
export function nodeHttpHealthCheck(port: number, path: string, timing: HealthCheckTiming = {}): ContainerHealthCheck {
    const url = `http://127.0.0.1:${port}${path}`;
    const abortMs = (timing.timeoutSeconds ?? CONTAINER_HEALTH_CHECK_LIMITS.timeoutSeconds.default) * 1000 - 500;
    const script = `fetch(${JSON.stringify(url)}, { signal: AbortSignal.timeout(${abortMs}) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
    return { ...timing, command: ["node", "-e", script] };
}

/** What is wrong with a health check, all at once. */
export function healthCheckProblems(check: ContainerHealthCheck): string[] {
    const problems = healthCheckTimingProblems(check);
    if (check.command.length === 0 || check.command[0]!.trim() === "") problems.push("healthCheck.command must name a program the image contains");
    if (check.command[0] === "CMD" || check.command[0] === "CMD-SHELL") problems.push('healthCheck.command is the program and its arguments, without "CMD" (the component adds it)');
    return problems;
}

/** The container definition's `healthCheck`, every field explicit. */
function healthCheckDefinition(check: ContainerHealthCheck) {
    const limits = CONTAINER_HEALTH_CHECK_LIMITS;
    return {
        command: ["CMD", ...check.command],
        interval: check.intervalSeconds ?? limits.intervalSeconds.default,
        timeout: check.timeoutSeconds ?? limits.timeoutSeconds.default,
        retries: check.retries ?? limits.retries.default,
        startPeriod: check.startPeriodSeconds ?? 0,
    };
}

export interface LoadBalancerAttachment {
    /** The target group the service registers its tasks with (the blue one under CodeDeploy). */
    readonly targetGroupArn: pulumi.Input<string>;
}

export interface ContainerServiceArgs extends BaseArgs {
    /** Private subnets the tasks run in. */
    readonly subnetIds: pulumi.Input<string>[];
    /** The customer key of the task's log group. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Days the task's logs are kept. */
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
    /** The port the container listens on. */
    readonly containerPort: number;
    /** Numeric `uid[:gid]`, not root (ECS.20). It must match a user the image can run as. */
    readonly user: string;
    /** Fargate CPU units: 256, 512, 1024, 2048, 4096, 8192, 16384. */
    readonly cpu: number;
    /** MiB, within Fargate's range for `cpu`. */
    readonly memory: number;
    /** Tasks the service keeps running. */
    readonly desiredCount: number;
    /** @default "X86_64" */
    readonly architecture?: "X86_64" | "ARM64";
    /** Plain-text environment variables of the container (secrets go in `secrets`). */
    readonly environment: Readonly<Record<string, pulumi.Input<string>>>;
    /** Secrets the execution role reads and injects as environment variables. */
    readonly secrets: readonly ContainerSecret[];
    /** ECR repositories the execution role may pull from (none for a public image). @default - none */
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
    /** The target group the tasks register with. @default - none: no load balancer */
    readonly loadBalancer?: LoadBalancerAttachment;
    /** Resource key of the service and cluster names. @default "service" / "cluster" */
    readonly serviceName?: string;
    /** Resource key of the cluster name. @default "cluster" */
    readonly clusterName?: string;
    /**
     * Make `pulumi up` wait until the deployment is steady (the tasks start and pass their health
     * checks), so a service whose deployment fails fails the `up` instead of rolling back silently
     * behind a reported success. With CODE_DEPLOY it applies to the service's first deployment
     * only: Pulumi ignores the task definition CodeDeploy moves on later.
     * @default true
     */
    readonly waitForSteadyState?: boolean;
    /**
     * The container's health check (see `ContainerHealthCheck`; `nodeHttpHealthCheck` for a
     * Node.js image). With the ECS controller a task that turns unhealthy during a deployment
     * counts as failed for the deployment circuit breaker, which rolls back, and
     * `waitForSteadyState` waits for healthy tasks. With CODE_DEPLOY the target group's check is
     * what CodeDeploy watches, and every release's task definition copies this container
     * definition (`src/functions/codedeployFiles`), so the command must be in every released image too.
     * @default - none: a task is healthy while its essential container runs (and, behind a load
     * balancer, while the target group's check passes)
     */
    readonly healthCheck?: ContainerHealthCheck;
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
    /** The task's container, as the load balancer and deployments name it. */
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
        const healthProblems = args.healthCheck ? healthCheckProblems(args.healthCheck) : [];
        if (healthProblems.length > 0) throw new Error(`ContainerService ${name}: ${healthProblems.join("; ")}`);
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
                roleName: "task",
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

    private createExecutionRole(name: string, args: ContainerServiceArgs, region: pulumi.Output<string>): ServiceRole {
        return new ServiceRole(
            `${name}-execution`,
            {
                namer: args.namer,
                tags: args.tags,
                roleName: "task-execution",
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
                ...(args.healthCheck ? { healthCheck: healthCheckDefinition(args.healthCheck) } : {}),
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
