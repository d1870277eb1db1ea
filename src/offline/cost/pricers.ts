/**
 * One pricer per billable `@pulumi/aws` v7 resource type: reads the planned inputs, applies
 * AWS's defaults where the program left an input out, and writes lines (or notes) to the
 * ledger. Types not listed here are free (VPCs, subnets, roles, security groups...).
 */
import type { PlannedResource } from "../model/types";
import { describeAssumption, describeAssumptions } from "./assumptions";
import { planOf } from "../model/plan";
import { list, num, obj, str } from "./inputs";
import type { CostLines } from "./lines";
import { CODEPIPELINE_V2_FREE_ACTION_MINUTES, HOURS_PER_MONTH, isPriceKey } from "./prices";

export type Pricer = (resource: PlannedResource, lines: CostLines) => void;

export const TYPES = {
    natGateway: "aws:ec2/natGateway:NatGateway",
    eip: "aws:ec2/eip:Eip",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    rdsInstance: "aws:rds/instance:Instance",
    replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    cacheCluster: "aws:elasticache/cluster:Cluster",
    kinesisStream: "aws:kinesis/stream:Stream",
    ecsService: "aws:ecs/service:Service",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    ecsCluster: "aws:ecs/cluster:Cluster",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
    kmsKey: "aws:kms/key:Key",
    secret: "aws:secretsmanager/secret:Secret",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    pipeline: "aws:codepipeline/pipeline:Pipeline",
    buildProject: "aws:codebuild/project:Project",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    ecrRepository: "aws:ecr/repository:Repository",
    dynamodbTable: "aws:dynamodb/table:Table",
    lambdaFunction: "aws:lambda/function:Function",
} as const;

const HOURS = HOURS_PER_MONTH;

function natGateway(r: PlannedResource, lines: CostLines): void {
    if (str(r.inputs.availabilityMode) === "regional") {
        lines.note(r, "a regional NAT gateway is billed per AZ it serves and the table has no figure for it; not priced");
        return;
    }
    lines.add(r, { key: "vpc.natGateway.hour", description: "NAT gateway hours", quantity: HOURS });
    // The assumption is the stack's total traffic: NAT per AZ spreads it, it does not multiply it.
    const gateways = lines
        .ofType(TYPES.natGateway)
        .filter((g) => str(g.inputs.availabilityMode) !== "regional").length;
    const total = lines.assumptions.natDataProcessedGb;
    lines.add(r, {
        key: "vpc.natGateway.dataGb",
        description: "NAT gateway data processed",
        quantity: total / Math.max(1, gateways),
        assumption: describeAssumption(
            "natDataProcessedGb",
            total,
            gateways > 1 ? `split evenly over ${gateways} NAT gateways` : undefined,
        ),
    });
}

function eip(r: PlannedResource, lines: CostLines): void {
    // AWS bills every public IPv4 address by the hour, attached or idle.
    lines.add(r, { key: "vpc.publicIpv4.hour", description: "Elastic IP (public IPv4) hours", quantity: HOURS });
}

function vpcEndpoint(r: PlannedResource, lines: CostLines): void {
    const type = str(r.inputs.vpcEndpointType) ?? "Gateway";
    if (type === "Gateway") return; // S3 and DynamoDB gateway endpoints are free.
    if (type !== "Interface") {
        lines.note(r, `a ${type} endpoint has no figure in the price table; not priced`);
        return;
    }
    const azs = list(r.inputs.subnetIds)?.length ?? list(r.inputs.subnetConfigurations)?.length ?? 0;
    if (azs === 0) {
        lines.note(r, "interface endpoint without subnetIds: cannot count the AZs it is billed for; not priced");
        return;
    }
    lines.add(r, {
        key: "vpc.interfaceEndpoint.azHour",
        description: `Interface endpoint hours in ${azs} AZ${azs === 1 ? "" : "s"}`,
        quantity: azs * HOURS,
    });
}

