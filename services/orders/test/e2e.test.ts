/**
 * End to end: orders put on the stream end up in PostgreSQL and Redis exactly once, with two
 * service processes sharing the shards, started as the container starts them.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import type pg from "pg";
import { cachePrefix, count, createStream, entryPoint, freshSchema, health, metrics, order, put, REDIS, startKinesis, startService, stop, until, type Kinesis } from "./harness";

let k: Kinesis;
let pool: pg.Pool;
const redis = new Redis({ ...REDIS, lazyConnect: true });

before(async () => {
    k = await startKinesis();
    pool = await freshSchema("e2e");
    await redis.connect();
});
after(async () => {
    await pool?.end();
    await k?.close();
    redis?.disconnect();
});

test("orders put on the stream are stored once in PostgreSQL and cached in Redis; two tasks split the shards", async () => {
    await createStream(k, "e2e", 2);
    const appDir = path.dirname(entryPoint());
    const before = readdirSync(appDir);
    const a = startService(k, { stream: "e2e", schema: "e2e", worker: "task-a" });
    const b = startService(k, { stream: "e2e", schema: "e2e", worker: "task-b" });
    try {
        const ids = Array.from({ length: 300 }, (_, i) => `e2e-${i}`);
        await put(k, "e2e", ids.map((id) => order(id)));
        await until("300 orders committed", async () => (await count(pool, "SELECT count(*) AS n FROM e2e.orders")) === 300);
        // Each task ends up with one of the two shards (handoff from whichever started first).
        const [ha, hb] = await until("one shard each", async () => {
            const [x, y] = [await health(a), await health(b)];
            return x?.body.shards.length === 1 && y?.body.shards.length === 1 && [x, y];
        });
        assert.equal(ha!.status, 200);
        assert.notDeepEqual(ha!.body.shards, hb!.body.shards);
        await until("every order cached", async () => (await count(pool, "SELECT count(*) AS n FROM e2e.orders WHERE NOT cached")) === 0);
        const cached = JSON.parse((await redis.get(cachePrefix("e2e") + "e2e-7"))!) as { orderId: string; totalCents: number };
        assert.equal(cached.totalCents, 2500);
        const ttl = await redis.ttl(cachePrefix("e2e") + "e2e-7");
        assert.ok(ttl > 0 && ttl <= 86_400, `TTL ${ttl}`);
        const m = [await metrics(a), await metrics(b)];
        assert.equal(m.reduce((s, x) => s + (x.orders_records_processed_total ?? 0), 0), 300);
        assert.equal(await count(pool, "SELECT count(*) AS n FROM e2e.dead_letters"), 0);
        // Checkpoints: each shard's checkpoint is the largest sequence number committed from it.
        const off = await count(
            pool,
            `SELECT count(*) AS n FROM e2e.shard_leases l WHERE l.checkpoint IS DISTINCT FROM (SELECT max(sequence_number) FROM e2e.orders o WHERE o.shard_id = l.shard_id)`,
        );
        assert.equal(off, 0);
    } finally {
        assert.equal(await stop(a), 0);
        assert.equal(await stop(b), 0);
    }
    assert.deepEqual(readdirSync(appDir), before, "the service wrote into its application folder");
    assert.equal(await count(pool, "SELECT count(*) AS n FROM e2e.shard_leases WHERE owner IS NOT NULL"), 0, "leases released on SIGTERM");
});
