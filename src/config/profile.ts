/**
 * Profiles: the one home of what `dev` and `prod` mean. `readProfile` decides a stack's profile
 * from its name, its `<project>:profile` config and the `PROFILE` environment variable; the
 * program (src/config/system.ts), the offline planner and the policy pack all call it, so they
 * cannot disagree. `profileSettings` says what a profile sets by default; a stack's config may
 * still override each value where its system's schema has a key for it.
 */
export const PROFILES = ["dev", "prod"] as const;
export type Profile = (typeof PROFILES)[number];

/** The environment variable a profile may come from when stack config does not set one. */
export const PROFILE_ENV = "PROFILE";

/**
 * What happens to stateful resources when the stack or the resource goes away, as CDK's
 * `removalPolicy`: `retain` keeps them (deletion protection, final snapshots, Pulumi `protect`,
 * long recovery windows); `destroy` lets `pulumi destroy` remove everything, data included.
 */
export type Removal = "retain" | "destroy";

export interface ProfileSources {
    /** The stack's name, bare (`prod`) or qualified (`acme/fastcart-orders/prod`). */
    readonly stack: string;
    /** `<project>:profile` from the stack's config, as given. */
    readonly configured?: string;
    /** The `PROFILE` environment variable, as given. */
    readonly env?: string;
}

export interface ProfileReading {
    readonly profile: Profile;
    /** Why the sources cannot stand as given; the program refuses to run with it. */
    readonly problem?: { readonly key: string; readonly value: string; readonly message: string };
}

/** A stack named `prod` or `prod-<x>`: always prod, whatever its config says. */
export function namedProd(stack: string): boolean {
    const name = stack.split("/").pop() ?? stack;
    return name === "prod" || name.startsWith("prod-");
}

/**
 * The stack's profile: `<project>:profile` config first, then `PROFILE`, then `prod` for a stack
 * named prod (`prod-<x>` too) and `dev` for any other. A stack named prod cannot be made dev: a
 * copied dev stack file must not make production data destroyable. An unknown value reads as
 * prod (the strict choice) and is reported as a problem.
 */
export function readProfile(sources: ProfileSources): ProfileReading {
    const named = namedProd(sources.stack);
    const configured = sources.configured === "" ? undefined : sources.configured;
    const env = sources.env === "" ? undefined : sources.env;
    const given = configured ?? env;
    if (given === undefined) return { profile: named ? "prod" : "dev" };
    const key = configured !== undefined ? "profile" : `${PROFILE_ENV} (environment variable)`;
    if (!(PROFILES as readonly string[]).includes(given)) {
        return { profile: "prod", problem: { key, value: given, message: `must be "dev" or "prod"` } };
    }
    if (named && given === "dev") {
        return { profile: "prod", problem: { key, value: given, message: `stack "${sources.stack}" is named prod, so it is always prod: remove the setting or rename the stack` } };
    }
    return { profile: given as Profile };
}

/** What a profile sets by default. Sizes a system's design fixes stay in that system's config. */
export interface ProfileSettings {
    readonly profile: Profile;
    readonly removal: Removal;
    /** CloudWatch Logs retention of every log group (PCI DSS 10.5.1 wants a year in prod). */
    readonly logRetentionDays: number;
    /** NAT gateways: one for the VPC (about $33 a month each) or one per zone, so a zone outage keeps the others' egress. */
    readonly natGateways: "single" | "perAz";
    /** Interface endpoints (about $7.30 per endpoint per zone a month) instead of reaching AWS APIs through NAT. */
    readonly interfaceEndpoints: boolean;
    /** Multi-AZ data stores where a system's design leaves it to the profile. */
    readonly multiAz: boolean;
    /** ECR tags that never move (ECR.2). */
    readonly immutableTags: boolean;
    /** Tagged images an ECR repository keeps. */
    readonly keepImages: number;
    /** Days before a pipeline artifact (current object version) expires. */
    readonly artifactExpiryDays: number;
    /** Days S3 server and load balancer access logs are kept. */
    readonly accessLogExpiryDays: number;
    /** Days a replaced or deleted object version is kept, in every bucket. */
    readonly noncurrentVersionDays: number;
    /** Kinesis retention; 24 hours is free, Kinesis.3 wants 168 in prod. */
    readonly streamRetentionHours: number;
    /** RDS enhanced monitoring interval (RDS.6); 0 turns it off and saves its CloudWatch Logs cost. */
    readonly enhancedMonitoringSeconds: 0 | 60;
    /** Days of ElastiCache daily snapshots. */
    readonly cacheSnapshotDays: number;
    /** Minutes a canary release bakes at 10% before the rest of the traffic moves. */
    readonly canaryBakeMinutes: 5 | 15;
    /**
     * Reserve a function's design concurrency. A new account's quota is 10 concurrent executions
     * and Lambda keeps 100 unreserved, so a reservation fails there: dev leaves it unset.
     */
    readonly reserveConcurrency: boolean;
}

const SETTINGS: Readonly<Record<Profile, ProfileSettings>> = {
    dev: {
        profile: "dev",
        removal: "destroy",
        logRetentionDays: 7,
        natGateways: "single",
        interfaceEndpoints: false,
        multiAz: false,
        immutableTags: false,
        keepImages: 10,
        artifactExpiryDays: 30,
        accessLogExpiryDays: 30,
        noncurrentVersionDays: 7,
        streamRetentionHours: 24,
        enhancedMonitoringSeconds: 0,
        cacheSnapshotDays: 1,
        canaryBakeMinutes: 5,
        reserveConcurrency: false,
    },
    prod: {
        profile: "prod",
        removal: "retain",
        logRetentionDays: 365,
        natGateways: "perAz",
        interfaceEndpoints: true,
        multiAz: true,
        immutableTags: true,
        keepImages: 50,
        artifactExpiryDays: 365,
        accessLogExpiryDays: 365,
        noncurrentVersionDays: 7,
        streamRetentionHours: 168,
        enhancedMonitoringSeconds: 60,
        cacheSnapshotDays: 7,
        canaryBakeMinutes: 15,
        reserveConcurrency: true,
    },
};

export function profileSettings(profile: Profile): ProfileSettings {
    return SETTINGS[profile];
}

/** The access-log bucket every system keeps: its key, purpose, expiry and removal, as the profile sets them. */
export function accessLogBucketSettings(settings: ProfileSettings) {
    return {
        bucketName: "access-logs",
        purpose: "accessLogs" as const,
        lifecycle: { expireAfterDays: settings.accessLogExpiryDays, noncurrentVersionsExpireAfterDays: settings.noncurrentVersionDays },
        removal: settings.removal,
    };
}
