/**
 * The order cache in Redis: each order's current state under `<prefix><orderId>` with a TTL,
 * over TLS with the AUTH token as ElastiCache requires. A cache, never a dependency: commands
 * fail fast while Redis is away (no offline queue), the orders stay marked uncached in
 * PostgreSQL, and the sweeper writes them once Redis answers again.
 */
import { Redis } from "ioredis";
import type { Config } from "./config";
import type { CachedOrder } from "./db";

export class OrderCache {
    readonly redis: Redis;

    constructor(
        config: Config,
        private readonly ttlSeconds: number,
        onState: (ready: boolean) => void,
    ) {
        this.redis = new Redis({
            host: config.REDIS_HOST,
            port: config.REDIS_PORT,
            db: config.REDIS_DB,
            keyPrefix: config.REDIS_KEY_PREFIX,
            ...(config.REDIS_AUTH_TOKEN ? { password: config.REDIS_AUTH_TOKEN } : {}),
            // ElastiCache's in-transit encryption: a certificate from Amazon's public CA, checked against the endpoint name.
            ...(config.REDIS_TLS ? { tls: { servername: config.REDIS_HOST } } : {}),
            enableOfflineQueue: false,
            maxRetriesPerRequest: 1,
            connectTimeout: 2_000,
            commandTimeout: 2_000,
            lazyConnect: true,
            retryStrategy: (times) => Math.min(100 * 2 ** times, 2_000),
        });
        // A late writer (the sweeper, a task that lost its shard) must not put back an older version.
        this.redis.defineCommand("setNewer", {
            numberOfKeys: 1,
            lua: `local cur = redis.call('GET', KEYS[1])
                  if cur and cjson.decode(cur).version > tonumber(ARGV[2]) then return 0 end
                  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3]) return 1`,
        });
        this.redis.on("ready", () => onState(true));
        this.redis.on("close", () => onState(false));
        // Logged by the caller through onState; an unhandled "error" event would end the process.
        this.redis.on("error", () => undefined);
    }

    async start(): Promise<void> {
        await this.redis.connect().catch(() => undefined);
    }

    get ready(): boolean {
        return this.redis.status === "ready";
    }

    /** Writes the orders; throws when Redis cannot take them (they stay pending). */
    async put(orders: readonly CachedOrder[]): Promise<void> {
        if (orders.length === 0) return;
        const pipeline = this.redis.pipeline() as ReturnType<Redis["pipeline"]> & { setNewer(key: string, value: string, version: number, ttl: number): unknown };
        for (const o of orders) pipeline.setNewer(o.orderId, JSON.stringify(o), o.version, this.ttlSeconds);
        const results = await pipeline.exec();
        const failed = results?.find(([e]) => e !== null);
        if (results === null || failed) throw failed?.[0] ?? new Error("redis pipeline discarded");
    }

    async stop(): Promise<void> {
        await this.redis.quit().catch(() => this.redis.disconnect());
    }
}
