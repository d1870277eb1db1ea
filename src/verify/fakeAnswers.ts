/**
 * What a correct deployment of a plan answers to each call the verifier makes, written from
 * the planned inputs the way AWS reports them (its field names, its defaults). Only tests use
 * it, through `fake.ts`.
 */
import type { PlannedResource, StackPlan } from "../offline/model/types";
import type { Action } from "./calls";
import { serviceError } from "./fake";

export type Answer = (input: Record<string, unknown>) => unknown;
type In = Record<string, unknown>;
const str = (v: unknown): string => String(v ?? "");
const obj = (v: unknown): Record<string, unknown> => (v ?? {}) as Record<string, unknown>;

export function answers(plan: StackPlan): Record<Action, Answer> {
    const of = (type: string) => plan.resources.filter((r) => r.type === type);
    const find = (type: string, key: string, value: unknown): PlannedResource => {
        const r = of(type).find((x) => x.inputs[key] === value);
        if (!r) throw serviceError("ResourceNotFoundException", 404);
        return r;
    };
    const tagged = (type: string, filters: unknown) => {
        const name = str((filters as { Name: string; Values: string[] }[])[0]?.Values[0]);
        return of(type).filter((r) => obj(r.inputs.tags).Name === name);
    };
    const keyArn = (ref: unknown) => {
        const key = of("aws:kms/key:Key").sort((a, b) => b.name.length - a.name.length).find((k) => str(ref).endsWith(`${k.name}-key-id`));
        return key ? `arn:aws:kms:${plan.region}:123456789012:key/${key.name}-key-id` : ref;
    };
    const bucket = (type: string, input: In) => find(type, "bucket", input.Bucket).inputs;
    const last = (arn: string) => arn.slice(Math.max(arn.lastIndexOf(":"), arn.lastIndexOf("/")) + 1);

    return {
        "ec2:DescribeVpcs": (i) => ({ Vpcs: tagged("aws:ec2/vpc:Vpc", i.Filters).map((r) => ({ VpcId: `vpc-${r.name}`, CidrBlock: r.inputs.cidrBlock, State: "available" })) }),
        "ec2:DescribeSubnets": (i) => ({
            Subnets: tagged("aws:ec2/subnet:Subnet", i.Filters).map((r) => ({ SubnetId: `${r.name}-id`, AvailabilityZone: r.inputs.availabilityZone, CidrBlock: r.inputs.cidrBlock, MapPublicIpOnLaunch: r.inputs.mapPublicIpOnLaunch ?? false })),
        }),
        "ec2:DescribeNatGateways": (i) => ({
            NatGateways: tagged("aws:ec2/natGateway:NatGateway", i.Filter).map((r) => ({ NatGatewayId: `nat-${r.name}`, State: "available", ConnectivityType: r.inputs.connectivityType ?? "public", SubnetId: r.inputs.subnetId })),
        }),
        "kms:DescribeKey": (i) => {
            const alias = of("aws:kms/alias:Alias").find((a) => a.inputs.name === i.KeyId);
            const arn = str(keyArn(alias ? alias.inputs.targetKeyId : i.KeyId));
            const key = of("aws:kms/key:Key").find((k) => arn.endsWith(`/${k.name}-key-id`));
            if (!key) throw serviceError("NotFoundException");
            return { KeyMetadata: { Arn: arn, KeyId: last(arn), KeyState: "Enabled", KeyUsage: key.inputs.keyUsage ?? "ENCRYPT_DECRYPT" } };
        },
        "kms:GetKeyRotationStatus": (i) => {
            const key = of("aws:kms/key:Key").find((k) => str(i.KeyId).endsWith(`/${k.name}-key-id`))!;
            return { KeyRotationEnabled: key.inputs.enableKeyRotation === true, RotationPeriodInDays: key.inputs.rotationPeriodInDays ?? 365 };
        },
        "kinesis:DescribeStreamSummary": (i) => {
            const s = find("aws:kinesis/stream:Stream", "name", i.StreamName).inputs;
            return {
                StreamDescriptionSummary: {
                    StreamName: s.name, StreamStatus: "ACTIVE", OpenShardCount: s.shardCount, RetentionPeriodHours: s.retentionPeriod ?? 24,
                    EncryptionType: s.encryptionType ?? "NONE", KeyId: keyArn(s.kmsKeyId), StreamModeDetails: { StreamMode: obj(s.streamModeDetails).streamMode ?? "PROVISIONED" },
                },
            };
        },
        "rds:DescribeDBInstances": (i) => {
            const d = find("aws:rds/instance:Instance", "identifier", i.DBInstanceIdentifier).inputs;
            return {
                DBInstances: [{
                    DBInstanceIdentifier: d.identifier, DBInstanceStatus: "available", Engine: d.engine, EngineVersion: `${str(d.engineVersion)}.7`, DBInstanceClass: d.instanceClass,
                    StorageEncrypted: d.storageEncrypted === true, KmsKeyId: keyArn(d.kmsKeyId), PubliclyAccessible: d.publiclyAccessible === true, MultiAZ: d.multiAz === true,
                    BackupRetentionPeriod: d.backupRetentionPeriod, EnabledCloudwatchLogsExports: d.enabledCloudwatchLogsExports, DeletionProtection: d.deletionProtection === true,
                    IAMDatabaseAuthenticationEnabled: d.iamDatabaseAuthenticationEnabled === true,
                }],
            };
        },
        "elasticache:DescribeReplicationGroups": (i) => {
            const g = find("aws:elasticache/replicationGroup:ReplicationGroup", "replicationGroupId", i.ReplicationGroupId).inputs;
            return {
                ReplicationGroups: [{
                    ReplicationGroupId: g.replicationGroupId, Status: "available", CacheNodeType: g.nodeType,
                    MemberClusters: Array.from({ length: Number(g.numCacheClusters ?? 1) }, (_, n) => `${str(g.replicationGroupId)}-00${n + 1}`),
                    TransitEncryptionEnabled: g.transitEncryptionEnabled === true, AtRestEncryptionEnabled: g.atRestEncryptionEnabled === true, KmsKeyId: keyArn(g.kmsKeyId),
                    AuthTokenEnabled: typeof g.authToken === "string", AutomaticFailover: g.automaticFailoverEnabled ? "enabled" : "disabled", MultiAZ: g.multiAzEnabled ? "enabled" : "disabled",
                }],
            };
        },
        "secretsmanager:DescribeSecret": (i) => {
            const named = of("aws:secretsmanager/secret:Secret").find((s) => s.inputs.name === i.SecretId);
            const rotation = of("aws:secretsmanager/secretRotation:SecretRotation").find((r) => r.inputs.secretId === i.SecretId || (named && str(r.inputs.secretId).includes(`secret:${str(named.inputs.name)}-`)));
            if (!named && !rotation) throw serviceError("ResourceNotFoundException");
            return {
                Name: named?.inputs.name ?? i.SecretId, KmsKeyId: keyArn(named?.inputs.kmsKeyId),
                RotationEnabled: rotation !== undefined, RotationRules: rotation ? { AutomaticallyAfterDays: obj(rotation.inputs.rotationRules).automaticallyAfterDays } : undefined,
            };
        },
        "ecr:DescribeRepositories": (i) => {
            const r = find("aws:ecr/repository:Repository", "name", (i.repositoryNames as string[])[0]).inputs;
            const [enc] = (r.encryptionConfigurations as In[] | undefined) ?? [];
            return {
                repositories: [{
                    repositoryName: r.name, imageTagMutability: r.imageTagMutability ?? "MUTABLE", imageScanningConfiguration: { scanOnPush: obj(r.imageScanningConfiguration).scanOnPush === true },
                    encryptionConfiguration: { encryptionType: enc?.encryptionType ?? "AES256", kmsKey: enc?.kmsKey ? keyArn(enc.kmsKey) : undefined },
                }],
            };
        },
        "logs:DescribeLogGroups": (i) => ({
            logGroups: of("aws:cloudwatch/logGroup:LogGroup").filter((g) => str(g.inputs.name).startsWith(str(i.logGroupNamePrefix))).map((g) => ({ logGroupName: g.inputs.name, retentionInDays: g.inputs.retentionInDays, kmsKeyId: g.inputs.kmsKeyId ? keyArn(g.inputs.kmsKeyId) : undefined })),
        }),
        "cloudwatch:DescribeAlarms": (i) => ({
            MetricAlarms: of("aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => (i.AlarmNames as string[]).includes(str(a.inputs.name))).map(({ inputs: a }) => ({
                AlarmName: a.name, Namespace: a.namespace, MetricName: a.metricName, ComparisonOperator: a.comparisonOperator, Threshold: a.threshold,
                EvaluationPeriods: a.evaluationPeriods, ActionsEnabled: a.actionsEnabled ?? true, AlarmActions: a.alarmActions,
            })),
        }),
        "ecs:DescribeClusters": (i) => ({ clusters: of("aws:ecs/cluster:Cluster").filter((c) => (i.clusters as string[]).includes(str(c.inputs.name))).map((c) => ({ clusterName: c.inputs.name, status: "ACTIVE", settings: c.inputs.settings })) }),
        "ecs:DescribeServices": (i) => ({
            services: of("aws:ecs/service:Service").filter((s) => (i.services as string[]).includes(str(s.inputs.name)) && str(s.inputs.cluster).endsWith(`/${str(i.cluster)}`)).map(({ inputs: s }) => ({
                serviceName: s.name, status: "ACTIVE", desiredCount: s.desiredCount, runningCount: s.desiredCount, launchType: s.launchType, deploymentController: { type: obj(s.deploymentController).type ?? "ECS" },
            })),
        }),
        "elasticloadbalancing:DescribeTargetGroups": (i) => {
            const t = find("aws:lb/targetGroup:TargetGroup", "name", (i.Names as string[])[0]).inputs;
            return { TargetGroups: [{ TargetGroupName: t.name, TargetGroupArn: `arn:aws:elasticloadbalancing:${plan.region}:123456789012:targetgroup/${str(t.name)}/abc`, Port: t.port, Protocol: t.protocol, TargetType: t.targetType, HealthCheckPath: obj(t.healthCheck).path }] };
        },
        // Blue/green: the tasks sit behind the first (blue) group; the other is empty.
        "elasticloadbalancing:DescribeTargetHealth": (i) => {
            const first = of("aws:lb/targetGroup:TargetGroup")[0];
            const healthy = first !== undefined && str(i.TargetGroupArn).includes(`/${str(first.inputs.name)}/`);
            return { TargetHealthDescriptions: healthy ? [{ Target: { Id: "10.0.0.10" }, TargetHealth: { State: "healthy" } }, { Target: { Id: "10.0.1.10" }, TargetHealth: { State: "healthy" } }] : [] };
        },
        "s3:GetEncryptionConfiguration": (i) => {
            const [rule] = (bucket("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", i).rules as In[] | undefined) ?? [];
            const d = obj(rule?.applyServerSideEncryptionByDefault);
            return { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: d.sseAlgorithm, KMSMasterKeyID: d.kmsMasterKeyId ? keyArn(d.kmsMasterKeyId) : undefined }, BucketKeyEnabled: rule?.bucketKeyEnabled ?? false }] } };
        },
        "s3:GetBucketVersioning": (i) => ({ Status: obj(bucket("aws:s3/bucketVersioning:BucketVersioning", i).versioningConfiguration).status }),
        "s3:GetBucketPublicAccessBlock": (i) => {
            const b = bucket("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", i);
            return { PublicAccessBlockConfiguration: { BlockPublicAcls: b.blockPublicAcls, BlockPublicPolicy: b.blockPublicPolicy, IgnorePublicAcls: b.ignorePublicAcls, RestrictPublicBuckets: b.restrictPublicBuckets } };
        },
        "s3:GetLifecycleConfiguration": (i) => ({ Rules: ((bucket("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", i).rules as In[] | undefined) ?? []).map((r) => ({ ID: r.id, Status: r.status })) }),
        "sns:GetTopicAttributes": (i) => ({ Attributes: { TopicArn: i.TopicArn, KmsMasterKeyId: str(keyArn(find("aws:sns/topic:Topic", "name", last(str(i.TopicArn))).inputs.kmsMasterKeyId)) } }),
        "sns:ListSubscriptionsByTopic": (i) => ({
            Subscriptions: of("aws:sns/topicSubscription:TopicSubscription").filter((s) => last(str(s.inputs.topic)) === last(str(i.TopicArn))).map((s) => ({ Protocol: s.inputs.protocol, Endpoint: s.inputs.endpoint, SubscriptionArn: `${str(i.TopicArn)}:0f1e2d3c` })),
        }),
        "iam:GetRole": (i) => {
            const r = find("aws:iam/role:Role", "name", i.RoleName).inputs;
            return { Role: { RoleName: r.name, Path: "/", RoleId: "AROAFAKE", Arn: `arn:aws:iam::123456789012:role/${str(r.name)}`, CreateDate: new Date(0), AssumeRolePolicyDocument: encodeURIComponent(str(r.assumeRolePolicy)), MaxSessionDuration: r.maxSessionDuration ?? 3600 } };
        },
        "codedeploy:GetDeploymentGroup": (i) => {
            const g = find("aws:codedeploy/deploymentGroup:DeploymentGroup", "deploymentGroupName", i.deploymentGroupName).inputs;
            const ecs = obj(g.ecsService);
            return {
                deploymentGroupInfo: {
                    deploymentGroupName: g.deploymentGroupName, deploymentConfigName: g.deploymentConfigName,
                    deploymentStyle: { deploymentType: obj(g.deploymentStyle).deploymentType, deploymentOption: obj(g.deploymentStyle).deploymentOption },
                    autoRollbackConfiguration: { enabled: obj(g.autoRollbackConfiguration).enabled, events: obj(g.autoRollbackConfiguration).events },
                    alarmConfiguration: { enabled: obj(g.alarmConfiguration).enabled, alarms: ((obj(g.alarmConfiguration).alarms as string[] | undefined) ?? []).map((name) => ({ name })) },
                    ecsServices: ecs.serviceName ? [{ clusterName: ecs.clusterName, serviceName: ecs.serviceName }] : [],
                },
            };
        },
        "codepipeline:GetPipeline": (i) => {
            const p = find("aws:codepipeline/pipeline:Pipeline", "name", i.name).inputs;
            const stages = ((p.stages as In[] | undefined) ?? []).map((s) => ({ name: s.name, actions: ((s.actions as In[] | undefined) ?? []).map((a) => ({ name: a.name, actionTypeId: { category: a.category, owner: a.owner, provider: a.provider, version: a.version } })) }));
            return { pipeline: { name: p.name, roleArn: p.roleArn, stages, pipelineType: p.pipelineType ?? "V1", executionMode: p.executionMode ?? "SUPERSEDED" } };
        },
        "codepipeline:ListPipelineExecutions": () => ({ pipelineExecutionSummaries: [{ pipelineExecutionId: "e-1", status: "Succeeded" }] }),
        "codebuild:BatchGetProjects": (i) => ({
            projects: of("aws:codebuild/project:Project").filter((p) => (i.names as string[]).includes(str(p.inputs.name))).map(({ inputs: p }) => ({
                name: p.name, encryptionKey: p.encryptionKey ? keyArn(p.encryptionKey) : undefined,
                environment: { computeType: obj(p.environment).computeType, type: obj(p.environment).type, image: obj(p.environment).image, privilegedMode: obj(p.environment).privilegedMode ?? false },
            })),
            projectsNotFound: [],
        }),
        "codecommit:GetRepository": (i) => ({ repositoryMetadata: { repositoryName: find("aws:codecommit/repository:Repository", "repositoryName", i.repositoryName).inputs.repositoryName, defaultBranch: find("aws:codecommit/repository:Repository", "repositoryName", i.repositoryName).inputs.defaultBranch } }),
        "codestar-connections:GetConnection": (i) => {
            const c = of("aws:codestarconnections/connection:Connection").find((x) => str(i.ConnectionArn).endsWith(`/${x.name}`));
            if (!c) throw serviceError("ResourceNotFoundException");
            return { Connection: { ConnectionArn: i.ConnectionArn, ConnectionName: c.inputs.name, ProviderType: c.inputs.providerType, ConnectionStatus: "AVAILABLE" } };
        },
        "lambda:GetFunctionConfiguration": (i) => {
            const f = find("aws:lambda/function:Function", "name", i.FunctionName).inputs;
            return {
                FunctionName: f.name, State: "Active", PackageType: f.packageType ?? "Zip", Runtime: f.runtime, MemorySize: f.memorySize ?? 128, Timeout: f.timeout ?? 3,
                Architectures: f.architectures ?? ["x86_64"], Role: f.role, KMSKeyArn: f.kmsKeyArn ? keyArn(f.kmsKeyArn) : undefined,
            };
        },
        "dynamodb:DescribeTable": (i) => {
            const t = find("aws:dynamodb/table:Table", "name", i.TableName).inputs;
            const sse = obj(t.serverSideEncryption);
            return {
                Table: {
                    TableName: t.name, TableStatus: "ACTIVE", BillingModeSummary: { BillingMode: t.billingMode ?? "PROVISIONED" }, DeletionProtectionEnabled: t.deletionProtectionEnabled === true,
                    KeySchema: [{ AttributeName: t.hashKey, KeyType: "HASH" }, ...(t.rangeKey ? [{ AttributeName: t.rangeKey, KeyType: "RANGE" }] : [])],
                    SSEDescription: sse.enabled ? { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: keyArn(sse.kmsKeyArn) } : undefined,
                },
            };
        },
        "dynamodb:DescribeContinuousBackups": (i) => {
            const t = find("aws:dynamodb/table:Table", "name", i.TableName).inputs;
            const on = obj(t.pointInTimeRecovery).enabled === true;
            return { ContinuousBackupsDescription: { ContinuousBackupsStatus: on ? "ENABLED" : "DISABLED", PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: on ? "ENABLED" : "DISABLED" } } };
        },
        "dynamodb:Scan": (i) => {
            const names = obj(i.ExpressionAttributeNames);
            const record = (at: string, status: string) => ({ [str(names["#k"])]: { S: at }, [str(names["#s"])]: { S: status } });
            return { Items: [record("2026-11-30T10:00:00.000Z", "FAILED"), record("2026-12-01T09:00:00.000Z", "SUCCEEDED")] };
        },
    };
}
