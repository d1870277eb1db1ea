/**
 * One held shard: read records in order, commit each batch with its checkpoint, update the
 * cache, and at the shard's end (after a resharding) mark it finished so its children start.
 */
import type { KinesisClient } from "@aws-sdk/client-kinesis";
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import type { OrderCache } from "./cache";
import type { Config } from "./config";
import type { CredentialSource } from "./credentials";
import { checkpoint, commitBatch, connect, LeaseLost, markCached, type Batch, type CachedOrder, type CommitResult } from "./db";
import { getRecords, isExpiredIterator, shardIterator } from "./kinesis";
import { log } from "./log";
import type { Metrics } from "./metrics";
import { decode, totalCents, type Decoded } from "./order";
import { withRetry } from "./retry";

export interface WorkerDeps {
    readonly config: Config;
    readonly kinesis: KinesisClient;
    readonly pool: pg.Pool;
    readonly credentials: CredentialSource;
    readonly cache: OrderCache;
    readonly metrics: Metrics;
    /** Fires when the service must give up at once (its stop deadline is near). */
    readonly abort: AbortSignal;
}

export type Outcome = "finished" | "released" | "lost";

export class ShardWorker {
    private stopRequested = false;
    private readonly wake = new AbortController();
    readonly done: Promise<Outcome>;

    constructor(
        private readonly deps: WorkerDeps,
        readonly shardId: string,
        private position: string | null,
        private readonly hasParents: boolean,
    ) {
        this.done = this.run();
    }

    /** Finish the batch in hand, then stop (service stop or a handoff to another task). */
    stop(): void {
        this.stopRequested = true;
        this.wake.abort();
    }

    private async run(): Promise<Outcome> {
        const { config, kinesis, metrics } = this.deps;
        const stream = config.KINESIS_STREAM_NAME;
        const retry = (what: keyof Metrics["failures"]) => ({
            baseMs: config.RETRY_BASE_MS,
            maxMs: config.RETRY_MAX_MS,
            signal: this.deps.abort,
            onRetry: (e: unknown, attempt: number) => {
                metrics.failures[what]++;
                if (attempt % 10 === 0) log("warn", `${what} call failed, retrying`, { shard: this.shardId, attempt, error: e });
            },
        });
        const initial = this.hasParents ? "TRIM_HORIZON" : config.INITIAL_POSITION;
        try {
            let iterator: string | undefined = await withRetry(() => shardIterator(kinesis, stream, this.shardId, this.position, initial), { ...retry("kinesis"), retryable: () => true });
            while (iterator && !this.stopRequested && !this.deps.abort.aborted) {
                const current: string = iterator;
                const out = await withRetry(
                    async () => {
                        try {
                            return await getRecords(kinesis, current, config.MAX_RECORDS_PER_CALL);
                        } catch (e) {
                            // Iterators last 5 minutes; a long database outage outlives one.
                            if (isExpiredIterator(e)) iterator = await shardIterator(kinesis, stream, this.shardId, this.position, initial);
                            throw e;
                        }
                    },
                    { ...retry("kinesis"), retryable: () => true },
                );
                const records = out.Records ?? [];
                if (records.length > 0) {
                    const decoded = records.map((r) => decode({ sequenceNumber: r.SequenceNumber!, data: r.Data ?? new Uint8Array(), arrivedAt: r.ApproximateArrivalTimestamp }));
                    const last = decoded[decoded.length - 1]!.record.sequenceNumber;
                    await this.commit({ stream, shardId: this.shardId, owner: config.WORKER_ID, records: decoded, lastSequence: last }, retry("database"));
                    this.position = last;
                }
                metrics.lagMs.set(this.shardId, out.MillisBehindLatest ?? 0);
                iterator = out.NextShardIterator;
                if (!iterator) break;
                if (this.stopRequested) break;
                const pause = records.length > 0 ? config.POLL_INTERVAL_MS : config.IDLE_POLL_MS;
                await sleep(pause, undefined, { signal: this.wake.signal }).catch(() => undefined);
            }
            if (!iterator) {
                await this.withClient((c) => checkpoint(c, stream, this.shardId, config.WORKER_ID, null, true), retry("database"));
                log("info", "shard finished", { shard: this.shardId });
                return "finished";
            }
            return "released";
        } catch (e) {
            if (e instanceof LeaseLost) {
                log("warn", "lease lost; another task has the shard", { shard: this.shardId });
                return "lost";
            }
            if (this.deps.abort.aborted) return "released";
            throw e;
        } finally {
            metrics.lagMs.delete(this.shardId);
        }
    }

    private async withClient<T>(fn: (c: pg.PoolClient) => Promise<T>, opts: Parameters<typeof withRetry>[1]): Promise<T> {
        return withRetry(async () => {
            const client = await connect(this.deps.pool, this.deps.credentials);
            try {
                const result = await fn(client);
                client.release();
                return result;
            } catch (e) {
                // A client whose query failed may be half-broken: drop it rather than reuse it.
                client.release(true);
                throw e;
            }
        }, opts);
    }

    private async commit(batch: Batch, opts: Parameters<typeof withRetry>[1]): Promise<void> {
        const result: CommitResult = await this.withClient((c) => commitBatch(c, batch), opts);
        const m = this.deps.metrics;
        m.recordsProcessed += batch.records.length;
        m.ordersWritten += result.written.length;
        m.deadLetters += result.deadLetters;
        m.batchesCommitted++;
        await this.cacheWritten(batch.records, new Set(result.written));
    }

    /** Best effort: orders Redis does not take now stay uncached and the sweeper writes them later. */
    private async cacheWritten(records: readonly Decoded[], written: ReadonlySet<string>): Promise<void> {
        if (written.size === 0) return;
        if (!this.deps.cache.ready) {
            this.deps.metrics.failures.cache++;
            return;
        }
        const orders = new Map<string, CachedOrder>();
        for (const r of records) {
            if (r.kind !== "order" || !written.has(r.order.orderId)) continue;
            const o = r.order;
            const seen = orders.get(o.orderId);
            if (seen && seen.version >= o.version) continue;
            orders.set(o.orderId, { orderId: o.orderId, customerId: o.customerId, version: o.version, status: o.status, currency: o.currency, totalCents: totalCents(o), committedAt: new Date().toISOString() });
        }
        try {
            await this.deps.cache.put([...orders.values()]);
            const client = await connect(this.deps.pool, this.deps.credentials);
            try {
                await markCached(client, [...orders.values()]);
            } finally {
                client.release();
            }
        } catch (e) {
            this.deps.metrics.failures.cache++;
            log("warn", "cache update deferred", { shard: this.shardId, error: e });
        }
    }
}
