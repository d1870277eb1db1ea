/**
 * Configuration of `payment-pipeline`: the PCI-scoped payment service's five-stage pipeline
 * (us-east-2). Read from Pulumi config, then the environment variables the original design names
 * (ENVIRONMENT_SUFFIX, AWS_REGION, GITHUB_OWNER, GITHUB_REPO, GITHUB_BRANCH, NOTIFICATION_EMAIL),
 * then the defaults below. dev follows the original design; prod keeps logs a year (PCI DSS 10.5.1)
 * and refuses to serve the payment API without TLS.
 */
import type { AwsRegion } from "../aws/regions";
import { z } from "zod";
import { fargateMemoryProblem } from "../aws/fargate";
import { baseConfigShape, baseSources } from "./base";
import type { ConfigIssue, KeySource, RawReader } from "./load";
import { bucketNames, cidrBlock, gitBranch, interfaceEndpoint, logRetentionDays, natStrategy, networkLayoutIssues } from "./shapes";
import { profileSettings } from "./profile";
import { loadSystemConfig } from "./system";

export const PROJECT = "payment-pipeline";
export const SYSTEM = "payment";
export const DEFAULT_REGION: AwsRegion = "us-east-2";

/**
 * CodeDeploy's predefined ECS traffic-shifting configurations. All-at-once is left out on purpose:
 * the design asks for traffic shifting, so a bad release reaches a tenth of the traffic first.
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html#deployment-configuration-ecs
 */
export const TRAFFIC_SHIFTING = {
    canary10Percent5Minutes: "CodeDeployDefault.ECSCanary10Percent5Minutes",
    canary10Percent15Minutes: "CodeDeployDefault.ECSCanary10Percent15Minutes",
    linear10PercentEvery1Minute: "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
    linear10PercentEvery3Minutes: "CodeDeployDefault.ECSLinear10PercentEvery3Minutes",
} as const;
export type TrafficShifting = keyof typeof TRAFFIC_SHIFTING;

const PARTITION = "aws(?:-cn|-us-gov)?";
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d";
const ACCOUNT = "\\d{12}";

/** The parts of an ARN this stack reads, or undefined when `arn` is not of the expected shape. */
export interface ParsedArn {
    readonly region: string;
    readonly account: string;
    /** The resource's own name where the ARN carries one (target group, load balancer, role). */
    readonly name?: string;
}

/** Regular expressions of the ARNs the config accepts; group 1 is the region (empty for IAM), 2 the account, 3 the name. */
export const ARN_PATTERNS = {
    certificate: new RegExp(`^arn:${PARTITION}:acm:(${REGION}):(${ACCOUNT}):certificate/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`),
    targetGroup: new RegExp(`^arn:${PARTITION}:elasticloadbalancing:(${REGION}):(${ACCOUNT}):targetgroup/([A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?)/[0-9a-f]{16}$`),
    listener: new RegExp(`^arn:${PARTITION}:elasticloadbalancing:(${REGION}):(${ACCOUNT}):listener/app/([A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?)/[0-9a-f]{16}/[0-9a-f]{16}$`),
    role: new RegExp(`^arn:${PARTITION}:iam::()(${ACCOUNT}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})$`),
} as const;
export type ArnKind = keyof typeof ARN_PATTERNS;

const ARN_EXAMPLES: Readonly<Record<ArnKind, string>> = {
    certificate: "arn:aws:acm:us-east-2:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
    targetGroup: "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/payment-blue/0123456789abcdef",
    listener: "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/payment-alb/0123456789abcdef/fedcba9876543210",
    role: "arn:aws:iam::123456789012:role/payment-task-execution-prod",
};

const ARN_WHAT: Readonly<Record<ArnKind, string>> = {
    certificate: "an ACM certificate ARN",
    targetGroup: "a target group ARN",
    listener: "an Application Load Balancer listener ARN",
    role: "an IAM role ARN",
};

export function parseArn(arn: string, kind: ArnKind): ParsedArn | undefined {
    const m = ARN_PATTERNS[kind].exec(arn);
    if (!m) return undefined;
    return { region: m[1]!, account: m[2]!, ...(m[3] !== undefined ? { name: m[3] } : {}) };
}

/** Says what is missing instead of "expected string, received undefined". */
const whenUnset = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? message : undefined);
const IN_TARGET = "is required when ecsTarget is set";

function arn(kind: ArnKind) {
    return z.string({ error: whenUnset(IN_TARGET) }).regex(ARN_PATTERNS[kind], `must be ${ARN_WHAT[kind]} such as ${ARN_EXAMPLES[kind]}`);
}

