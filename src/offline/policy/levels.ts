/**
 * The pack's table of enforcement levels, as cdk-nag's packs hold them: a control file says what
 * it checks, this table says how much it matters in each profile. Every control is mandatory in
 * dev and prod unless it is listed here, with the reason its level is relaxed (a cost, a
 * destroyability trade, a design choice). `registry.ts` joins the two; a test pins the table.
 */
import type { Level } from "../model/types";
import type { Control, Profile, Rule } from "./types";

export type Levels = Readonly<Record<Profile, Level>>;

export interface RelaxedLevels extends Levels {
    /** Why a profile is below mandatory. */
    readonly reason: string;
}

/** Mandatory in both profiles: what every control is unless the table below says otherwise. */
export const MANDATORY: Levels = { dev: "mandatory", prod: "mandatory" };

/** The controls below mandatory in some profile, by id in code-point order. */
export const RELAXED: Readonly<Record<string, RelaxedLevels>> = {
    "AwsSolutions-AEC5": {
        dev: "advisory",
        prod: "advisory",
        reason: "A non-default port is obscurity, not access control: the designs keep Redis on 6379, with TLS, AUTH and security groups that admit only named clients.",
    },
    "AwsSolutions-CB3": {
        dev: "advisory",
        prod: "advisory",
        reason: "Projects that build Docker images need privileged mode; cdk-nag retired the rule with Security Hub CodeBuild.5, so it only prompts a review.",
    },
    "AwsSolutions-ECS2": {
        dev: "advisory",
        prod: "advisory",
        reason: "Plain settings such as a region or a stream name belong in environment; the control is a prompt to review them, not a gate.",
    },
    "DEPLOY.RdsExtendedSupport": {
        dev: "advisory",
        prod: "advisory",
        reason: "Deploys fine; the cost arrives only when the major version reaches end of standard support.",
    },
    "DEPLOY.VersionSupport": {
        dev: "advisory",
        prod: "advisory",
        reason: "Deploys today; the cost (Extended Support charges, no security patches) or the block comes later.",
    },
    "EC2.10": {
        dev: "disabled",
        prod: "advisory",
        reason: "These systems run no EC2 instances, so the endpoint only adds interface-endpoint cost; prod reports it, dev does not.",
    },
    "EC2.55": {
        dev: "advisory",
        prod: "mandatory",
        reason: "Dev tasks reach ECR through the NAT gateway; the interface endpoint's hourly cost is reported, not required.",
    },
    "EC2.56": {
        dev: "advisory",
        prod: "mandatory",
        reason: "Dev tasks reach ECR through the NAT gateway; the interface endpoint's hourly cost is reported, not required.",
    },
    "EC2.57": {
        dev: "advisory",
        prod: "advisory",
        reason: "No host in these systems is managed by Systems Manager, so prod only reports it; in dev the endpoint is also a cost.",
    },
    "EC2.58": {
        dev: "advisory",
        prod: "advisory",
        reason: "No host in these systems is managed by Systems Manager, so prod only reports it; in dev the endpoint is also a cost.",
    },
    "EC2.60": {
        dev: "advisory",
        prod: "advisory",
        reason: "No host in these systems is managed by Systems Manager, so prod only reports it; in dev the endpoint is also a cost.",
    },
    "ECR.2": {
        dev: "advisory",
        prod: "mandatory",
        reason: "dev keeps mutable tags, as the designs ask, so a tag such as latest can be pushed again; prod must be immutable.",
    },
    "ECS.12": {
        dev: "advisory",
        prod: "mandatory",
        reason: "Container Insights metrics are billed as CloudWatch custom metrics; dev reports it without blocking.",
    },
    "ElastiCache.3": {
        dev: "disabled",
        prod: "mandatory",
        reason: "Automatic failover needs a second node, and AWS rejects it on the single-node group dev runs; this is not a cost trade dev can choose.",
    },
    "Kinesis.3": {
        dev: "advisory",
        prod: "mandatory",
        reason: "Retention beyond 24 hours is billed per shard-hour; dev reports it without blocking.",
    },
    "PCI.DSS.321-LambdaInsideVPC": {
        dev: "advisory",
        prod: "mandatory",
        reason: "Prod enforces it for functions that touch cardholder data and records a written exception for the others; dev reports it without blocking.",
    },
    "RDS.23": {
        dev: "advisory",
        prod: "advisory",
        reason: "A non-default port is obscurity, not access control: the designs keep PostgreSQL on 5432 and security groups admit only named clients.",
    },
    "RDS.5": {
        dev: "advisory",
        prod: "mandatory",
        reason: "A standby instance doubles the database cost; dev reports it without blocking.",
    },
    "RDS.6": {
        dev: "advisory",
        prod: "mandatory",
        reason: "Enhanced monitoring adds CloudWatch Logs cost; dev reports it without blocking.",
    },
    "S3.1": {
        dev: "advisory",
        prod: "advisory",
        reason: "The account-level block belongs to the account's landing zone, not to these stacks; it is checked only when a stack declares it.",
    },
};

/** A control's levels and, when relaxed, why. */
export function levelsOf(id: string): { readonly levels: Levels; readonly levelReason?: string } {
    const relaxed = RELAXED[id];
    if (relaxed === undefined) return { levels: MANDATORY };
    return { levels: { dev: relaxed.dev, prod: relaxed.prod }, levelReason: relaxed.reason };
}

/** A rule with its levels from the table. */
export function withLevels(rule: Rule): Control {
    return { ...rule, ...levelsOf(rule.id) } as Control;
}
