/**
 * The coordinator: every lease interval it heartbeats, discovers shards (resharding included),
 * renews its leases, starts a worker for each shard it wins and stops the ones it lost or was
 * asked to hand over. It also sweeps orders the cache missed while Redis was away.
 */
import type { KinesisClient } from "@aws-sdk/client-kinesis";
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import type { OrderCache } from "./cache";
import type { Config } from "./config";
import { connect, markCached, uncached } from "./db";
import { listShards } from "./kinesis";
import { LeaseStore, type ShardInfo } from "./leases";
import { log } from "./log";
import { ShardWorker, type WorkerDeps } from "./shard";

export class Consumer {
    private readonly workers = new Map<string, ShardWorker>();
    /** Each worker's end, its lease released: what stop() waits for. */
    private readonly endings = new Set<Promise<void>>();
    private readonly leases: LeaseStore;
    private readonly wake = new AbortController();
    private wakeTick?: () => void;
    private stopping = false;
    private loop?: Promise<void>;
    /** When the last lease round succeeded (database reached, leases renewed). */
    lastRound = 0;
    private parents = new Map<string, readonly string[]>();

    constructor(private readonly deps: WorkerDeps & { readonly config: Config; readonly kinesis: KinesisClient; readonly pool: pg.Pool; readonly cache: OrderCache }) {
        this.leases = new LeaseStore(deps.pool, deps.config.KINESIS_STREAM_NAME, deps.config.WORKER_ID, deps.config.LEASE_TTL_MS);
    }

    get heldShards(): string[] {
        return [...this.workers.keys()].sort();
    }

    start(): void {
        this.loop = this.run();
    }

    private async run(): Promise<void> {
        let lastSweep = 0;
        while (!this.stopping) {
            try {
                await this.round();
                this.lastRound = Date.now();
            } catch (e) {
                this.deps.metrics.failures.lease++;
                log("warn", "lease round failed", { error: e });
            }
            if (this.deps.cache.ready && Date.now() - lastSweep >= this.deps.config.CACHE_SWEEP_MS) {
                lastSweep = Date.now();
                await this.sweepCache().catch((e: unknown) => log("warn", "cache sweep failed", { error: e }));
            }
            await new Promise<void>((resolve) => {
                this.wakeTick = resolve;
                void sleep(this.deps.config.LEASE_INTERVAL_MS, undefined, { signal: this.wake.signal }).catch(() => undefined).then(resolve);
            });
        }
    }

    private async round(): Promise<void> {
        const { config, kinesis, metrics } = this.deps;
        await this.leases.heartbeat();
        const shards: ShardInfo[] = await listShards(kinesis, config.KINESIS_STREAM_NAME);
        for (const s of shards) this.parents.set(s.shardId, s.parentIds);
        await this.leases.record(shards);
        const held = await this.leases.renew();
        const renewed = new Set(held.map((h) => h.shardId));
        for (const [id, worker] of this.workers) {
            // Expired while the database was away: the fenced checkpoint stops it too, this is sooner.
            if (!renewed.has(id)) worker.stop();
        }
        for (const h of held) if (h.handoff) this.workers.get(h.shardId)?.stop();
        if (this.stopping) return;
        const acquired = await this.leases.acquire(held.filter((h) => !h.handoff).length);
        for (const a of acquired) this.startWorker(a.shardId, a.checkpoint);
        metrics.shardsHeld = this.workers.size;
    }

    private startWorker(shardId: string, position: string | null): void {
        if (this.workers.has(shardId)) return;
        log("info", "shard acquired", { shard: shardId, checkpoint: position });
        const worker = new ShardWorker(this.deps, shardId, position, (this.parents.get(shardId) ?? []).length > 0);
        this.workers.set(shardId, worker);
        const ending: Promise<void> = worker.done
            .then(async (outcome) => {
                if (outcome === "released") await this.leases.release(shardId).catch((e: unknown) => log("warn", "release failed; the lease expires instead", { shard: shardId, error: e }));
                log("info", `shard ${outcome}`, { shard: shardId });
            })
            .catch((e: unknown) => log("error", "shard worker failed", { shard: shardId, error: e }))
            .finally(() => {
                this.workers.delete(shardId);
                this.deps.metrics.shardsHeld = this.workers.size;
                // A finished parent frees its children now rather than a lease interval later.
                this.endings.delete(ending);
                if (!this.stopping) this.wakeTick?.();
            });
        this.endings.add(ending);
    }

    private async sweepCache(): Promise<void> {
        const client = await connect(this.deps.pool, this.deps.credentials);
        try {
            for (;;) {
                const pending = await uncached(client, 500);
                this.deps.metrics.cachePending = pending.length;
                if (pending.length === 0) return;
                await this.deps.cache.put(pending);
                await markCached(client, pending);
                if (pending.length < 500) {
                    this.deps.metrics.cachePending = 0;
                    return;
                }
            }
        } finally {
            client.release();
        }
    }

    /** Each worker finishes its batch and checkpoints; then the leases are given back. */
    async stop(): Promise<void> {
        this.stopping = true;
        this.wake.abort();
        await this.loop;
        for (const w of this.workers.values()) w.stop();
        await Promise.allSettled([...this.endings]);
        await this.leases.leave().catch(() => undefined);
    }
}
