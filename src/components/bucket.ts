/**
 * An S3 bucket with the controls every bucket here needs: ACLs disabled (BucketOwnerEnforced,
 * S3.12), every public access block on (S3.8), default encryption, versioning, a lifecycle
 * (S3.13), a policy that denies requests without TLS (S3.5), and optional server access logging
 * to another bucket (S3.9).
 *
 * Two purposes, because AWS treats them differently:
 * - `data` (artifacts, state, reports): SSE-KMS with the customer key and an S3 Bucket Key
 *   (PCI.DSS.321-S3DefaultEncryptionKMS), which cuts KMS requests and their cost.
 * - `accessLogs`: the target of server access logging. S3 log delivery cannot write to a bucket
 *   whose default encryption is SSE-KMS, so this bucket uses SSE-S3 (AES256), and its policy
 *   lets `logging.s3.amazonaws.com` of this account write under the log prefix.
 *   @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AWS_REGIONS, type AwsRegion } from "../aws/regions";
import type { Namer } from "../config/naming";
import type { BaseArgs, StatefulArgs } from "./common";
import { lifecycle, TOKEN } from "./common";
import type { Statement } from "./iam";
import { elbLogDeliveryStatement } from "./loadBalancer";

/** What the bucket's objects expire after. Every rule applies to the whole bucket. */
export interface BucketLifecycle {
    /** Expire current objects this many days after creation. @default - never */
    readonly expireAfterDays?: number;
    /** Delete noncurrent versions this many days after they stop being current. @default - never */
    readonly noncurrentVersionsExpireAfterDays?: number;
    /**
     * Abort multipart uploads left incomplete this many days after they started; their parts are
     * billed as storage until then.
     * @default 7
     */
    readonly abortIncompleteMultipartUploadAfterDays?: number;
}

export type BucketPurpose = "data" | "accessLogs";

export interface SecureBucketArgs extends BaseArgs, StatefulArgs {
    /** The bucket's resource key: the bucket is `<system>-<resource>-<suffix>-<account>-<region>`, checked against S3's rules. */
    readonly bucketName: string;
    /**
     * The design's name when it fixes one (e.g. `pipeline-artifacts-<env>`), used instead of
     * `<system>-<bucketName>-<suffix>` as the prefix and checked against the same rules.
     * @default - `<system>-<bucketName>-<suffix>`
     */
    readonly fullName?: string;
    /**
     * Use the design's name as it is, without `-<account>-<region>`. S3 names are global across
     * every AWS account, so a plain design name is likely taken; only for a name this account owns.
     * @default false
     */
    readonly exactName?: boolean;
    /** @default "data" */
    readonly purpose?: BucketPurpose;
    /** The customer key for SSE-KMS. Required for `data`; not allowed for `accessLogs` (log delivery cannot use it). @default - none: SSE-S3, for an `accessLogs` bucket */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /** Expiry of current and noncurrent object versions. */
    readonly lifecycle: BucketLifecycle;
    /**
     * Server access logging (S3.9) into this bucket (its name), under `<prefix>`.
     * @default - no access logging; only an `accessLogs` bucket should go without it
     */
    readonly accessLogs?: { readonly targetBucket: pulumi.Input<string>; readonly prefix?: string };
    /** Extra statements for the bucket policy (e.g. a service principal allowed to write), after the TLS deny. @default - none */
    readonly policyStatements?: readonly BucketPolicyStatement[];
    /**
     * An `accessLogs` bucket: let the region's Application Load Balancers deliver their access
     * logs (ELB.5) under `<prefix>/AWSLogs/<account>/`.
     * @default - no load balancer logs
     * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html#attach-bucket-policy
     */
    readonly loadBalancerLogs?: { readonly region: AwsRegion; readonly prefix: string };
    /**
     * An `accessLogs` bucket: the buckets allowed to deliver their access logs here (ARNs or ARN
     * patterns), for buckets whose names do not start with `<system>-`.
     * @default - `arn:<partition>:s3:::<system>-*`
     */
    readonly logSourceArns?: readonly pulumi.Input<string>[];
}

/** A bucket-policy statement: an IAM statement with a principal. */
export interface BucketPolicyStatement extends Statement {
    /** Who the statement is for: everyone (`*`, for denies), a service or an account's principals. */
    readonly Principal: "*" | { readonly Service?: string | readonly string[]; readonly AWS?: pulumi.Input<string> | readonly pulumi.Input<string>[] };
}

/** Prefix log delivery writes under, in an `accessLogs` bucket. */
export const ACCESS_LOG_PREFIX = "s3-access-logs/";

