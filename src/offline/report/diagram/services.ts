/** The nodes for compute, load balancing, data stores, messaging and keys. */
import type { PlannedResource } from "../../model/types";
import { obj, objs, plural, str, wrapList } from "./model";
import { Builder, titleOf } from "./builder";
import { safeJson } from "./edges";

export function taskSize(td: PlannedResource | undefined): string[] {
    if (!td) return [];
    const cpu = Number(td.inputs.cpu);
    const memory = Number(td.inputs.memory);
    const arch = str(obj(td.inputs.runtimePlatform)?.cpuArchitecture);
    const size = Number.isFinite(cpu) && Number.isFinite(memory) && cpu > 0 ? `${cpu / 1024} vCPU / ${memory >= 1024 ? `${memory / 1024} GB` : `${memory} MB`}` : undefined;
    return [size, arch].filter((s): s is string => s !== undefined);
}

export function addCompute(b: Builder): void {
    const taskDefs = b.ofKind("taskDefinition");
    const services = b.ofKind("ecsService");
    const folded = new Set<PlannedResource>();
    const clusterOfService = new Map<PlannedResource, PlannedResource | undefined>();
    for (const svc of services) clusterOfService.set(svc, b.refs.pointedAt(svc, svc.inputs.cluster, b.ofKind("ecsCluster"))[0]);

    // An ECS cluster is drawn as a box around its services, inside the VPC or tier they all share.
    const ecsClusterIds = new Map<PlannedResource, string>();
    for (const cluster of b.ofKind("ecsCluster")) {
        const members = services.filter((s) => clusterOfService.get(s) === cluster);
        if (members.length === 0) {
            b.addNode(cluster, { category: "compute", kind: "ECS cluster", title: titleOf(cluster), details: ["no services"] });
            continue;
        }
        const placements = members.map((m) => b.placed(m).cluster);
        const parent = placements.every((p) => p === placements[0]) ? placements[0] : undefined;
        const id = `cluster_${b.id(cluster)}`;
        const insights = objs(cluster.inputs.settings).some((s) => s.name === "containerInsights" && s.value !== "disabled");
        b.clusters.push({ id, kind: "ecs", label: `ECS cluster ${titleOf(cluster)}`, ...(insights ? { detail: "Container Insights" } : {}), ...(parent ? { parent } : {}) });
        b.nodeOf.set(cluster, id);
        ecsClusterIds.set(cluster, id);
    }
    for (const svc of services) {
        const td = b.refs.pointedAt(svc, svc.inputs.taskDefinition, taskDefs)[0];
        const cluster = clusterOfService.get(svc);
        const count = Number(svc.inputs.desiredCount ?? 1);
        const launch = str(svc.inputs.launchType) ?? (objs(svc.inputs.capacityProviderStrategies).length > 0 ? "capacity providers" : "EC2");
        const controller = str(obj(svc.inputs.deploymentController)?.type);
        const at = b.placed(svc);
        const details = [
            `${plural(count, "task")}${taskSize(td).length > 0 ? ` × ${taskSize(td)[0]}` : ""}`,
            ...taskSize(td).slice(1),
            ...(controller === "CODE_DEPLOY" ? ["blue/green by CodeDeploy"] : []),
            ...at.where,
        ];
        const id = b.addNode(svc, { category: "compute", kind: `ECS service (${launch})`, title: titleOf(svc), details }, (cluster ? ecsClusterIds.get(cluster) : undefined) ?? at.cluster);
        if (td) {
            b.fold(td, id);
            folded.add(td);
        }
    }
    for (const td of taskDefs) {
        if (folded.has(td)) continue;
        b.addNode(td, { category: "compute", kind: "ECS task definition", title: titleOf(td), details: taskSize(td) });
    }
    for (const fn of b.ofKind("lambda")) {
        const image = str(fn.inputs.packageType) === "Image";
        const arch = Array.isArray(fn.inputs.architectures) ? fn.inputs.architectures.map(String).join(", ") : undefined;
        const reserved = Number(fn.inputs.reservedConcurrentExecutions);
        const details = [
            image ? "container image" : (str(fn.inputs.runtime) ?? "zip"),
            [`${str(fn.inputs.memorySize) ?? "128"} MB`, arch].filter(Boolean).join(" · "),
            ...(Number.isFinite(reserved) && reserved >= 0 ? [`reserved concurrency ${reserved}`] : []),
        ];
        b.addPlaced(fn, { category: "compute", kind: "Lambda function", title: titleOf(fn), details });
    }
    for (const img of b.ofKind("image")) {
        const tags = Array.isArray(img.inputs.tags) ? img.inputs.tags.map(String) : [];
        const first = tags[0]?.split("/").pop();
        b.addNode(img, { category: "delivery", kind: "Container image build", title: img.name, details: first ? [first] : [] });
    }
}

