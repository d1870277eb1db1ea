/** The key, the stream, the database, the cache, the secrets and the image repository. */
import type { Check, Observation } from "../check";
import { eq, nameOf, sameKey, sorted } from "../check";
import { CannotCheck, NotFound } from "../verifier";

export const kmsKey: Check = {
    id: "kms.key",
    type: "aws:kms/key:Key",
    actions: ["kms:DescribeKey", "kms:GetKeyRotationStatus"],
    async observe(r, v) {
        const arn = await v.liveKeyArn(`${r.name}-key-id`);
        if (!arn) throw new NotFound(`key ${r.name}`);
        const key = (await v.call("kms:DescribeKey", { KeyId: arn })).KeyMetadata;
        const rotation = await v.call("kms:GetKeyRotationStatus", { KeyId: arn });
        return [
            eq("KeyState", key?.KeyState, "Enabled"),
            eq("KeyUsage", key?.KeyUsage, r.inputs.keyUsage ?? "ENCRYPT_DECRYPT"),
            eq("KeyRotationEnabled", rotation.KeyRotationEnabled, r.inputs.enableKeyRotation === true),
            eq("RotationPeriodInDays", rotation.RotationPeriodInDays, r.inputs.rotationPeriodInDays ?? 365),
        ];
    },
};

export const stream: Check = {
    id: "kinesis.stream",
    type: "aws:kinesis/stream:Stream",
    actions: ["kinesis:DescribeStreamSummary", "kms:DescribeKey"],
    async observe(r, v) {
        const s = (await v.call("kinesis:DescribeStreamSummary", { StreamName: nameOf(r) })).StreamDescriptionSummary;
        return [
            eq("StreamStatus", s?.StreamStatus, "ACTIVE"),
            eq("OpenShardCount", s?.OpenShardCount, r.inputs.shardCount),
            eq("RetentionPeriodHours", s?.RetentionPeriodHours, r.inputs.retentionPeriod ?? 24),
            eq("EncryptionType", s?.EncryptionType, r.inputs.encryptionType ?? "NONE"),
            await sameKey(v, "KeyId", s?.KeyId, r.inputs.kmsKeyId),
            eq("StreamMode", s?.StreamModeDetails?.StreamMode, (r.inputs.streamModeDetails as { streamMode?: string } | undefined)?.streamMode ?? "PROVISIONED"),
        ];
    },
};

export const dbInstance: Check = {
    id: "rds.instance",
    type: "aws:rds/instance:Instance",
    actions: ["rds:DescribeDBInstances", "kms:DescribeKey"],
    async observe(r, v) {
        const [db] = (await v.call("rds:DescribeDBInstances", { DBInstanceIdentifier: nameOf(r, "identifier") })).DBInstances ?? [];
        if (!db) throw new NotFound(`DB instance ${nameOf(r, "identifier")}`);
        const version = String(r.inputs.engineVersion ?? "");
        return [
            eq("DBInstanceStatus", db.DBInstanceStatus, "available"),
            eq("Engine", db.Engine, r.inputs.engine),
            // A major version in the plan lets AWS choose the minor one.
            { property: "EngineVersion", found: db.EngineVersion, expected: version, ok: db.EngineVersion === version || String(db.EngineVersion).startsWith(`${version}.`) },
            eq("DBInstanceClass", db.DBInstanceClass, r.inputs.instanceClass),
            eq("StorageEncrypted", db.StorageEncrypted, r.inputs.storageEncrypted === true),
            await sameKey(v, "KmsKeyId", db.KmsKeyId, r.inputs.kmsKeyId),
            eq("PubliclyAccessible", db.PubliclyAccessible, r.inputs.publiclyAccessible === true),
            eq("MultiAZ", db.MultiAZ, r.inputs.multiAz === true),
            eq("BackupRetentionPeriod", db.BackupRetentionPeriod, r.inputs.backupRetentionPeriod),
            eq("EnabledCloudwatchLogsExports", sorted(db.EnabledCloudwatchLogsExports), sorted(r.inputs.enabledCloudwatchLogsExports as string[] | undefined)),
            eq("DeletionProtection", db.DeletionProtection, r.inputs.deletionProtection === true),
            eq("IAMDatabaseAuthenticationEnabled", db.IAMDatabaseAuthenticationEnabled, r.inputs.iamDatabaseAuthenticationEnabled === true),
        ];
    },
};

