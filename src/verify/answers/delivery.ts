/** What a correct deployment answers about its buckets, tables, topics, roles, pipelines, builds, repositories, connections and functions. */
import { ACCOUNT, obj, serviceError, str, type Answers, type In, type Planned } from "./context";

/** Buckets and DynamoDB tables (with two records in the deploy history, the newest a success). */
export function storageAnswers(p: Planned): Answers {
    return {
        "s3:GetEncryptionConfiguration": (i) => {
            const [rule] = (p.bucket("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", i).rules as In[] | undefined) ?? [];
            const d = obj(rule?.applyServerSideEncryptionByDefault);
            return { ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: d.sseAlgorithm, KMSMasterKeyID: d.kmsMasterKeyId ? p.keyArn(d.kmsMasterKeyId) : undefined }, BucketKeyEnabled: rule?.bucketKeyEnabled ?? false }] } };
        },
        "s3:GetBucketVersioning": (i) => ({ Status: obj(p.bucket("aws:s3/bucketVersioning:BucketVersioning", i).versioningConfiguration).status }),
        "s3:GetBucketPublicAccessBlock": (i) => {
            const b = p.bucket("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", i);
            return { PublicAccessBlockConfiguration: { BlockPublicAcls: b.blockPublicAcls, BlockPublicPolicy: b.blockPublicPolicy, IgnorePublicAcls: b.ignorePublicAcls, RestrictPublicBuckets: b.restrictPublicBuckets } };
        },
        "s3:GetLifecycleConfiguration": (i) => ({ Rules: ((p.bucket("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", i).rules as In[] | undefined) ?? []).map((r) => ({ ID: r.id, Status: r.status })) }),
        "dynamodb:DescribeTable": (i) => {
            const t = p.find("aws:dynamodb/table:Table", "name", i.TableName).inputs;
            const sse = obj(t.serverSideEncryption);
            return {
                Table: {
                    TableName: t.name, TableStatus: "ACTIVE", BillingModeSummary: { BillingMode: t.billingMode ?? "PROVISIONED" }, DeletionProtectionEnabled: t.deletionProtectionEnabled === true,
                    KeySchema: [{ AttributeName: t.hashKey, KeyType: "HASH" }, ...(t.rangeKey ? [{ AttributeName: t.rangeKey, KeyType: "RANGE" }] : [])],
                    SSEDescription: sse.enabled ? { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: p.keyArn(sse.kmsKeyArn) } : undefined,
                },
            };
        },
        "dynamodb:DescribeContinuousBackups": (i) => {
            const t = p.find("aws:dynamodb/table:Table", "name", i.TableName).inputs;
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

/** Topics, roles, the deployment group, pipelines, builds, the repository, the connection and the functions. */
export function deliveryAnswers(p: Planned): Answers {
    return {
        "sns:GetTopicAttributes": (i) => ({ Attributes: { TopicArn: i.TopicArn, KmsMasterKeyId: str(p.keyArn(p.find("aws:sns/topic:Topic", "name", p.last(str(i.TopicArn))).inputs.kmsMasterKeyId)) } }),
        "sns:ListSubscriptionsByTopic": (i) => ({
            Subscriptions: p.of("aws:sns/topicSubscription:TopicSubscription").filter((s) => p.last(str(s.inputs.topic)) === p.last(str(i.TopicArn))).map((s) => ({ Protocol: s.inputs.protocol, Endpoint: s.inputs.endpoint, SubscriptionArn: `${str(i.TopicArn)}:0f1e2d3c` })),
        }),
        "iam:GetRole": (i) => {
            const r = p.find("aws:iam/role:Role", "name", i.RoleName).inputs;
            return { Role: { RoleName: r.name, Path: "/", RoleId: "AROAFAKE", Arn: `arn:aws:iam::${ACCOUNT}:role/${str(r.name)}`, CreateDate: new Date(0), AssumeRolePolicyDocument: encodeURIComponent(str(r.assumeRolePolicy)), MaxSessionDuration: r.maxSessionDuration ?? 3600 } };
        },
        "codedeploy:GetDeploymentGroup": (i) => {
            const g = p.find("aws:codedeploy/deploymentGroup:DeploymentGroup", "deploymentGroupName", i.deploymentGroupName).inputs;
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
            const pl = p.find("aws:codepipeline/pipeline:Pipeline", "name", i.name).inputs;
            const stages = ((pl.stages as In[] | undefined) ?? []).map((s) => ({ name: s.name, actions: ((s.actions as In[] | undefined) ?? []).map((a) => ({ name: a.name, actionTypeId: { category: a.category, owner: a.owner, provider: a.provider, version: a.version } })) }));
            return { pipeline: { name: pl.name, roleArn: pl.roleArn, stages, pipelineType: pl.pipelineType ?? "V1", executionMode: pl.executionMode ?? "SUPERSEDED" } };
        },
        "codepipeline:ListPipelineExecutions": () => ({ pipelineExecutionSummaries: [{ pipelineExecutionId: "e-1", status: "Succeeded" }] }),
        "codebuild:BatchGetProjects": (i) => ({
            projects: p.of("aws:codebuild/project:Project").filter((x) => (i.names as string[]).includes(str(x.inputs.name))).map(({ inputs: b }) => ({
                name: b.name, encryptionKey: b.encryptionKey ? p.keyArn(b.encryptionKey) : undefined,
                environment: { computeType: obj(b.environment).computeType, type: obj(b.environment).type, image: obj(b.environment).image, privilegedMode: obj(b.environment).privilegedMode ?? false },
            })),
            projectsNotFound: [],
        }),
        "codecommit:GetRepository": (i) => ({ repositoryMetadata: { repositoryName: p.find("aws:codecommit/repository:Repository", "repositoryName", i.repositoryName).inputs.repositoryName, defaultBranch: p.find("aws:codecommit/repository:Repository", "repositoryName", i.repositoryName).inputs.defaultBranch } }),
        "codestar-connections:GetConnection": (i) => {
            const c = p.of("aws:codestarconnections/connection:Connection").find((x) => str(i.ConnectionArn).endsWith(`/${x.name}`));
            if (!c) throw serviceError("ResourceNotFoundException");
            return { Connection: { ConnectionArn: i.ConnectionArn, ConnectionName: c.inputs.name, ProviderType: c.inputs.providerType, ConnectionStatus: "AVAILABLE" } };
        },
        "lambda:GetFunctionConfiguration": (i) => {
            const f = p.find("aws:lambda/function:Function", "name", i.FunctionName).inputs;
            return {
                FunctionName: f.name, State: "Active", PackageType: f.packageType ?? "Zip", Runtime: f.runtime, MemorySize: f.memorySize ?? 128, Timeout: f.timeout ?? 3,
                Architectures: f.architectures ?? ["x86_64"], Role: f.role, KMSKeyArn: f.kmsKeyArn ? p.keyArn(f.kmsKeyArn) : undefined,
            };
        },
    };
}

/** EventBridge rules on the default bus, with their targets. */
export function eventAnswers(p: Planned): Answers {
    return {
        "events:DescribeRule": (i) => {
            const r = p.find("aws:cloudwatch/eventRule:EventRule", "name", i.Name).inputs;
            return { Name: r.name, Arn: `arn:aws:events:${p.plan.region}:${ACCOUNT}:rule/${str(r.name)}`, EventPattern: r.eventPattern, ScheduleExpression: r.scheduleExpression, State: r.state ?? "ENABLED", EventBusName: "default" };
        },
        "events:ListTargetsByRule": (i) => ({
            Targets: p.of("aws:cloudwatch/eventTarget:EventTarget").filter((t) => t.inputs.rule === i.Rule).map(({ inputs: t }) => ({ Id: t.targetId, Arn: t.arn, RoleArn: t.roleArn })),
        }),
    };
}