export class SecureBucket extends pulumi.ComponentResource {
    /** @internal The S3 bucket; read `name` and `arn`. */
    readonly bucket: aws.s3.Bucket;
    /** @internal The bucket policy (TLS only, and the extra statements). */
    readonly policy: aws.s3.BucketPolicy;
    /** The bucket's name (its id): the design's name, then `-<account>-<region>` unless `exactName`. */
    readonly name: pulumi.Output<string>;
    /** The bucket's ARN. */
    readonly arn: pulumi.Output<string>;
    /** What the bucket holds: `data` (SSE-KMS) or `accessLogs` (SSE-S3, written by log delivery). */
    readonly purpose: BucketPurpose;

    constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:s3:SecureBucket`, name, {}, opts);
        const purpose = args.purpose ?? "data";
        const problems = bucketProblems(args);
        if (problems.length > 0) throw new Error(`SecureBucket ${name}: ${problems.join("; ")}`);
        this.purpose = purpose;
        const child = { parent: this };
        const partition = aws.getPartitionOutput({}, child).partition;
        const account = aws.getCallerIdentityOutput({}, child).accountId;
        const keep = lifecycle(args.removal);

        this.bucket = new aws.s3.Bucket(
            name,
            { bucket: bucketName(args, child), forceDestroy: keep.forceDestroy, tags: args.tags },
            { parent: this, protect: keep.protect },
        );
        this.name = this.bucket.bucket;
        this.arn = this.bucket.arn;

        const ownership = new aws.s3.BucketOwnershipControls(name, { bucket: this.bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, child);
        const publicAccess = new aws.s3.BucketPublicAccessBlock(
            name,
            { bucket: this.bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            child,
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            name,
            {
                bucket: this.bucket.id,
                rules: [
                    args.kmsKeyArn !== undefined
                        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true }
                        : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
                ],
            },
            child,
        );
        const versioning = new aws.s3.BucketVersioning(name, { bucket: this.bucket.id, versioningConfiguration: { status: "Enabled" } }, child);
        // AWS rejects a lifecycle on a versioned bucket until versioning is in place.
        new aws.s3.BucketLifecycleConfiguration(name, { bucket: this.bucket.id, rules: lifecycleRules(args.lifecycle) }, { parent: this, dependsOn: [versioning] });

        const statements: BucketPolicyStatement[] = [
            {
                Sid: "DenyWithoutTls",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [this.bucket.arn, pulumi.interpolate`${this.bucket.arn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ];
        if (purpose === "accessLogs") {
            statements.push({
                Sid: "ServerAccessLogDelivery",
                Effect: "Allow",
                Principal: { Service: "logging.s3.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: pulumi.interpolate`${this.bucket.arn}/${ACCESS_LOG_PREFIX}*`,
                Condition: {
                    StringEquals: { "aws:SourceAccount": account },
                    ArnLike: { "aws:SourceArn": args.logSourceArns !== undefined ? [...args.logSourceArns] : pulumi.interpolate`arn:${partition}:s3:::${args.namer.system}-*` },
                },
            });
        }
        if (args.loadBalancerLogs !== undefined) statements.push(elbLogDeliveryStatement(args.loadBalancerLogs.region, this.bucket.arn, args.loadBalancerLogs.prefix, account));
        statements.push(...(args.policyStatements ?? []));
        this.policy = new aws.s3.BucketPolicy(
            name,
            {
                bucket: this.bucket.id,
                policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements.map((s) => ({ Effect: "Allow", ...s })) }),
            },
            // A policy put before the public access block is on could be judged public and refused.
            { parent: this, dependsOn: [publicAccess, ownership] },
        );

        if (args.accessLogs) {
            new aws.s3.BucketLogging(
                name,
                { bucket: this.bucket.id, targetBucket: args.accessLogs.targetBucket, targetPrefix: args.accessLogs.prefix ?? `${ACCESS_LOG_PREFIX}${designBucketName(args)}/` },
                child,
            );
        }

        this.registerOutputs({ name: this.name, arn: this.arn });
    }

    /** `arn/*`: the bucket's objects, for IAM statements. */
    get objectsArn(): pulumi.Output<string> {
        return pulumi.interpolate`${this.arn}/*`;
    }
}

/** `-<account id>-<region>` at its longest: 12 digits and the longest region name. */
const UNIQUE_TAIL_MAX = 1 + 12 + 1 + Math.max(...AWS_REGIONS.map((r) => r.length));