export function addLoadBalancing(b: Builder): void {
    const listeners = b.ofKind("listener");
    for (const lb of b.ofKind("alb")) {
        const type = str(lb.inputs.loadBalancerType) ?? "application";
        const ports = listeners.filter((l) => b.refs.pointedAt(l, l.inputs.loadBalancerArn, [lb]).length > 0).map((l) => `${str(l.inputs.protocol) ?? ""} ${str(l.inputs.port) ?? ""}`.trim());
        const details = [lb.inputs.internal === true ? "internal" : "internet-facing", ...(ports.length > 0 ? wrapList(ports) : [])];
        b.addPlaced(lb, { category: "network", kind: `${type === "network" ? "Network" : type === "gateway" ? "Gateway" : "Application"} load balancer`, title: titleOf(lb), details });
    }
    for (const tg of b.ofKind("targetGroup")) {
        const details = [`${str(tg.inputs.protocol) ?? ""} ${str(tg.inputs.port) ?? ""}`.trim(), str(tg.inputs.targetType) ?? "instance"].filter((s) => s !== "");
        b.addPlaced(tg, { category: "network", kind: "Target group", title: titleOf(tg), details });
    }
}

/** Data stores, streams, messaging and keys, in the order the diagram lists them. */
export function addDataAndMessaging(b: Builder): void {
    addDatabases(b);
    addStores(b);
    addMessaging(b);
    addKeys(b);
}

/** RDS instances and Aurora clusters (their instances folded in), and ElastiCache. */
function addDatabases(b: Builder): void {
    const clusterInstances = b.ofKind("rdsClusterInstance");
    for (const db of b.ofKind("rds")) {
        const engine = str(db.inputs.engine) ?? "database";
        const version = str(db.inputs.engineVersion);
        let details: string[];
        let kind: string;
        if (db.type === "aws:rds/cluster:Cluster") {
            const members = clusterInstances.filter((i) => b.refs.pointedAt(i, i.inputs.clusterIdentifier, [db]).length > 0);
            const classes = [...new Set(members.map((m) => str(m.inputs.instanceClass)).filter((s): s is string => s !== undefined))];
            kind = `Aurora ${engine.replace(/^aurora-?/, "") || "mysql"}${version ? ` ${version}` : ""}`;
            details = [`${plural(members.length, "instance")}${classes.length > 0 ? ` · ${classes.join(", ")}` : ""}`];
            const id = b.addPlaced(db, { category: "database", kind, title: titleOf(db), details });
            for (const m of members) b.fold(m, id);
            continue;
        }
        kind = `RDS ${engine}${version ? ` ${version}` : ""}`;
        details = [
            [str(db.inputs.instanceClass), db.inputs.multiAz === true ? "Multi-AZ" : "single-AZ"].filter(Boolean).join(" · "),
            ...(str(db.inputs.allocatedStorage) ? [`${str(db.inputs.allocatedStorage)} GB ${str(db.inputs.storageType) ?? ""}`.trim()] : []),
        ];
        b.addPlaced(db, { category: "database", kind, title: titleOf(db), details });
    }
    for (const cache of b.ofKind("cache")) {
        const engine = str(cache.inputs.engine) ?? "redis";
        const version = str(cache.inputs.engineVersion) ?? str(cache.inputs.majorEngineVersion);
        const nodes = Number(cache.inputs.numCacheClusters ?? cache.inputs.numCacheNodes ?? 1);
        const details =
            cache.type === "aws:elasticache/serverlessCache:ServerlessCache"
                ? ["serverless"]
                : [
                      `${nodes} × ${str(cache.inputs.nodeType) ?? "node"}`,
                      ...(cache.inputs.automaticFailoverEnabled === true ? ["automatic failover"] : []),
                      ...(cache.inputs.transitEncryptionEnabled === true ? ["TLS"] : []),
                  ];
        b.addPlaced(cache, { category: "database", kind: `ElastiCache ${engine}${version ? ` ${version}` : ""}`, title: titleOf(cache), details });
    }
}