function rdsInstance(r: PlannedResource, lines: CostLines): void {
    const engine = str(r.inputs.engine) ?? "(none)";
    const instanceClass = str(r.inputs.instanceClass) ?? "(none)";
    const multiAz = r.inputs.multiAz === true;
    // The table holds PostgreSQL rates only; other engines cost differently.
    const instanceKey = `rds.${engine}.${instanceClass}.hour`;
    if (isPriceKey(instanceKey)) {
        lines.add(r, {
            key: instanceKey,
            description: multiAz ? `${instanceClass} ${engine} Multi-AZ (primary + standby)` : `${instanceClass} ${engine} Single-AZ`,
            // Multi-AZ bills the standby as a second instance.
            quantity: (multiAz ? 2 : 1) * HOURS,
        });
    } else {
        lines.note(r, `no price in the table for ${instanceClass} running ${engine}; instance not priced`);
    }

    const storageGb = num(r.inputs.allocatedStorage);
    // AWS's default storage type: io1 when iops is given, gp2 otherwise.
    const storageType = str(r.inputs.storageType) ?? (num(r.inputs.iops) === undefined ? "gp2" : "io1");
    const storageKey = `rds.storage.${storageType}.gbMonth`;
    if (storageGb === undefined) {
        lines.note(r, "allocatedStorage not set; storage not priced");
    } else if (isPriceKey(storageKey)) {
        lines.add(r, {
            key: storageKey,
            description: multiAz ? `${storageType} storage, ${storageGb} GB Multi-AZ (two copies)` : `${storageType} storage, ${storageGb} GB`,
            quantity: (multiAz ? 2 : 1) * storageGb,
        });
    } else {
        lines.note(r, `no price in the table for ${storageType} storage; storage not priced`);
    }
}

/** Prices `nodes` cache nodes of `nodeType` for `engine`; only from the engine's own figure. */
function cacheNodes(r: PlannedResource, lines: CostLines, engine: string, nodeType: string, nodes: number): void {
    const key = `elasticache.${engine}.${nodeType}.hour`;
    if (!isPriceKey(key)) {
        lines.note(r, `no price in the table for ${nodeType} running ${engine}; not priced`);
        return;
    }
    const label = engine === "valkey" ? "Valkey" : "Redis OSS";
    lines.add(r, {
        key,
        description: `${nodes} × ${nodeType} ${label} node${nodes === 1 ? "" : "s"}`,
        quantity: nodes * HOURS,
    });
}

function replicationGroup(r: PlannedResource, lines: CostLines): void {
    const engine = str(r.inputs.engine) ?? "redis";
    const nodeType = str(r.inputs.nodeType) ?? "(none)";
    const shards = num(r.inputs.numNodeGroups);
    // Cluster mode: every shard has a primary and its replicas; otherwise numCacheClusters (default 1).
    const nodes =
        shards === undefined
            ? (num(r.inputs.numCacheClusters) ?? 1)
            : shards * (1 + (num(r.inputs.replicasPerNodeGroup) ?? 0));
    cacheNodes(r, lines, engine, nodeType, nodes);
}

function cacheCluster(r: PlannedResource, lines: CostLines): void {
    // A member of a replication group is priced with its group.
    if (str(r.inputs.replicationGroupId) !== undefined) return;
    const engine = str(r.inputs.engine) ?? "(none)";
    const nodeType = str(r.inputs.nodeType) ?? "(none)";
    cacheNodes(r, lines, engine, nodeType, num(r.inputs.numCacheNodes) ?? 1);
}

function kinesisStream(r: PlannedResource, lines: CostLines): void {
    const mode = str(obj(r.inputs.streamModeDetails)?.streamMode) ?? "PROVISIONED";
    const retentionHours = num(r.inputs.retentionPeriod) ?? 24;
    if (mode === "ON_DEMAND") {
        lines.add(r, { key: "kinesis.onDemand.streamHour", description: "On-demand stream hours", quantity: HOURS });
        const gb = lines.assumptions.kinesisOnDemandIngestGb;
        lines.add(r, {
            key: "kinesis.onDemand.ingestGb",
            description: "On-demand data ingested",
            quantity: gb,
            assumption: describeAssumption("kinesisOnDemandIngestGb", gb),
        });
        if (retentionHours > 24) {
            lines.note(r, `retention of ${retentionHours} h is billed per GB stored, which no assumption covers; not priced`);
        }
        return;
    }
    const shards = num(r.inputs.shardCount);
    if (shards === undefined) {
        lines.note(r, "provisioned stream without shardCount; not priced");
        return;
    }
    lines.add(r, { key: "kinesis.provisioned.shardHour", description: `${shards} provisioned shard${shards === 1 ? "" : "s"}`, quantity: shards * HOURS });
    if (retentionHours > 24) {
        lines.add(r, {
            key: "kinesis.provisioned.extendedRetentionShardHour",
            description: `Extended retention (${Math.min(retentionHours, 168)} h) on ${shards} shard${shards === 1 ? "" : "s"}`,
            quantity: shards * HOURS,
        });
    }
    if (retentionHours > 168) {
        lines.note(r, "retention beyond 7 days is billed per GB stored, which no assumption covers; not priced");
    }
    lines.note(r, "PUT payload units are billed per use and not estimated");
    if ((list(r.inputs.shardLevelMetrics)?.length ?? 0) > 0) {
        lines.note(r, "shard-level metrics are billed as CloudWatch custom metrics; the table has no figure, not priced");
    }
}

