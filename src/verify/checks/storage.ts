/** Buckets (encryption, versioning, public access, lifecycle) and DynamoDB tables. */
import type { Check, Observation } from "../check";
import { eq, nameOf, sameKey, sorted } from "../check";
import { NotFound } from "../verifier";

export const bucketEncryption: Check = {
    id: "s3.encryption",
    type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    actions: ["s3:GetEncryptionConfiguration", "kms:DescribeKey"],
    async observe(r, v) {
        const [rule] = (await v.call("s3:GetEncryptionConfiguration", { Bucket: nameOf(r, "bucket") })).ServerSideEncryptionConfiguration?.Rules ?? [];
        const [planned] = (r.inputs.rules as { applyServerSideEncryptionByDefault?: { sseAlgorithm?: string; kmsMasterKeyId?: string }; bucketKeyEnabled?: boolean }[] | undefined) ?? [];
        const want = planned?.applyServerSideEncryptionByDefault;
        const found = rule?.ApplyServerSideEncryptionByDefault;
        const observations: Observation[] = [eq("SSEAlgorithm", found?.SSEAlgorithm, want?.sseAlgorithm)];
        if (want?.kmsMasterKeyId) observations.push(await sameKey(v, "KMSMasterKeyID", found?.KMSMasterKeyID, want.kmsMasterKeyId));
        if (planned?.bucketKeyEnabled !== undefined) observations.push(eq("BucketKeyEnabled", rule?.BucketKeyEnabled, planned.bucketKeyEnabled));
        return observations;
    },
};

export const bucketVersioning: Check = {
    id: "s3.versioning",
    type: "aws:s3/bucketVersioning:BucketVersioning",
    actions: ["s3:GetBucketVersioning"],
    async observe(r, v) {
        const found = await v.call("s3:GetBucketVersioning", { Bucket: nameOf(r, "bucket") });
        return [eq("Status", found.Status ?? "Disabled", (r.inputs.versioningConfiguration as { status?: string } | undefined)?.status)];
    },
};

const BLOCKS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

export const bucketPublicAccess: Check = {
    id: "s3.public-access-block",
    type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    actions: ["s3:GetBucketPublicAccessBlock"],
    async observe(r, v) {
        let found: Record<string, boolean | undefined> = {};
        try {
            found = ((await v.call("s3:GetBucketPublicAccessBlock", { Bucket: nameOf(r, "bucket") })).PublicAccessBlockConfiguration ?? {}) as Record<string, boolean | undefined>;
        } catch (e) {
            // A bucket without a block answers NoSuchPublicAccessBlockConfiguration: every flag is off.
            if (!(e instanceof NotFound) || !/PublicAccessBlock/.test(e.message)) throw e;
        }
        return BLOCKS.map((flag) => {
            const key = flag.charAt(0).toUpperCase() + flag.slice(1);
            return eq(key, found[key] ?? false, r.inputs[flag] === true);
        });
    },
};

export const bucketLifecycle: Check = {
    id: "s3.lifecycle",
    type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    actions: ["s3:GetLifecycleConfiguration"],
    async observe(r, v) {
        let rules: { ID?: string; Status?: string }[] = [];
        try {
            rules = (await v.call("s3:GetLifecycleConfiguration", { Bucket: nameOf(r, "bucket") })).Rules ?? [];
        } catch (e) {
            if (!(e instanceof NotFound) || !/Lifecycle/.test(e.message)) throw e;
        }
        const planned = (r.inputs.rules as { id?: string; status?: string }[] | undefined) ?? [];
        return [eq("Rules", sorted(rules.map((x) => `${x.ID}:${x.Status}`)), sorted(planned.map((x) => `${x.id}:${x.status}`)))];
    },
};

/** The attribute the deploy function writes each record's outcome to (src/functions/lambdaRelease). */
const STATUS_ATTRIBUTE = "status";

async function lastRecord(v: Parameters<Check["observe"]>[1], table: string, rangeKey: string): Promise<Observation> {
    const items = await v.call("dynamodb:Scan", {
        TableName: table,
        ProjectionExpression: "#k, #s",
        ExpressionAttributeNames: { "#k": rangeKey, "#s": STATUS_ATTRIBUTE },
    });
    const newest = items.map((i) => ({ at: i[rangeKey]?.S ?? "", status: i[STATUS_ATTRIBUTE]?.S })).sort((a, b) => b.at.localeCompare(a.at))[0];
    if (!newest) return { property: "last record", found: "no record", expected: "SUCCEEDED", pending: "no deployment recorded yet: run the pipeline once" };
    if (newest.status === "IN_PROGRESS") return { property: "last record", found: `IN_PROGRESS at ${newest.at}`, expected: "SUCCEEDED", pending: "a deployment is in progress" };
    return { property: "last record", found: `${newest.status} at ${newest.at}`, expected: "SUCCEEDED", ok: newest.status === "SUCCEEDED" };
}

export const table: Check = {
    id: "dynamodb.table",
    type: "aws:dynamodb/table:Table",
    actions: ["dynamodb:DescribeTable", "dynamodb:DescribeContinuousBackups", "dynamodb:Scan", "kms:DescribeKey"],
    async observe(r, v) {
        const t = (await v.call("dynamodb:DescribeTable", { TableName: nameOf(r) })).Table;
        if (!t) throw new NotFound(`table ${nameOf(r)}`);
        const pitr = (await v.call("dynamodb:DescribeContinuousBackups", { TableName: nameOf(r) })).ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
        const keys = [r.inputs.hashKey && `${String(r.inputs.hashKey)}:HASH`, r.inputs.rangeKey && `${String(r.inputs.rangeKey)}:RANGE`].filter(Boolean);
        const sse = r.inputs.serverSideEncryption as { enabled?: boolean; kmsKeyArn?: string } | undefined;
        const observations: Observation[] = [
            eq("TableStatus", t.TableStatus, "ACTIVE"),
            eq("BillingMode", t.BillingModeSummary?.BillingMode ?? "PROVISIONED", r.inputs.billingMode ?? "PROVISIONED"),
            eq("KeySchema", sorted(t.KeySchema?.map((k) => `${k.AttributeName}:${k.KeyType}`)), sorted(keys)),
            eq("DeletionProtectionEnabled", t.DeletionProtectionEnabled ?? false, r.inputs.deletionProtectionEnabled === true),
            eq("SSEDescription.Status", t.SSEDescription?.Status ?? "DISABLED", sse?.enabled ? "ENABLED" : "DISABLED"),
            eq("PointInTimeRecoveryStatus", pitr?.PointInTimeRecoveryStatus, (r.inputs.pointInTimeRecovery as { enabled?: boolean } | undefined)?.enabled ? "ENABLED" : "DISABLED"),
        ];
        if (sse?.kmsKeyArn) observations.push(await sameKey(v, "SSEDescription.KMSMasterKeyArn", t.SSEDescription?.KMSMasterKeyArn, sse.kmsKeyArn));
        // A history table (the deploy step's) is ordered by its sort key: its newest record is the last deployment.
        if (r.inputs.rangeKey) observations.push(await lastRecord(v, nameOf(r), String(r.inputs.rangeKey)));
        return observations;
    },
};

export const STORAGE_CHECKS = [bucketEncryption, bucketVersioning, bucketPublicAccess, bucketLifecycle, table];