export interface BucketNameArgs {
    /** The system's namer. */
    readonly namer: Namer;
    /** The bucket's resource key, as `SecureBucketArgs.bucketName`. */
    readonly bucketName: string;
    /** The design's name, as `SecureBucketArgs.fullName`. @default - `<system>-<bucketName>-<suffix>` */
    readonly fullName?: string;
    /** The design's name without `-<account>-<region>`, as `SecureBucketArgs.exactName`. @default false */
    readonly exactName?: boolean;
}

/**
 * A bucket's name, the one rule for every bucket here: the design's name, then the account and
 * region, because S3 names are global across all AWS accounts and a design name such as
 * `pipeline-artifacts-dev` is almost surely taken. Checked with room for the longest account and
 * region tail. Exported so a policy naming a bucket before it exists uses the same name.
 */
export function bucketName(args: BucketNameArgs, opts?: pulumi.InvokeOptions): pulumi.Output<string> {
    const design = designBucketName(args);
    if (args.exactName) return pulumi.output(design);
    const room = 63 - UNIQUE_TAIL_MAX;
    if (design.length > room) {
        throw new Error(`bucket ${design}: at most ${room} characters leave room for -<account>-<region> within S3's 63; use a shorter environment suffix or set exactName (a stack's bucketNames: exact)`);
    }
    const account = aws.getCallerIdentityOutput({}, opts).accountId;
    const region = aws.getRegionOutput({}, opts).region;
    return pulumi.interpolate`${design}-${account}-${region}`;
}

/** The design's name of the bucket, checked: the prefix of its AWS name. */
export function designBucketName(args: BucketNameArgs): string {
    return args.fullName !== undefined ? args.namer.custom(args.fullName, args.bucketName, "s3Bucket") : args.namer.name(args.bucketName, "s3Bucket");
}

/** What is wrong with the arguments, all at once. */
export function bucketProblems(args: Pick<SecureBucketArgs, "purpose" | "kmsKeyArn" | "lifecycle" | "logSourceArns">): string[] {
    const problems = lifecycleProblems(args.lifecycle);
    const purpose = args.purpose ?? "data";
    if (args.logSourceArns !== undefined && (purpose !== "accessLogs" || args.logSourceArns.length === 0)) {
        problems.push("logSourceArns applies to an accessLogs bucket only, and must name at least one source bucket");
    }
    if (purpose === "data" && args.kmsKeyArn === undefined) problems.push("a data bucket needs kmsKeyArn (SSE-KMS with the customer key)");
    if (purpose === "accessLogs" && args.kmsKeyArn !== undefined) {
        problems.push("an accessLogs bucket cannot use SSE-KMS: S3 log delivery writes only to SSE-S3 buckets; drop kmsKeyArn");
    }
    return problems;
}

/** Why a lifecycle is not one AWS accepts (positive whole days), or an empty list. */
export function lifecycleProblems(lifecycle: BucketLifecycle): string[] {
    const problems: string[] = [];
    const check = (field: keyof BucketLifecycle) => {
        const days = lifecycle[field];
        if (days !== undefined && (!Number.isInteger(days) || days < 1)) problems.push(`lifecycle.${field} must be a whole number of days, 1 or more; got ${days}`);
    };
    check("expireAfterDays");
    check("noncurrentVersionsExpireAfterDays");
    check("abortIncompleteMultipartUploadAfterDays");
    return problems;
}

/** The lifecycle as S3 rules: one rule per concern, each over the whole bucket. */
export function lifecycleRules(lifecycle: BucketLifecycle): aws.types.input.s3.BucketLifecycleConfigurationRule[] {
    const rules: aws.types.input.s3.BucketLifecycleConfigurationRule[] = [
        {
            id: "abort-incomplete-multipart-uploads",
            status: "Enabled",
            filter: {},
            abortIncompleteMultipartUpload: { daysAfterInitiation: lifecycle.abortIncompleteMultipartUploadAfterDays ?? 7 },
        },
    ];
    if (lifecycle.expireAfterDays !== undefined) {
        rules.push({ id: "expire-objects", status: "Enabled", filter: {}, expiration: { days: lifecycle.expireAfterDays } });
    }
    if (lifecycle.noncurrentVersionsExpireAfterDays !== undefined) {
        rules.push({
            id: "expire-noncurrent-versions",
            status: "Enabled",
            filter: {},
            noncurrentVersionExpiration: { noncurrentDays: lifecycle.noncurrentVersionsExpireAfterDays },
            // Delete markers left once every version has expired would otherwise stay forever.
            expiration: { expiredObjectDeleteMarker: true },
        });
    }
    return rules;
}