/** The message for a required key left unset, naming where it can be set. */
function required(key: string, env: string, what: string) {
    return (issue: { input?: unknown }) =>
        issue.input === undefined ? `is required: ${what}; set it with \`pulumi config set ${key} ...\` or the ${env} environment variable` : undefined;
}

/** GitHub's rules for user and organisation names. */
const githubOwner = z
    .string({ error: required("githubOwner", "GITHUB_OWNER", "the GitHub user or organisation that owns the payment service repository") })
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, "must be a GitHub user or organisation name: letters, digits and single hyphens, at most 39 characters");

const githubRepo = z
    .string({ error: required("githubRepo", "GITHUB_REPO", "the payment service repository's name") })
    .regex(/^[A-Za-z0-9._-]{1,100}$/, "must be a GitHub repository name (letters, digits, '.', '_' and '-', at most 100 characters) without the owner: set githubOwner for that")
    .refine((r) => r !== "." && r !== ".." && !r.endsWith(".git"), "must be the repository's name, not '.', '..' or a name ending in .git");

const ecsName = (what: string) => z.string({ error: whenUnset(IN_TARGET) }).regex(/^[A-Za-z0-9_-]{1,255}$/, `must be ${what}: letters, digits, hyphens and underscores, at most 255 characters`);
const port = z.number({ error: whenUnset(IN_TARGET) }).int("must be a whole number").min(1024, "must be 1024 or above: the container runs as a non-root user").max(65535, "must be at most 65535");

/**
 * An ECS blue/green target that already exists: its cluster and service (deployment controller
 * CODE_DEPLOY), the two target groups CodeDeploy swaps, and the production listener. The build
 * reads the service's current task definition of `taskDefinitionFamily` and writes a new one with
 * the new image, so CodeDeploy may pass exactly the task's roles.
 */
export const ecsTargetSchema = z.strictObject({
    clusterName: ecsName("an ECS cluster name"),
    serviceName: ecsName("an ECS service name"),
    taskDefinitionFamily: ecsName("a task definition family"),
    containerName: ecsName("the name of the container the load balancer sends traffic to"),
    containerPort: port,
    blueTargetGroupArn: arn("targetGroup"),
    greenTargetGroupArn: arn("targetGroup"),
    productionListenerArn: arn("listener"),
    testListenerArn: arn("listener").optional(),
    taskExecutionRoleArn: arn("role"),
    taskRoleArn: arn("role").optional(),
});
export type EcsTargetConfig = z.infer<typeof ecsTargetSchema>;

export const paymentSchema = z.object({
    ...baseConfigShape,
    githubOwner,
    githubRepo,
    githubBranch: gitBranch.default("main"),
    notificationEmail: z.email({
        error: (issue) =>
            issue.input === undefined
                ? "is required: the address that gets approval requests and pipeline results; set it with `pulumi config set notificationEmail ...` or the NOTIFICATION_EMAIL environment variable"
                : "must be an email address such as payments-oncall@example.com",
    }),
    /** The HTTPS listener's certificate; prod requires it (PCI DSS 4.2.1, ELB.18). An empty value means unset. */
    certificateArn: z.preprocess((v) => (v === "" ? undefined : v), arn("certificate").optional()),
    ecsTarget: ecsTargetSchema.optional(),
    trafficShifting: z
        .enum(Object.keys(TRAFFIC_SHIFTING) as [TrafficShifting, ...TrafficShifting[]], {
            message: `must be one of ${Object.keys(TRAFFIC_SHIFTING).join(", ")}`,
        })
        .optional(),
    /** Minutes CodeDeploy keeps the blue tasks after a successful deployment, for a fast manual rollback. */
    terminationWaitMinutes: z.number().int("must be a whole number").min(0).max(2880, "must be at most 2880 minutes (2 days), CodeDeploy's limit").default(5),
    buildLogRetentionDays: logRetentionDays.optional(),
    logRetentionDays: logRetentionDays.optional(),
    artifactExpirationDays: z.number().int("must be a whole number").min(1, "must be at least 1 day").max(3650).optional(),
    bucketNames,
    vpcCidr: cidrBlock.default("10.30.0.0/16"),
    azCount: z.number().int("must be a whole number").min(2, "must be at least 2: the load balancer spans two zones (ELB.13)").max(6).default(2),
    natGateways: natStrategy.optional(),
    vpcEndpoints: z.array(interfaceEndpoint).optional(),
    /** The service's image; unset, the placeholder server (see PLACEHOLDER_IMAGE) until one is deployed. */
    containerImage: z.string().min(1).optional(),
    containerName: ecsName("a container name").default("payment-service"),
    containerPort: port.default(8080),
    containerUser: z.string().regex(/^[1-9]\d*(:\d+)?$/, "must be a numeric non-root uid[:gid] such as 101 or 1000:1000").default("101"),
    healthCheckPath: z.string().regex(/^\/[\x21-\x7e]{0,1023}$/, "must be a path starting with '/' such as /health").default("/"),
    taskCpu: z.number().int("must be a whole number").default(512),
    taskMemory: z.number().int("must be a whole number").default(1024),
    desiredCount: z.number().int("must be a whole number").min(1).max(100).default(2),
});