export const replicationGroup: Check = {
    id: "elasticache.replication-group",
    type: "aws:elasticache/replicationGroup:ReplicationGroup",
    actions: ["elasticache:DescribeReplicationGroups", "kms:DescribeKey"],
    async observe(r, v) {
        const [g] = await v.call("elasticache:DescribeReplicationGroups", { ReplicationGroupId: nameOf(r, "replicationGroupId") });
        if (!g) throw new NotFound(`replication group ${nameOf(r, "replicationGroupId")}`);
        const failover = r.inputs.automaticFailoverEnabled === true ? "enabled" : "disabled";
        return [
            eq("Status", g.Status, "available"),
            eq("CacheNodeType", g.CacheNodeType, r.inputs.nodeType),
            eq("MemberClusters", g.MemberClusters?.length, r.inputs.numCacheClusters),
            eq("TransitEncryptionEnabled", g.TransitEncryptionEnabled, r.inputs.transitEncryptionEnabled === true),
            eq("AtRestEncryptionEnabled", g.AtRestEncryptionEnabled, r.inputs.atRestEncryptionEnabled === true),
            await sameKey(v, "KmsKeyId", g.KmsKeyId, r.inputs.kmsKeyId),
            eq("AuthTokenEnabled", g.AuthTokenEnabled, typeof r.inputs.authToken === "string"),
            // "enabling" and "disabling" are transitions: only the settled state meets the design.
            eq("AutomaticFailover", g.AutomaticFailover, failover),
            eq("MultiAZ", g.MultiAZ, r.inputs.multiAzEnabled === true ? "enabled" : "disabled"),
        ];
    },
};

export const secret: Check = {
    id: "secretsmanager.secret",
    type: "aws:secretsmanager/secret:Secret",
    actions: ["secretsmanager:DescribeSecret", "kms:DescribeKey"],
    async observe(r, v) {
        const s = await v.call("secretsmanager:DescribeSecret", { SecretId: nameOf(r) });
        if (s.DeletedDate) throw new NotFound(`secret ${nameOf(r)} is scheduled for deletion`);
        return [await sameKey(v, "KmsKeyId", s.KmsKeyId, r.inputs.kmsKeyId)];
    },
};

export const secretRotation: Check = {
    id: "secretsmanager.rotation",
    type: "aws:secretsmanager/secretRotation:SecretRotation",
    actions: ["secretsmanager:DescribeSecret"],
    async observe(r, v) {
        // The database's own secret has an ARN only AWS knows: the stack outputs it.
        const planned = v.referenced("aws:secretsmanager/secret:Secret", r.inputs.secretId);
        const id = planned ? nameOf(planned) : v.liveOutputFor(r.inputs.secretId);
        if (!id) throw new CannotCheck(`the secret ${String(r.inputs.secretId)} is neither named in the plan nor among the stack outputs`);
        const s = await v.call("secretsmanager:DescribeSecret", { SecretId: id });
        const rules = r.inputs.rotationRules as { automaticallyAfterDays?: number } | undefined;
        const observations: Observation[] = [eq("RotationEnabled", s.RotationEnabled, true)];
        if (rules?.automaticallyAfterDays !== undefined) observations.push(eq("RotationRules.AutomaticallyAfterDays", s.RotationRules?.AutomaticallyAfterDays, rules.automaticallyAfterDays));
        return observations;
    },
};

export const repository: Check = {
    id: "ecr.repository",
    type: "aws:ecr/repository:Repository",
    actions: ["ecr:DescribeRepositories", "kms:DescribeKey"],
    async observe(r, v) {
        const [repo] = (await v.call("ecr:DescribeRepositories", { repositoryNames: [nameOf(r)] })).repositories ?? [];
        if (!repo) throw new NotFound(`repository ${nameOf(r)}`);
        const [encryption] = (r.inputs.encryptionConfigurations as { encryptionType?: string; kmsKey?: string }[] | undefined) ?? [];
        return [
            eq("scanOnPush", repo.imageScanningConfiguration?.scanOnPush, (r.inputs.imageScanningConfiguration as { scanOnPush?: boolean } | undefined)?.scanOnPush === true),
            eq("imageTagMutability", repo.imageTagMutability, r.inputs.imageTagMutability ?? "MUTABLE"),
            eq("encryptionType", repo.encryptionConfiguration?.encryptionType, encryption?.encryptionType ?? "AES256"),
            ...(encryption?.kmsKey ? [await sameKey(v, "kmsKey", repo.encryptionConfiguration?.kmsKey, encryption.kmsKey)] : []),
        ];
    },
};

export const DATA_CHECKS = [kmsKey, stream, dbInstance, replicationGroup, secret, secretRotation, repository];