export function findTaskDefinition(ref: string, resources: readonly PlannedResource[]): PlannedResource | undefined {
    return planOf(resources).resolve(ref, [TYPES.taskDefinition])[0];
}

function ecsService(r: PlannedResource, lines: CostLines): void {
    if (str(r.inputs.schedulingStrategy) === "DAEMON") {
        lines.note(r, "a DAEMON service runs on EC2 container instances, which are not priced here");
        return;
    }
    const ref = str(r.inputs.taskDefinition);
    const td = ref === undefined ? undefined : findTaskDefinition(ref, lines.resources);
    if (td === undefined) {
        lines.note(r, `task definition ${ref ?? "(none)"} is not in the plan; tasks not priced`);
        return;
    }
    const launchType = str(r.inputs.launchType);
    const providers = (list(r.inputs.capacityProviderStrategies) ?? []).map((s) => str(obj(s)?.capacityProvider));
    const compatibilities = (list(td.inputs.requiresCompatibilities) ?? []).map(str);
    const onFargate =
        providers.length > 0
            ? providers.every((p) => p === "FARGATE")
            : launchType === "FARGATE" || (launchType === undefined && compatibilities.includes("FARGATE"));
    if (!onFargate) {
        const how = providers.length > 0 ? `capacity providers ${providers.join(", ")}` : `launch type ${launchType ?? "EC2"}`;
        lines.note(r, `${how}: only on-demand Fargate has figures in the table; tasks not priced`);
        return;
    }
    const os = str(obj(td.inputs.runtimePlatform)?.operatingSystemFamily) ?? "LINUX";
    if (os !== "LINUX") {
        lines.note(r, `the table has Linux Fargate figures only, not ${os}; tasks not priced`);
        return;
    }
    const desired = num(r.inputs.desiredCount);
    if (desired === undefined) lines.note(r, "desiredCount not set: AWS starts 0 tasks, priced as none running");
    const tasks = desired ?? 0;
    const cpuUnits = num(td.inputs.cpu);
    const memoryMib = num(td.inputs.memory);
    if (cpuUnits === undefined || memoryMib === undefined) {
        lines.note(r, `task definition ${td.name} sets no task-level cpu and memory; tasks not priced`);
        return;
    }
    const arch = str(obj(td.inputs.runtimePlatform)?.cpuArchitecture) ?? "X86_64";
    const archKey = arch === "ARM64" ? "arm64" : "x86_64";
    const vcpu = cpuUnits / 1024;
    const gb = memoryMib / 1024;
    const tasksText = `${tasks} task${tasks === 1 ? "" : "s"}`;
    lines.add(r, {
        key: `fargate.${archKey}.vcpuHour`,
        description: `Fargate ${arch} vCPU, ${tasksText} × ${vcpu} vCPU`,
        quantity: tasks * vcpu * HOURS,
    });
    lines.add(r, {
        key: `fargate.${archKey}.gbHour`,
        description: `Fargate ${arch} memory, ${tasksText} × ${gb} GB`,
        quantity: tasks * gb * HOURS,
    });
}

function ecsCluster(r: PlannedResource, lines: CostLines): void {
    const insights = (list(r.inputs.settings) ?? [])
        .map(obj)
        .find((s) => str(s?.name) === "containerInsights");
    const value = str(insights?.value);
    if (value !== undefined && value !== "disabled") {
        lines.note(r, `Container Insights (${value}) is billed as custom metrics and log ingestion; the table has no figure, not priced`);
    }
}

