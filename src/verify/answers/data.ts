/** What a correct deployment answers about its keys, stream, database, cache, secrets, repository, logs, alarms and ECS. */
import { obj, serviceError, str, type Answers, type In, type Planned } from "./context";

/** The key, the stream, the database, the cache, the secrets and the image repository. */
export function dataAnswers(p: Planned): Answers {
    return {
        "kms:DescribeKey": (i) => {
            const alias = p.of("aws:kms/alias:Alias").find((a) => a.inputs.name === i.KeyId);
            const arn = str(p.keyArn(alias ? alias.inputs.targetKeyId : i.KeyId));
            const key = p.of("aws:kms/key:Key").find((k) => arn.endsWith(`/${k.name}-key-id`));
            if (!key) throw serviceError("NotFoundException");
            return { KeyMetadata: { Arn: arn, KeyId: p.last(arn), KeyState: "Enabled", KeyUsage: key.inputs.keyUsage ?? "ENCRYPT_DECRYPT" } };
        },
        "kms:GetKeyRotationStatus": (i) => {
            const key = p.of("aws:kms/key:Key").find((k) => str(i.KeyId).endsWith(`/${k.name}-key-id`))!;
            return { KeyRotationEnabled: key.inputs.enableKeyRotation === true, RotationPeriodInDays: key.inputs.rotationPeriodInDays ?? 365 };
        },
        "kinesis:DescribeStreamSummary": (i) => {
            const s = p.find("aws:kinesis/stream:Stream", "name", i.StreamName).inputs;
            return {
                StreamDescriptionSummary: {
                    StreamName: s.name, StreamStatus: "ACTIVE", OpenShardCount: s.shardCount, RetentionPeriodHours: s.retentionPeriod ?? 24,
                    EncryptionType: s.encryptionType ?? "NONE", KeyId: p.keyArn(s.kmsKeyId), StreamModeDetails: { StreamMode: obj(s.streamModeDetails).streamMode ?? "PROVISIONED" },
                },
            };
        },
        "rds:DescribeDBInstances": (i) => {
            const d = p.find("aws:rds/instance:Instance", "identifier", i.DBInstanceIdentifier).inputs;
            return {
                DBInstances: [{
                    DBInstanceIdentifier: d.identifier, DBInstanceStatus: "available", Engine: d.engine, EngineVersion: `${str(d.engineVersion)}.7`, DBInstanceClass: d.instanceClass,
                    StorageEncrypted: d.storageEncrypted === true, KmsKeyId: p.keyArn(d.kmsKeyId), PubliclyAccessible: d.publiclyAccessible === true, MultiAZ: d.multiAz === true,
                    BackupRetentionPeriod: d.backupRetentionPeriod, EnabledCloudwatchLogsExports: d.enabledCloudwatchLogsExports, DeletionProtection: d.deletionProtection === true,
                    IAMDatabaseAuthenticationEnabled: d.iamDatabaseAuthenticationEnabled === true,
                }],
            };
        },
        "elasticache:DescribeReplicationGroups": (i) => {
            const g = p.find("aws:elasticache/replicationGroup:ReplicationGroup", "replicationGroupId", i.ReplicationGroupId).inputs;
            return {
                ReplicationGroups: [{
                    ReplicationGroupId: g.replicationGroupId, Status: "available", CacheNodeType: g.nodeType,
                    MemberClusters: Array.from({ length: Number(g.numCacheClusters ?? 1) }, (_, n) => `${str(g.replicationGroupId)}-00${n + 1}`),
                    TransitEncryptionEnabled: g.transitEncryptionEnabled === true, AtRestEncryptionEnabled: g.atRestEncryptionEnabled === true, KmsKeyId: p.keyArn(g.kmsKeyId),
                    AuthTokenEnabled: typeof g.authToken === "string", AutomaticFailover: g.automaticFailoverEnabled ? "enabled" : "disabled", MultiAZ: g.multiAzEnabled ? "enabled" : "disabled",
                }],
            };
        },
        "secretsmanager:DescribeSecret": (i) => {
            const named = p.of("aws:secretsmanager/secret:Secret").find((s) => s.inputs.name === i.SecretId);
            const rotation = p.of("aws:secretsmanager/secretRotation:SecretRotation").find((r) => r.inputs.secretId === i.SecretId || (named && str(r.inputs.secretId).includes(`secret:${str(named.inputs.name)}-`)));
            if (!named && !rotation) throw serviceError("ResourceNotFoundException");
            return {
                Name: named?.inputs.name ?? i.SecretId, KmsKeyId: p.keyArn(named?.inputs.kmsKeyId),
                RotationEnabled: rotation !== undefined, RotationRules: rotation ? { AutomaticallyAfterDays: obj(rotation.inputs.rotationRules).automaticallyAfterDays } : undefined,
            };
        },
        "ecr:DescribeRepositories": (i) => {
            const r = p.find("aws:ecr/repository:Repository", "name", (i.repositoryNames as string[])[0]).inputs;
            const [enc] = (r.encryptionConfigurations as In[] | undefined) ?? [];
            return {
                repositories: [{
                    repositoryName: r.name, imageTagMutability: r.imageTagMutability ?? "MUTABLE", imageScanningConfiguration: { scanOnPush: obj(r.imageScanningConfiguration).scanOnPush === true },
                    encryptionConfiguration: { encryptionType: enc?.encryptionType ?? "AES256", kmsKey: enc?.kmsKey ? p.keyArn(enc.kmsKey) : undefined },
                }],
            };
        },
    };
}

/** Log groups, alarms, ECS clusters and services. */
export function operationsAnswers(p: Planned): Answers {
    return {
        "logs:DescribeLogGroups": (i) => ({
            logGroups: p.of("aws:cloudwatch/logGroup:LogGroup").filter((g) => str(g.inputs.name).startsWith(str(i.logGroupNamePrefix))).map((g) => ({ logGroupName: g.inputs.name, retentionInDays: g.inputs.retentionInDays, kmsKeyId: g.inputs.kmsKeyId ? p.keyArn(g.inputs.kmsKeyId) : undefined })),
        }),
        "cloudwatch:DescribeAlarms": (i) => ({
            MetricAlarms: p.of("aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => (i.AlarmNames as string[]).includes(str(a.inputs.name))).map(({ inputs: a }) => ({
                AlarmName: a.name, Namespace: a.namespace, MetricName: a.metricName, ComparisonOperator: a.comparisonOperator, Threshold: a.threshold,
                EvaluationPeriods: a.evaluationPeriods, ActionsEnabled: a.actionsEnabled ?? true, AlarmActions: a.alarmActions,
            })),
        }),
        "ecs:DescribeClusters": (i) => ({ clusters: p.of("aws:ecs/cluster:Cluster").filter((c) => (i.clusters as string[]).includes(str(c.inputs.name))).map((c) => ({ clusterName: c.inputs.name, status: "ACTIVE", settings: c.inputs.settings })) }),
        "ecs:DescribeServices": (i) => ({
            services: p.of("aws:ecs/service:Service").filter((s) => (i.services as string[]).includes(str(s.inputs.name)) && str(s.inputs.cluster).endsWith(`/${str(i.cluster)}`)).map(({ inputs: s }) => ({
                serviceName: s.name, status: "ACTIVE", desiredCount: s.desiredCount, runningCount: s.desiredCount, launchType: s.launchType, deploymentController: { type: obj(s.deploymentController).type ?? "ECS" },
            })),
        }),
    };
}
