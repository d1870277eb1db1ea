/**
 * Faults, one numbered test each, against the real PostgreSQL and Redis and a Kinesis-compatible
 * server, the service started as its container starts it. After each: every order present once,
 * checkpoints consistent, nothing lost. (Faults 3, 6 and 7 are in faults-tasks.test.ts.)
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import type pg from "pg";
import { cachePrefix, checkpointsOff, count, createStream, freshSchema, health, metrics, order, put, REDIS, startKinesis, startService, stop, TcpProxy, until, type Kinesis } from "./harness";

let k: Kinesis;
let pool: pg.Pool;
const redis = new Redis({ ...REDIS, lazyConnect: true });

before(async () => {
    k = await startKinesis();
    pool = await freshSchema("faults");
    await pool.query("DROP SCHEMA IF EXISTS fault1, fault2, fault4, fault5 CASCADE");
    await redis.connect();
});
after(async () => {
    await pool?.end();
    await k?.close();
    redis?.disconnect();
});

test("fault 1: PostgreSQL connections dropped mid-batch (as in a restart): retried, nothing lost or doubled", async () => {
    await createStream(k, "fault1", 2);
    const s = startService(k, { stream: "fault1", schema: "fault1", worker: "f1" });
    try {
        await until("ready", async () => (await health(s))?.status === 200);
        await put(k, "fault1", Array.from({ length: 1500 }, (_, i) => order(`f1-${i}`)));
        // Cut every connection of the service's, several times while it commits batches.
        let cut = 0;
        for (let i = 0; i < 8; i++) {
            cut += await count(pool, "SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = 'orders-f1'");
            await sleep(40);
        }
        assert.ok(cut > 0, "no connection was cut");
        await until("1500 orders", async () => (await count(pool, "SELECT count(*) AS n FROM fault1.orders")) === 1500, 15_000);
        await until("checkpoints caught up", async () => (await checkpointsOff(pool, "fault1")) === 0);
        assert.ok(((await metrics(s))['orders_failures_total{dependency="database"}'] ?? 0) + ((await metrics(s))['orders_failures_total{dependency="lease"}'] ?? 0) > 0);
        assert.equal((await metrics(s)).orders_records_processed_total, 1500);
    } finally {
        const code = await stop(s);
        if (code !== 0) console.log(s.output.join("\n"));
        assert.equal(code, 0);
    }
});

test("fault 2: Redis stopped and restarted: processing goes on, the cache catches up", async () => {
    await createStream(k, "fault2", 2);
    const proxy = new TcpProxy(REDIS);
    await proxy.up();
    const s = startService(k, { stream: "fault2", schema: "fault2", worker: "f2", redisPort: proxy.port });
    try {
        await until("ready", async () => (await health(s))?.status === 200);
        await proxy.down();
        await put(k, "fault2", Array.from({ length: 200 }, (_, i) => order(`f2-${i}`)));
        await until("200 orders without Redis", async () => (await count(pool, "SELECT count(*) AS n FROM fault2.orders")) === 200);
        assert.equal(await count(pool, "SELECT count(*) AS n FROM fault2.orders WHERE cached"), 0);
        const h = await health(s);
        assert.equal(h?.status, 200, "a Redis outage must not make the task unhealthy");
        await proxy.up();
        await until("cache caught up", async () => (await count(pool, "SELECT count(*) AS n FROM fault2.orders WHERE NOT cached")) === 0, 10_000);
        const keys = await redis.keys(cachePrefix("fault2") + "*");
        assert.equal(keys.length, 200);
        assert.ok(((await metrics(s))['orders_failures_total{dependency="cache"}'] ?? 0) > 0, "no cache write was deferred");
        assert.equal(await checkpointsOff(pool, "fault2"), 0);
    } finally {
        assert.equal(await stop(s), 0);
        await proxy.down();
    }
});

test("fault 4: duplicates and replays change nothing; a newer version replaces an older one", async () => {
    await createStream(k, "fault4", 2);
    const first = Array.from({ length: 100 }, (_, i) => order(`f4-${i}`));
    // A producer retry puts the same record twice; order 0 moves on to version 2.
    await put(k, "fault4", [...first, ...first.slice(0, 20), order("f4-0", { version: 2, status: "paid" })]);
    const s = startService(k, { stream: "fault4", schema: "fault4", worker: "f4" });
    try {
        await until("100 orders", async () => (await count(pool, "SELECT count(*) AS n FROM fault4.orders")) === 100 && (await checkpointsOff(pool, "fault4")) === 0);
    } finally {
        assert.equal(await stop(s), 0);
    }
    const snapshot = (await pool.query("SELECT order_id, version, status, sequence_number::text, committed_at FROM fault4.orders ORDER BY order_id")).rows;
    // Replay the whole stream: forget the checkpoints, as after a restore or a lost lease table.
    await pool.query("UPDATE fault4.shard_leases SET checkpoint = NULL");
    const replay = startService(k, { stream: "fault4", schema: "fault4", worker: "f4-replay" });
    try {
        await until("replay read to the end", async () => (await checkpointsOff(pool, "fault4")) === 0 && (await metrics(replay)).orders_records_processed_total === 121);
        assert.equal((await metrics(replay)).orders_written_total, 0, "a replay wrote something");
    } finally {
        assert.equal(await stop(replay), 0);
    }
    assert.deepEqual((await pool.query("SELECT order_id, version, status, sequence_number::text, committed_at FROM fault4.orders ORDER BY order_id")).rows, snapshot);
    const zero = snapshot.find((r: { order_id: string }) => r.order_id === "f4-0") as { version: number; status: string };
    assert.deepEqual([zero.version, zero.status], [2, "paid"]);
});

test("fault 5: poison records go to the dead-letter table and do not block their shard", async () => {
    await createStream(k, "fault5", 1);
    const s = startService(k, { stream: "fault5", schema: "fault5", worker: "f5" });
    try {
        await put(k, "fault5", [
            order("f5-1"),
            "{not json",
            order("f5-2", { currency: "euro" }),
            // Valid JSON and schema, refused by PostgreSQL (text cannot hold NUL).
            order("f5-3", { note: "a\u0000b" }),
            order("f5-4"),
        ]);
        await until("dead letters", async () => (await count(pool, "SELECT count(*) AS n FROM fault5.dead_letters")) === 3 && (await checkpointsOff(pool, "fault5")) === 0);
        const reasons = (await pool.query<{ reason: string }>("SELECT reason FROM fault5.dead_letters ORDER BY sequence_number")).rows.map((r) => r.reason);
        assert.match(reasons[0]!, /^not JSON/);
        assert.match(reasons[1]!, /^fails the order schema: currency/);
        assert.match(reasons[2]!, /^rejected by the database/);
        assert.deepEqual((await pool.query("SELECT order_id FROM fault5.orders ORDER BY order_id")).rows.map((r: { order_id: string }) => r.order_id), ["f5-1", "f5-4"]);
        assert.equal((await metrics(s)).orders_dead_letters_total, 3);
    } finally {
        assert.equal(await stop(s), 0);
    }
});