function loadBalancer(r: PlannedResource, lines: CostLines): void {
    const type = str(r.inputs.loadBalancerType) ?? "application";
    if (type !== "application") {
        lines.note(r, `the table has no figure for a ${type} load balancer; not priced`);
        return;
    }
    lines.add(r, { key: "elb.application.hour", description: "Application Load Balancer hours", quantity: HOURS });
    const lcus = lines.assumptions.albLcus;
    lines.add(r, {
        key: "elb.application.lcuHour",
        description: "Application Load Balancer capacity units",
        quantity: lcus * HOURS,
        assumption: describeAssumption("albLcus", lcus),
    });
    const internetFacing = r.inputs.internal !== true;
    const ipv4 = str(r.inputs.ipAddressType) !== "dualstack-without-public-ipv4";
    if (internetFacing && ipv4) {
        // An internet-facing ALB holds one public IPv4 address in each AZ it spans.
        const azs = list(r.inputs.subnetMappings)?.length ?? list(r.inputs.subnets)?.length ?? 0;
        if (azs === 0) {
            lines.note(r, "internet-facing without subnets: cannot count its public IPv4 addresses; not priced");
        } else {
            lines.add(r, {
                key: "vpc.publicIpv4.hour",
                description: `Public IPv4 hours, ${azs} address${azs === 1 ? "" : "es"} (one per AZ)`,
                quantity: azs * HOURS,
            });
        }
    }
}

function kmsKey(r: PlannedResource, lines: CostLines): void {
    lines.add(r, { key: "kms.customerKey.month", description: "Customer managed KMS key", quantity: 1 });
}

function secret(r: PlannedResource, lines: CostLines): void {
    // Each replica region bills as a separate secret.
    const replicas = list(r.inputs.replicas)?.length ?? 0;
    lines.add(r, {
        key: "secretsmanager.secret.month",
        description: replicas > 0 ? `Secret and ${replicas} replica${replicas === 1 ? "" : "s"}` : "Secret",
        quantity: 1 + replicas,
    });
}

function logGroup(r: PlannedResource, lines: CostLines): void {
    const logClass = str(r.inputs.logGroupClass) ?? "STANDARD";
    if (logClass !== "STANDARD") {
        lines.note(r, `the table has no ingestion figure for the ${logClass} log class; not priced`);
        return;
    }
    const gb = lines.assumptions.logIngestGb;
    lines.add(r, {
        key: "logs.standard.ingestGb",
        description: "Log ingestion",
        quantity: gb,
        assumption: describeAssumption("logIngestGb", gb),
    });
}

function metricAlarm(r: PlannedResource, lines: CostLines): void {
    const queries = (list(r.inputs.metricQueries) ?? []).map(obj);
    const period = num(r.inputs.period) ?? queries.map((q) => num(obj(q?.metric)?.period)).find((p) => p !== undefined);
    if (period !== undefined && period < 60) {
        lines.note(r, `a ${period}-second (high-resolution) alarm has no figure in the table; not priced`);
        return;
    }
    // AWS bills an alarm per metric it evaluates; an expression's inputs each count.
    const metrics = Math.max(1, queries.filter((q) => q?.metric !== undefined).length);
    lines.add(r, {
        key: "cloudwatch.alarm.standard.month",
        description: metrics === 1 ? "Standard-resolution alarm" : `Standard-resolution alarm on ${metrics} metrics`,
        quantity: metrics,
    });
}

/** Free V2 minutes are shared by the account: the stack's first V2 pipelines use them up. */
function freeMinutesBefore(r: PlannedResource, lines: CostLines): number {
    const v2 = lines.ofType(TYPES.pipeline).filter((p) => str(p.inputs.pipelineType) === "V2");
    const earlier = v2.findIndex((p) => p.urn === r.urn);
    const usedBefore = earlier * lines.assumptions.pipelineActionMinutes;
    return Math.max(0, CODEPIPELINE_V2_FREE_ACTION_MINUTES - usedBefore);
}

