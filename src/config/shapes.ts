/**
 * Field schemas several systems share: instance classes, node types, CIDRs, retention.
 * Each message says what is allowed, so a bad value is fixed from the error alone.
 */
import { z } from "zod";
import { LOG_RETENTION_DAYS } from "../aws/logs";
import { defaultLayout, layoutProblems, parseCidr } from "../aws/cidr";
import type { ConfigIssue } from "./load";

export const cidrBlock = z.string().superRefine((value, ctx) => {
    try {
        parseCidr(value);
    } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
    }
});

export const rdsInstanceClass = z
    .string()
    .regex(
        /^db\.(t3|t4g|m5|m5d|m6g|m6gd|m6i|m6id|m7g|m7i|m8g|r5|r5b|r6g|r6gd|r6i|r7g|r7i|r8g)\.(micro|small|medium|large|xlarge|(2|4|8|12|16|24|32|48)xlarge)$/,
        "must be an RDS PostgreSQL instance class such as db.t3.micro, db.t4g.medium or db.m7g.large",
    );

export const cacheNodeType = z
    .string()
    .regex(
        /^cache\.(t3|t4g|m5|m6g|m7g|r5|r6g|r7g)\.(micro|small|medium|large|xlarge|(2|4|8|12|16|24)xlarge)$/,
        "must be an ElastiCache node type such as cache.t3.micro or cache.r7g.large",
    );

const WHOLE = "must be a whole number";

/** A PostgreSQL database name, as RDS takes it at create time. */
export const databaseName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, "must start with a letter and hold letters, digits and underscores");

/** A PostgreSQL master user name: RDS's rule, and not the engine's administrator (RDS.25). */
export const databaseUsername = z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,15}$/, "must start with a letter, at most 16 letters, digits and underscores")
    .refine((u) => !["postgres", "admin", "rdsadmin"].includes(u), "must not be a default or reserved administrator name (RDS.25)");

/** gp3 storage in GB: 20 at the least, RDS's 64 TiB at the most. */
export const allocatedStorageGb = z.number().int(WHOLE).min(20, "must be at least 20 GB for gp3").max(65536);

/** Days of automated backups: RDS.11's week at the least, RDS's 35 at the most. */
export const backupRetentionDays = z.number().int(WHOLE).min(7, "must be at least 7 days (RDS.11)").max(35, "must be at most 35 days");

/** `owner/name` of a GitHub repository; `example` is the one the message shows. */
export function githubRepository(example: string) {
    return z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, `must be a GitHub repository as "owner/name", e.g. "${example}"`);
}