/** Streams, tables, buckets, image repositories and secrets (their rotation folded in). */
function addStores(b: Builder): void {
    for (const s of b.ofKind("stream")) {
        if (s.type === "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream") {
            b.addNode(s, { category: "integration", kind: "Firehose delivery stream", title: titleOf(s), details: str(s.inputs.destination) ? [`to ${str(s.inputs.destination)}`] : [] });
            continue;
        }
        const mode = str(obj(s.inputs.streamModeDetails)?.streamMode);
        const details = [mode === "ON_DEMAND" ? "on-demand" : plural(Number(s.inputs.shardCount ?? 1), "shard"), `${str(s.inputs.retentionPeriod) ?? "24"} h retention`];
        b.addNode(s, { category: "integration", kind: "Kinesis data stream", title: titleOf(s), details });
    }
    for (const t of b.ofKind("table")) {
        const keys = [str(t.inputs.hashKey), str(t.inputs.rangeKey)].filter((s): s is string => s !== undefined);
        const details = [str(t.inputs.billingMode) === "PAY_PER_REQUEST" ? "on-demand" : "provisioned", ...(keys.length > 0 ? [`key ${keys.join(" + ")}`] : [])];
        b.addNode(t, { category: "database", kind: "DynamoDB table", title: titleOf(t), details });
    }
    for (const bucket of b.ofKind("bucket")) b.addNode(bucket, { category: "storage", kind: "S3 bucket", title: titleOf(bucket), details: [] });
    for (const repo of b.ofKind("registry")) {
        const scan = obj(repo.inputs.imageScanningConfiguration)?.scanOnPush === true;
        const details = [`${(str(repo.inputs.imageTagMutability) ?? "MUTABLE").toLowerCase().replace(/_/g, " ")} tags`, ...(scan ? ["scan on push"] : [])];
        b.addNode(repo, { category: "storage", kind: "ECR repository", title: titleOf(repo), details });
    }
    const rotations = b.ofKind("secretRotation");
    for (const secret of b.ofKind("secret")) {
        const rotation = rotations.find((r) => b.refs.pointedAt(r, r.inputs.secretId, [secret]).length > 0);
        const days = rotation ? str(obj(rotation.inputs.rotationRules)?.automaticallyAfterDays) : undefined;
        const id = b.addNode(secret, { category: "security", kind: "Secrets Manager secret", title: titleOf(secret), details: rotation ? [days ? `rotates every ${days} days` : "rotated"] : [] });
        if (rotation) b.fold(rotation, id);
    }
}

/** Queues, topics (with their subscriptions counted), event buses and rules, notification rules. */
function addMessaging(b: Builder): void {
    for (const q of b.ofKind("queue")) {
        b.addNode(q, { category: "integration", kind: q.inputs.fifoQueue === true ? "SQS FIFO queue" : "SQS queue", title: titleOf(q), details: [] });
    }
    const subscriptions = b.ofKind("subscription");
    for (const topic of b.ofKind("topic")) {
        const subs = subscriptions.filter((s) => b.refs.pointedAt(s, s.inputs.topic, [topic]).length > 0);
        const protocols = new Map<string, number>();
        for (const s of subs) protocols.set(str(s.inputs.protocol) ?? "?", (protocols.get(str(s.inputs.protocol) ?? "?") ?? 0) + 1);
        const details = [...protocols].map(([p, n]) => `${n} ${p} subscription${n === 1 ? "" : "s"}`);
        b.addNode(topic, { category: "integration", kind: "SNS topic", title: titleOf(topic), details });
    }
    for (const bus of b.ofKind("eventBus")) b.addNode(bus, { category: "integration", kind: "EventBridge bus", title: titleOf(bus), details: [] });
    for (const rule of b.ofKind("eventRule")) {
        const schedule = str(rule.inputs.scheduleExpression);
        const pattern = obj(typeof rule.inputs.eventPattern === "string" ? safeJson(rule.inputs.eventPattern) : rule.inputs.eventPattern);
        const sources = pattern ? [pattern.source].flat().filter((s): s is string => typeof s === "string") : [];
        const detailTypes = pattern ? [pattern["detail-type"]].flat().filter((s): s is string => typeof s === "string") : [];
        const details = schedule ? [schedule] : [...wrapList(sources), ...wrapList(detailTypes)];
        b.addNode(rule, { category: "integration", kind: "EventBridge rule", title: titleOf(rule), details });
    }
    for (const rule of b.ofKind("notificationRule")) {
        const events = Array.isArray(rule.inputs.eventTypeIds) ? rule.inputs.eventTypeIds.length : 0;
        b.addNode(rule, { category: "integration", kind: "Notification rule", title: titleOf(rule), details: [plural(events, "event type"), ...(str(rule.inputs.detailType) ? [`${str(rule.inputs.detailType)!.toLowerCase()} detail`] : [])] });
    }
}

/** KMS keys, their aliases folded in, with how many resources use each. */
function addKeys(b: Builder): void {
    const aliases = b.ofKind("kmsAlias");
    const users = b.resources.filter((r) => !["kmsAlias", "role", "rolePolicy", "policy", "policyAttachment", "kms"].includes(b.kindOf(r) ?? ""));
    for (const key of b.ofKind("kms")) {
        const own = aliases.filter((a) => b.refs.pointedAt(a, a.inputs.targetKeyId, [key]).length > 0);
        const encrypts = users.filter((u) => b.refs.pointedAtBy(u, [key]).length > 0).length;
        const details = [
            ...own.map((a) => str(a.inputs.name) ?? a.name),
            key.inputs.enableKeyRotation === true ? "yearly rotation" : "no rotation",
            `used by ${plural(encrypts, "resource")}`,
        ];
        const id = b.addNode(key, { category: "security", kind: "KMS key", title: titleOf(key) === key.name && own.length > 0 ? key.name : titleOf(key), details });
        for (const a of own) b.fold(a, id);
    }
}