function pipeline(r: PlannedResource, lines: CostLines): void {
    const type = str(r.inputs.pipelineType) ?? "V1";
    if (type === "V1") {
        lines.add(r, { key: "codepipeline.v1.activePipelineMonth", description: "Active V1 pipeline", quantity: 1 });
        return;
    }
    const minutes = lines.assumptions.pipelineActionMinutes;
    const free = Math.min(minutes, freeMinutesBefore(r, lines));
    lines.add(r, {
        key: "codepipeline.v2.actionMinute",
        description: "V2 pipeline action minutes",
        quantity: minutes - free,
        assumption: describeAssumption(
            "pipelineActionMinutes",
            minutes,
            free === 0
                ? undefined
                : free === CODEPIPELINE_V2_FREE_ACTION_MINUTES
                  ? `less the account's ${free} free minutes`
                  : `less the remaining ${free} of the account's ${CODEPIPELINE_V2_FREE_ACTION_MINUTES} free minutes`,
        ),
    });
}

function buildProject(r: PlannedResource, lines: CostLines): void {
    const environment = obj(r.inputs.environment);
    const computeType = str(environment?.computeType) ?? "(none)";
    const envType = str(environment?.type) ?? "(none)";
    const key = `codebuild.${computeType}.linux.minute`;
    if (envType !== "LINUX_CONTAINER" || !isPriceKey(key)) {
        lines.note(r, `no price in the table for ${computeType} on ${envType}; builds not priced`);
        return;
    }
    const minutes = lines.assumptions.buildMinutes;
    lines.add(r, {
        key,
        description: `${computeType} Linux build minutes`,
        quantity: minutes,
        assumption: describeAssumption("buildMinutes", minutes),
    });
}

function bucket(r: PlannedResource, lines: CostLines): void {
    const gb = lines.assumptions.s3StorageGb;
    lines.add(r, {
        key: "s3.standard.gbMonth",
        description: "S3 Standard storage",
        quantity: gb,
        assumption: describeAssumption("s3StorageGb", gb),
    });
}

function ecrRepository(r: PlannedResource, lines: CostLines): void {
    const gb = lines.assumptions.ecrStorageGb;
    lines.add(r, {
        key: "ecr.storage.gbMonth",
        description: "ECR image storage",
        quantity: gb,
        assumption: describeAssumption("ecrStorageGb", gb),
    });
}

function dynamodbTable(r: PlannedResource, lines: CostLines): void {
    const mode = str(r.inputs.billingMode) ?? "PROVISIONED";
    if (mode !== "PAY_PER_REQUEST") {
        lines.note(r, `the table has no figure for ${mode} capacity; not priced`);
        return;
    }
    const tableClass = str(r.inputs.tableClass) ?? "STANDARD";
    if (tableClass !== "STANDARD") {
        lines.note(r, `the table has figures for the STANDARD table class only, not ${tableClass}; not priced`);
        return;
    }
    const a = lines.assumptions;
    lines.add(r, {
        key: "dynamodb.onDemand.writeMillion",
        description: "On-demand write request units",
        quantity: a.dynamodbWriteRequestUnits / 1_000_000,
        assumption: describeAssumption("dynamodbWriteRequestUnits", a.dynamodbWriteRequestUnits),
    });
    lines.add(r, {
        key: "dynamodb.onDemand.readMillion",
        description: "On-demand read request units",
        quantity: a.dynamodbReadRequestUnits / 1_000_000,
        assumption: describeAssumption("dynamodbReadRequestUnits", a.dynamodbReadRequestUnits),
    });
    lines.add(r, {
        key: "dynamodb.storage.gbMonth",
        description: "Table storage",
        quantity: a.dynamodbStorageGb,
        assumption: describeAssumption("dynamodbStorageGb", a.dynamodbStorageGb),
    });
    if (obj(r.inputs.pointInTimeRecovery)?.enabled === true) {
        lines.add(r, {
            key: "dynamodb.pitr.gbMonth",
            description: "Point-in-time recovery",
            quantity: a.dynamodbStorageGb,
            assumption: describeAssumption("dynamodbStorageGb", a.dynamodbStorageGb),
        });
    }
    const replicas = list(r.inputs.replicas)?.length ?? 0;
    if (replicas > 0) lines.note(r, `${replicas} global-table replica${replicas === 1 ? "" : "s"} not priced`);
}

