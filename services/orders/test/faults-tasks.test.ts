/**
 * Faults of the tasks themselves, numbered with those in faults.test.ts: a task killed and its
 * shards taken over, a resharding from 2 to 4 shards mid-stream, SIGTERM during a batch.
 */
import { DescribeStreamSummaryCommand, ListShardsCommand, SplitShardCommand } from "@aws-sdk/client-kinesis";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type pg from "pg";
import { checkpointsOff, count, createStream, freshSchema, health, metrics, order, put, startKinesis, startService, stop, until, type Kinesis } from "./harness";

let k: Kinesis;
let pool: pg.Pool;

before(async () => {
    k = await startKinesis();
    pool = await freshSchema("tasks");
    await pool.query("DROP SCHEMA IF EXISTS fault3, fault6, fault7 CASCADE");
});
after(async () => {
    await pool?.end();
    await k?.close();
});

const ids = (prefix: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => `${prefix}-${from + i}`);

test("fault 3: a task killed (SIGKILL): its shards are taken over, no record lost or doubled", async () => {
    await createStream(k, "fault3", 2);
    const a = startService(k, { stream: "fault3", schema: "fault3", worker: "f3-a" });
    const b = startService(k, { stream: "fault3", schema: "fault3", worker: "f3-b" });
    try {
        await until("one shard each", async () => (await health(a))?.body.shards.length === 1 && (await health(b))?.body.shards.length === 1);
        await put(k, "fault3", ids("f3", 1000).map((id) => order(id)));
        await until("a has committed some", async () => ((await metrics(a)).orders_records_processed_total ?? 0) > 0);
        a.process.kill("SIGKILL");
        await a.exited;
        await put(k, "fault3", ids("f3", 200, 1000).map((id) => order(id)));
        await until("b holds both shards", async () => (await health(b))?.body.shards.length === 2, 8_000);
        await until("1200 orders", async () => (await count(pool, "SELECT count(*) AS n FROM fault3.orders")) === 1200 && (await checkpointsOff(pool, "fault3")) === 0);
        // Doubled is ruled out by the order id (the primary key): b's replay of a's uncommitted tail wrote each order once.
        assert.equal(await count(pool, "SELECT count(DISTINCT order_id) AS n FROM fault3.orders WHERE order_id LIKE 'f3-%'"), 1200);
        assert.equal(await count(pool, "SELECT count(*) AS n FROM fault3.shard_leases WHERE owner = 'f3-b'"), 2);
    } finally {
        assert.equal(await stop(b), 0);
    }
});

async function waitActive(stream: string): Promise<void> {
    await until("stream active", async () => (await k.client.send(new DescribeStreamSummaryCommand({ StreamName: stream }))).StreamDescriptionSummary?.StreamStatus === "ACTIVE");
}

test("fault 6: resharding 2 → 4 mid-stream: children after their parents, every order once, newest version kept", async () => {
    await createStream(k, "fault6", 2);
    const s = startService(k, { stream: "fault6", schema: "fault6", worker: "f6" });
    try {
        await put(k, "fault6", ids("f6", 300).map((id) => order(id)));
        await until("some committed", async () => ((await metrics(s)).orders_records_processed_total ?? 0) > 0);
        const parents = (await k.client.send(new ListShardsCommand({ StreamName: "fault6" }))).Shards ?? [];
        for (const p of parents) {
            const start = BigInt(p.HashKeyRange!.StartingHashKey!);
            const end = BigInt(p.HashKeyRange!.EndingHashKey!);
            await k.client.send(new SplitShardCommand({ StreamName: "fault6", ShardToSplit: p.ShardId!, NewStartingHashKey: String((start + end) / 2n) }));
            await waitActive("fault6");
        }
        // The same orders again as version 2, and new ones: all land on the children.
        await put(k, "fault6", [...ids("f6", 300).map((id) => order(id, { version: 2, status: "paid" })), ...ids("f6", 100, 300).map((id) => order(id))]);
        await until("400 orders, version 2 everywhere", async () => (await count(pool, "SELECT count(*) AS n FROM fault6.orders WHERE version = 2 OR order_id >= 'f6-300'")) === 400, 10_000);
        await until("checkpoints", async () => (await checkpointsOff(pool, "fault6")) === 0);
        const leases = (await pool.query<{ shard_id: string; parent_ids: string[]; finished: boolean; updated_at: Date }>("SELECT shard_id, parent_ids, finished, updated_at FROM fault6.shard_leases ORDER BY shard_id")).rows;
        assert.equal(leases.length, 6);
        assert.deepEqual(leases.filter((l) => l.parent_ids.length === 0).map((l) => l.finished), [true, true]);
        // No child's order was committed before its parent was read to its end.
        const early = await count(
            pool,
            `SELECT count(*) AS n FROM fault6.orders o JOIN fault6.shard_leases c ON c.shard_id = o.shard_id JOIN fault6.shard_leases p ON p.shard_id = ANY (c.parent_ids)
             WHERE o.committed_at < p.updated_at`,
        );
        assert.equal(early, 0);
        assert.equal(await count(pool, "SELECT count(*) AS n FROM fault6.orders WHERE shard_id IN (SELECT shard_id FROM fault6.shard_leases WHERE cardinality(parent_ids) > 0)"), 400);
        assert.equal((await health(s))?.body.shards.length, 4);
    } finally {
        assert.equal(await stop(s), 0);
    }
});

test("fault 7: SIGTERM during a batch: the batch commits, the checkpoint matches, leases are released; the next task goes on", async () => {
    await createStream(k, "fault7", 2);
    // Small batches, so the stop lands between and inside commits rather than after the last one.
    const env = { MAX_RECORDS_PER_CALL: "50", POLL_INTERVAL_MS: "20" };
    const a = startService(k, { stream: "fault7", schema: "fault7", worker: "f7-a", env });
    await put(k, "fault7", ids("f7", 2000).map((id) => order(id)));
    await until("a is mid-stream", async () => ((await metrics(a)).orders_records_processed_total ?? 0) >= 100);
    const t0 = Date.now();
    assert.equal(await stop(a), 0);
    const stopMs = Date.now() - t0;
    assert.ok(stopMs < 5_000, `stop took ${stopMs} ms`);
    assert.ok(a.output.some((l) => l.includes('"stopped"')));
    assert.equal(await count(pool, "SELECT count(*) AS n FROM fault7.shard_leases WHERE owner IS NOT NULL"), 0, "leases not released");
    const committed = await count(pool, "SELECT count(*) AS n FROM fault7.orders");
    assert.ok(committed < 2000, "the stop came after everything was done: the test proves nothing");
    // Checkpoint = the last committed record of each shard: no gap and no overlap for the next task.
    const behind = await count(
        pool,
        "SELECT count(*) AS n FROM fault7.shard_leases l WHERE l.checkpoint IS DISTINCT FROM (SELECT max(sequence_number) FROM fault7.orders o WHERE o.shard_id = l.shard_id)",
    );
    assert.equal(behind, 0);
    const b = startService(k, { stream: "fault7", schema: "fault7", worker: "f7-b" });
    try {
        await until("2000 orders", async () => (await count(pool, "SELECT count(*) AS n FROM fault7.orders")) === 2000 && (await checkpointsOff(pool, "fault7")) === 0);
        assert.equal((await metrics(b)).orders_records_processed_total, 2000 - committed, "the next task re-read committed records");
    } finally {
        assert.equal(await stop(b), 0);
    }
});
