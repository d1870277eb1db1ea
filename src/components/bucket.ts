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
import type { BaseArgs } from "./common";
import { TOKEN } from "./common";
import type { AwsRegion } from "../aws/regions";
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

export interface SecureBucketArgs extends BaseArgs {
    /** The bucket's resource key: the bucket is `<system>-<resource>-<suffix>`, checked against S3's rules. */
    readonly bucketName: string;
    /**
     * The bucket's full name when the design fixes one (e.g. `pipeline-artifacts-<env>`), used
     * instead of `<system>-<bucketName>-<suffix>` and checked against the same rules.
     * @default - `<system>-<bucketName>-<suffix>`
     */
    readonly fullName?: string;
    /** @default "data" */
    readonly purpose?: BucketPurpose;
    /** The customer key for SSE-KMS. Required for `data`; not allowed for `accessLogs` (log delivery cannot use it). */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /**
     * Let `pulumi destroy` delete a bucket that still holds objects (dev). Without it a destroy
     * stops at a non-empty bucket, which is what prod wants.
     * @default false
     */
    readonly forceDestroy?: boolean;
    readonly lifecycle: BucketLifecycle;
    /**
     * Server access logging (S3.9) into this bucket (its name), under `<prefix>`.
     * @default - no access logging; only an `accessLogs` bucket should go without it
     */
    readonly accessLogs?: { readonly targetBucket: pulumi.Input<string>; readonly prefix?: string };
    /** Extra statements for the bucket policy (e.g. a service principal allowed to write), after the TLS deny. */
    readonly policyStatements?: readonly BucketPolicyStatement[];
    /**
     * An `accessLogs` bucket: let the region's Application Load Balancers deliver their access
     * logs (ELB.5) under `<prefix>/AWSLogs/<account>/`.
     * @default - no load balancer logs
     * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html#attach-bucket-policy
     */
    readonly loadBalancerLogs?: { readonly region: AwsRegion; readonly prefix: string };
    /** Set `protect` on the bucket so `pulumi destroy` refuses to delete it (prod). */
    readonly protect?: boolean;
    /**
     * An `accessLogs` bucket: the buckets allowed to deliver their access logs here (ARNs or ARN
     * patterns), for buckets whose names do not start with `<system>-`.
     * @default - `arn:<partition>:s3:::<system>-*`
     */
    readonly logSourceArns?: readonly pulumi.Input<string>[];
}

/** A bucket-policy statement: an IAM statement with a principal. */
export interface BucketPolicyStatement extends Statement {
    readonly Principal: "*" | { readonly Service?: string | readonly string[]; readonly AWS?: pulumi.Input<string> | readonly pulumi.Input<string>[] };
}

/** Prefix log delivery writes under, in an `accessLogs` bucket. */
export const ACCESS_LOG_PREFIX = "s3-access-logs/";

export class SecureBucket extends pulumi.ComponentResource {
    readonly bucket: aws.s3.Bucket;
    readonly policy: aws.s3.BucketPolicy;
    /** The bucket's name (its id). */
    readonly name: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;
    /** The checked name, known before deployment. */
    readonly bucketName: string;
    readonly purpose: BucketPurpose;

    constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:s3:SecureBucket`, name, {}, opts);
        const purpose = args.purpose ?? "data";
        const problems = bucketProblems(args);
        if (problems.length > 0) throw new Error(`SecureBucket ${name}: ${problems.join("; ")}`);
        this.purpose = purpose;
        this.bucketName = args.fullName !== undefined ? args.namer.custom(args.fullName, args.bucketName, "s3Bucket") : args.namer.name(args.bucketName, "s3Bucket");
        const child = { parent: this };
        const partition = aws.getPartitionOutput({}, child).partition;
        const account = aws.getCallerIdentityOutput({}, child).accountId;

        this.bucket = new aws.s3.Bucket(
            name,
            { bucket: this.bucketName, forceDestroy: args.forceDestroy ?? false, tags: args.tags },
            { parent: this, protect: args.protect ?? false },
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
                { bucket: this.bucket.id, targetBucket: args.accessLogs.targetBucket, targetPrefix: args.accessLogs.prefix ?? `${ACCESS_LOG_PREFIX}${this.bucketName}/` },
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
