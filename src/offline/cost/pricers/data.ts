/** Databases, caches, streams, buckets, image repositories and tables. */
import type { PlannedResource } from "../../model/types";
import type { CostLines } from "../lines";
import { describeAssumption } from "../assumptions";
import { list, num, obj, str } from "../inputs";
import { isPriceKey } from "../prices";
import { HOURS } from "./common";

export function rdsInstance(r: PlannedResource, lines: CostLines): void {
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

export function replicationGroup(r: PlannedResource, lines: CostLines): void {
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

export function cacheCluster(r: PlannedResource, lines: CostLines): void {
    // A member of a replication group is priced with its group.
    if (str(r.inputs.replicationGroupId) !== undefined) return;
    const engine = str(r.inputs.engine) ?? "(none)";
    const nodeType = str(r.inputs.nodeType) ?? "(none)";
    cacheNodes(r, lines, engine, nodeType, num(r.inputs.numCacheNodes) ?? 1);
}

export function kinesisStream(r: PlannedResource, lines: CostLines): void {
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

export function bucket(r: PlannedResource, lines: CostLines): void {
    const gb = lines.assumptions.s3StorageGb;
    lines.add(r, {
        key: "s3.standard.gbMonth",
        description: "S3 Standard storage",
        quantity: gb,
        assumption: describeAssumption("s3StorageGb", gb),
    });
}

export function ecrRepository(r: PlannedResource, lines: CostLines): void {
    const gb = lines.assumptions.ecrStorageGb;
    lines.add(r, {
        key: "ecr.storage.gbMonth",
        description: "ECR image storage",
        quantity: gb,
        assumption: describeAssumption("ecrStorageGb", gb),
    });
}

export function dynamodbTable(r: PlannedResource, lines: CostLines): void {
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