/** Where each key comes from: the environment variables of the original design. */
export const paymentSources: Partial<Record<keyof z.infer<typeof paymentSchema>, KeySource>> = {
    ...baseSources,
    githubOwner: { env: "GITHUB_OWNER" },
    githubRepo: { env: "GITHUB_REPO" },
    githubBranch: { env: "GITHUB_BRANCH" },
    notificationEmail: { env: "NOTIFICATION_EMAIL" },
};

export type PaymentConfig = ReturnType<typeof resolvePayment>;

/** The APIs the tasks call (image pulls, logs), reached through interface endpoints where the profile has them. */
const ENDPOINTS = ["ecr.api", "ecr.dkr", "logs"] as const;

/** Profile-dependent defaults, resolved once from the profile's settings. */
function resolvePayment(c: z.infer<typeof paymentSchema>) {
    const settings = profileSettings(c.profile);
    return {
        ...c,
        trafficShifting: c.trafficShifting ?? (settings.canaryBakeMinutes === 15 ? "canary10Percent15Minutes" : "canary10Percent5Minutes"),
        buildLogRetentionDays: c.buildLogRetentionDays ?? settings.logRetentionDays,
        logRetentionDays: c.logRetentionDays ?? settings.logRetentionDays,
        artifactExpirationDays: c.artifactExpirationDays ?? settings.artifactExpiryDays,
        natGateways: c.natGateways ?? settings.natGateways,
        vpcEndpoints: c.vpcEndpoints ?? (settings.interfaceEndpoints ? ENDPOINTS : []),
    };
}

export function loadPaymentConfig(stack: string, read?: RawReader, env?: NodeJS.ProcessEnv): PaymentConfig {
    return loadSystemConfig({ project: PROJECT, defaultRegion: DEFAULT_REGION, schema: paymentSchema, sources: paymentSources, resolve: resolvePayment, crossField: crossFieldIssues }, stack, read, env);
}

function crossFieldIssues(c: PaymentConfig): ConfigIssue[] {
    const issues: ConfigIssue[] = [];
    const inRegion = (key: string, value: string | undefined, kind: ArnKind) => {
        const parsed = value === undefined ? undefined : parseArn(value, kind);
        if (parsed && parsed.region !== c.region) {
            issues.push({ key, value, message: `is in ${parsed.region}, but the stack deploys to ${c.region} (aws:region); use one from ${c.region}` });
        }
    };
    inRegion("certificateArn", c.certificateArn, "certificate");

    const target = c.ecsTarget;
    if (target) {
        inRegion("ecsTarget.blueTargetGroupArn", target.blueTargetGroupArn, "targetGroup");
        inRegion("ecsTarget.greenTargetGroupArn", target.greenTargetGroupArn, "targetGroup");
        inRegion("ecsTarget.productionListenerArn", target.productionListenerArn, "listener");
        inRegion("ecsTarget.testListenerArn", target.testListenerArn, "listener");
        if (target.blueTargetGroupArn === target.greenTargetGroupArn) {
            issues.push({ key: "ecsTarget.greenTargetGroupArn", value: target.greenTargetGroupArn, message: "must differ from blueTargetGroupArn: CodeDeploy shifts traffic between two target groups" });
        }
        if (target.testListenerArn !== undefined && target.testListenerArn === target.productionListenerArn) {
            issues.push({ key: "ecsTarget.testListenerArn", value: target.testListenerArn, message: "must differ from productionListenerArn" });
        }
        const ignored = (["certificateArn"] as const).filter((k) => c[k] !== undefined);
        for (const key of ignored) {
            issues.push({ key, value: c[key], message: "applies only to the load balancer this stack creates; with ecsTarget set, the existing listener keeps its own certificate" });
        }
    } else {
        if (c.profile === "prod" && c.certificateArn === undefined) {
            issues.push({
                key: "certificateArn",
                value: undefined,
                message: "prod serves the payment API over HTTPS only (PCI DSS 4.2.1, ELB.18): set an ACM certificate ARN from this region, or point ecsTarget at an existing service",
            });
        }
        const memory = fargateMemoryProblem(c.taskCpu, c.taskMemory);
        if (memory) issues.push({ key: "taskMemory", value: c.taskMemory, message: memory });
        issues.push(...networkLayoutIssues(c));
    }
    return issues;
}