/** Git's branch-name rules (git check-ref-format), short of the rarely met ones. */
export const gitBranch = z
    .string()
    .min(1)
    .max(255)
    .refine(
        (b) => ![...b].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) && !/[\s~^:?*[\\]|\.\.|@\{|\/\/|^[/.-]|[/.]$|\.lock$|^@$/.test(b),
        "must be a git branch name such as main or release/2026-01 (no spaces, '..', '~', '^', ':', '?', '*', '[', '\\', and not starting or ending with '/' or '.')",
    );

export const logRetentionDays = z
    .number()
    .int()
    .refine((d) => LOG_RETENTION_DAYS.includes(d), {
        message: `must be a retention CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}`,
    });

export const natStrategy = z.enum(["none", "single", "perAz"], { message: 'must be "none", "single" or "perAz"' });
export type NatStrategyName = z.infer<typeof natStrategy>;

export const interfaceEndpoint = z.enum(["ecr.api", "ecr.dkr", "logs", "secretsmanager", "kinesis-streams", "kms", "sts"]);
export type InterfaceEndpointName = z.infer<typeof interfaceEndpoint>;

/**
 * How the stack names its S3 buckets. S3 names are global across every AWS account, so a
 * design's name alone (`pipeline-artifacts-dev`) is most likely taken by someone: `unique`
 * appends `-<account>-<region>`. `exact` keeps the design's name as it is, for an account that
 * owns that name or a bucket that must keep it; it is checked against S3's rules all the same.
 */
export const BUCKET_NAMINGS = ["unique", "exact"] as const;
export type BucketNaming = (typeof BUCKET_NAMINGS)[number];

export const bucketNames = z
    .enum(BUCKET_NAMINGS, { message: 'must be "unique" (the design\'s name, then -<account>-<region>) or "exact" (the design\'s name as it is; S3 names are global, so it may be taken)' })
    .default("unique");

/** The bucket naming a SecureBucket (and `bucketName()`) takes, from the stack's `bucketNames`. */
export function bucketNaming(c: { readonly bucketNames: BucketNaming }): { readonly exactName: boolean } {
    return { exactName: c.bucketNames === "exact" };
}

/**
 * Who owns `RDSOSMetrics`, the one log group per account and region that enhanced monitoring of
 * every RDS instance writes to. `create`: this stack creates it with its key and retention, as
 * the first stack with enhanced monitoring in an account and region must. `existing`: another
 * stack there owns it, and this one creates none (a second create would fail `pulumi up`).
 */
export const DB_MONITORING_LOG_GROUPS = ["create", "existing"] as const;

export const dbMonitoringLogGroup = z
    .enum(DB_MONITORING_LOG_GROUPS, {
        message: 'must be "create" (this stack creates RDSOSMetrics) or "existing" (another stack in this account and region created it)',
    })
    .default("create");

export const email = z.email({ message: "must be an email address such as payments-oncall@example.com" });

export interface NetworkLayoutConfig {
    readonly vpcCidr: string;
    readonly azCount: number;
    readonly publicSubnetCidrs?: readonly string[];
    readonly privateSubnetCidrs?: readonly string[];
}

/**
 * Problems with a VPC block and its subnets, as config issues: explicit lists of the wrong
 * length, blocks outside the VPC or overlapping, a VPC too small for the carved layout.
 */
export function networkLayoutIssues(c: NetworkLayoutConfig): ConfigIssue[] {
    const issues: ConfigIssue[] = [];
    let layout: { publicCidrs: readonly string[]; privateCidrs: readonly string[] } | undefined;
    try {
        layout = defaultLayout(c.vpcCidr, c.azCount);
    } catch (e) {
        if (!c.publicSubnetCidrs || !c.privateSubnetCidrs) issues.push({ key: "vpcCidr", value: c.vpcCidr, message: (e as Error).message });
    }
    for (const [key, given] of [["publicSubnetCidrs", c.publicSubnetCidrs], ["privateSubnetCidrs", c.privateSubnetCidrs]] as const) {
        if (given && given.length !== c.azCount) issues.push({ key, value: given, message: `must list ${c.azCount} blocks, one per availability zone (azCount)` });
    }
    const pub = c.publicSubnetCidrs ?? layout?.publicCidrs ?? [];
    const priv = c.privateSubnetCidrs ?? layout?.privateCidrs ?? [];
    for (const problem of layoutProblems(c.vpcCidr, [
        ...pub.map((cidr, i) => ({ name: `public subnet ${i + 1}`, cidr })),
        ...priv.map((cidr, i) => ({ name: `private subnet ${i + 1}`, cidr })),
    ])) {
        issues.push({ key: problem.startsWith("VPC") ? "vpcCidr" : "publicSubnetCidrs/privateSubnetCidrs", value: c.vpcCidr, message: problem });
    }
    return issues;
}

/** The task settings of a system that runs a Fargate service, as a ContainerService takes them. */
export function taskSettings(c: {
    readonly containerImage?: string | undefined;
    readonly containerPort: number;
    readonly containerUser: string;
    readonly taskCpu: number;
    readonly taskMemory: number;
    readonly desiredCount: number;
}) {
    return { image: c.containerImage, containerPort: c.containerPort, user: c.containerUser, cpu: c.taskCpu, memory: c.taskMemory, desiredCount: c.desiredCount };
}