function lambdaFunction(r: PlannedResource, lines: CostLines): void {
    const a = lines.assumptions;
    const memoryMb = num(r.inputs.memorySize) ?? 128;
    const arch = str(list(r.inputs.architectures)?.[0]) ?? "x86_64";
    const archKey = arch === "arm64" ? "arm64" : "x86_64";
    lines.add(r, {
        key: "lambda.requests.million",
        description: "Lambda requests",
        quantity: a.lambdaRequests / 1_000_000,
        assumption: describeAssumption("lambdaRequests", a.lambdaRequests),
    });
    const gbSeconds = a.lambdaRequests * (a.lambdaAverageDurationMs / 1000) * (memoryMb / 1024);
    lines.add(r, {
        key: `lambda.${archKey}.gbSecond`,
        description: `Lambda ${arch} duration at ${memoryMb} MB`,
        quantity: gbSeconds,
        assumption: describeAssumptions([
            ["lambdaRequests", a.lambdaRequests],
            ["lambdaAverageDurationMs", a.lambdaAverageDurationMs],
        ]),
    });
    const reserved = num(r.inputs.reservedConcurrentExecutions);
    if (reserved !== undefined && reserved >= 0) {
        lines.note(r, `reserved concurrency (${reserved}) costs nothing: it only caps and guarantees concurrency`);
    }
    const ephemeralMb = num(obj(r.inputs.ephemeralStorage)?.size);
    if (ephemeralMb !== undefined && ephemeralMb > 512) {
        lines.note(r, `ephemeral storage above 512 MB (${ephemeralMb} MB) is billed and has no figure in the table; not priced`);
    }
}

/** Billable types the table has no figure for: each gets a note instead of a line. */
const UNPRICED: Readonly<Record<string, string>> = {
    "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig":
        "provisioned concurrency is billed for every hour it is configured; the table has no figure, not priced",
    "aws:codecommit/repository:Repository": "CodeCommit is billed per active user; the table has no figure, not priced",
    "aws:codedeploy/deploymentGroup:DeploymentGroup":
        "CodeDeploy to ECS and Lambda is commonly free, but no source in the table confirms it; not priced",
    "aws:rds/cluster:Cluster": "Aurora clusters have no figure in the table; not priced",
    "aws:rds/clusterInstance:ClusterInstance": "Aurora instances have no figure in the table; not priced",
    "aws:elasticache/serverlessCache:ServerlessCache": "ElastiCache Serverless has no figure in the table; not priced",
    "aws:ec2/flowLog:FlowLog": "flow logs are billed as vended logs, whose figure the table does not confirm; not priced",
    "aws:cloudwatch/compositeAlarm:CompositeAlarm": "composite alarms have no figure in the table; not priced",
    "aws:sns/topic:Topic": "SNS is billed per publish and delivery; not estimated",
};

export const PRICERS: Readonly<Record<string, Pricer>> = {
    [TYPES.natGateway]: natGateway,
    [TYPES.eip]: eip,
    [TYPES.vpcEndpoint]: vpcEndpoint,
    [TYPES.rdsInstance]: rdsInstance,
    [TYPES.replicationGroup]: replicationGroup,
    [TYPES.cacheCluster]: cacheCluster,
    [TYPES.kinesisStream]: kinesisStream,
    [TYPES.ecsService]: ecsService,
    [TYPES.ecsCluster]: ecsCluster,
    [TYPES.loadBalancer]: loadBalancer,
    [TYPES.albLoadBalancer]: loadBalancer,
    [TYPES.kmsKey]: kmsKey,
    [TYPES.secret]: secret,
    [TYPES.logGroup]: logGroup,
    [TYPES.metricAlarm]: metricAlarm,
    [TYPES.pipeline]: pipeline,
    [TYPES.buildProject]: buildProject,
    [TYPES.bucket]: bucket,
    [TYPES.bucketV2]: bucket,
    [TYPES.ecrRepository]: ecrRepository,
    [TYPES.dynamodbTable]: dynamodbTable,
    [TYPES.lambdaFunction]: lambdaFunction,
    ...Object.fromEntries(
        Object.entries(UNPRICED).map(([type, why]): [string, Pricer] => [type, (r, lines) => lines.note(r, why)]),
    ),
};
