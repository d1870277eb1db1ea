/**
 * PostgreSQL: the connection pool (credentials read when a connection opens), the schema, and
 * the one transaction per batch that writes orders, dead letters and the shard's checkpoint
 * together, fenced by the lease so a task that lost its shard cannot move the checkpoint.
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import type { Config } from "./config";
import type { CredentialSource } from "./credentials";
import { isAuthFailure, isDataError } from "./retry";
import { totalCents, type Decoded, type Order } from "./order";

export async function createPool(config: Config, credentials: CredentialSource, onError: (e: Error) => void): Promise<pg.Pool> {
    // RDS rotates the password, never the user name: it is read once.
    const { username } = await credentials.get();
    const pool = new pg.Pool({
        host: config.DB_HOST,
        port: config.DB_PORT,
        database: config.DB_NAME,
        user: username,
        // pg calls this for every new connection: a rotated password is picked up without a restart.
        password: async () => (await credentials.get()).password,
        ssl: config.DB_SSL === "verify-full" ? { ca: readFileSync(config.DB_CA_FILE, "utf8"), rejectUnauthorized: true } : false,
        max: config.DB_POOL_SIZE,
        connectionTimeoutMillis: 5_000,
        idleTimeoutMillis: 30_000,
        // Bounded statements: a stuck query must fail (and be retried), not hold a lease forever.
        statement_timeout: 15_000,
        options: `-c search_path=${config.DB_SCHEMA}`,
        application_name: `orders-${config.WORKER_ID}`.slice(0, 63),
    });
    // A client whose server went away emits "error", idle (on the pool) or checked out (on the
    // client, between two queries); without a listener the process dies. The query in flight
    // fails on its own and is retried.
    pool.on("error", onError);
    pool.on("connect", (client) => client.on("error", onError));
    return pool;
}

/** Opens a client; a refused password makes the next attempt read the secret again. */
export async function connect(pool: pg.Pool, credentials: CredentialSource): Promise<pg.PoolClient> {
    try {
        return await pool.connect();
    } catch (e) {
        if (isAuthFailure(e)) credentials.invalidate();
        throw e;
    }
}

const SCHEMA_LOCK = 72_210_017;

export async function migrate(client: pg.PoolClient, schema: string): Promise<void> {
    await client.query("BEGIN");
    try {
        // Every task migrates at start; the lock makes them take turns.
        await client.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query(`
            CREATE TABLE IF NOT EXISTS ${schema}.orders (
                order_id text PRIMARY KEY,
                customer_id text NOT NULL,
                version integer NOT NULL,
                status text NOT NULL,
                currency char(3) NOT NULL,
                total_cents bigint NOT NULL,
                items jsonb NOT NULL,
                note text,
                created_at timestamptz NOT NULL,
                shard_id text NOT NULL,
                sequence_number numeric(128) NOT NULL,
                arrived_at timestamptz,
                committed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                cached boolean NOT NULL DEFAULT false
            );
            CREATE INDEX IF NOT EXISTS orders_not_cached ON ${schema}.orders (committed_at) WHERE NOT cached;
            CREATE TABLE IF NOT EXISTS ${schema}.dead_letters (
                stream text NOT NULL,
                shard_id text NOT NULL,
                sequence_number numeric(128) NOT NULL,
                reason text NOT NULL,
                payload bytea NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (stream, shard_id, sequence_number)
            );
            CREATE TABLE IF NOT EXISTS ${schema}.shard_leases (
                stream text NOT NULL,
                shard_id text NOT NULL,
                parent_ids text[] NOT NULL DEFAULT '{}',
                owner text,
                lease_expires timestamptz,
                handoff_to text,
                checkpoint numeric(128),
                finished boolean NOT NULL DEFAULT false,
                updated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (stream, shard_id)
            );
            CREATE TABLE IF NOT EXISTS ${schema}.workers (
                stream text NOT NULL,
                worker_id text NOT NULL,
                heartbeat timestamptz NOT NULL,
                PRIMARY KEY (stream, worker_id)
            );`);
        await client.query("COMMIT");
    } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
    }
}

export interface Batch {
    readonly stream: string;
    readonly shardId: string;
    readonly owner: string;
    readonly records: readonly Decoded[];
    /** The last sequence number of the batch: the checkpoint after it commits. */
    readonly lastSequence: string;
}

export class LeaseLost extends Error {}

/** Inserts or replaces orders by id: a newer version wins, a duplicate or replay changes nothing. */
const UPSERT = `
    INSERT INTO orders (order_id, customer_id, version, status, currency, total_cents, items, note, created_at, shard_id, sequence_number, arrived_at)
    SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::bigint[], $7::jsonb[], $8::text[], $9::timestamptz[], $10::text[], $11::numeric[], $12::timestamptz[])
    ON CONFLICT (order_id) DO UPDATE SET
        customer_id = EXCLUDED.customer_id, version = EXCLUDED.version, status = EXCLUDED.status, currency = EXCLUDED.currency,
        total_cents = EXCLUDED.total_cents, items = EXCLUDED.items, note = EXCLUDED.note, created_at = EXCLUDED.created_at,
        shard_id = EXCLUDED.shard_id, sequence_number = EXCLUDED.sequence_number, arrived_at = EXCLUDED.arrived_at,
        committed_at = clock_timestamp(), cached = false
    WHERE orders.version < EXCLUDED.version
    RETURNING order_id`;

type Row = readonly [string, string, number, string, string, number, string, string | null, string, string, string, Date | null];

function row(shardId: string, d: Extract<Decoded, { kind: "order" }>): Row {
    const o = d.order;
    return [o.orderId, o.customerId, o.version, o.status, o.currency, totalCents(o), JSON.stringify(o.items), o.note ?? null, o.createdAt, shardId, d.record.sequenceNumber, d.record.arrivedAt ?? null];
}

async function upsert(client: pg.PoolClient, rows: readonly Row[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const columns = Array.from({ length: 12 }, (_, i) => rows.map((r) => r[i]));
    const result = await client.query<{ order_id: string }>(UPSERT, columns);
    return result.rows.map((r) => r.order_id);
}

async function deadLetter(client: pg.PoolClient, stream: string, shardId: string, sequenceNumber: string, reason: string, payload: Uint8Array): Promise<void> {
    await client.query("INSERT INTO dead_letters (stream, shard_id, sequence_number, reason, payload) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING", [
        stream,
        shardId,
        sequenceNumber,
        reason.slice(0, 2_000),
        Buffer.from(payload),
    ]);
}

/**
 * Keeps the newest version per order within the batch (the stream keeps a key's order within a
 * shard), so one statement never touches a row twice.
 */
function newestPerOrder(records: readonly Decoded[]): Extract<Decoded, { kind: "order" }>[] {
    const byId = new Map<string, Extract<Decoded, { kind: "order" }>>();
    for (const r of records) {
        if (r.kind !== "order") continue;
        const seen = byId.get(r.order.orderId);
        if (!seen || seen.order.version < r.order.version) byId.set(r.order.orderId, r);
    }
    return [...byId.values()];
}

export interface CommitResult {
    readonly written: readonly string[];
    readonly deadLetters: number;
}

/**
 * Writes the batch and moves the checkpoint in one transaction. A data error PostgreSQL raises
 * for one order (a value the schema allowed but the column does not) sends that order alone to
 * the dead-letter table, under savepoints, instead of blocking the shard.
 */
export async function commitBatch(client: pg.PoolClient, batch: Batch): Promise<CommitResult> {
    const orders = newestPerOrder(batch.records);
    const poison = batch.records.filter((r): r is Extract<Decoded, { kind: "poison" }> => r.kind === "poison");
    await client.query("BEGIN");
    try {
        let written: string[];
        let dead = poison.length;
        try {
            await client.query("SAVEPOINT bulk");
            written = await upsert(client, orders.map((o) => row(batch.shardId, o)));
        } catch (e) {
            if (!isDataError(e)) throw e;
            await client.query("ROLLBACK TO SAVEPOINT bulk");
            written = [];
            for (const o of orders) {
                await client.query("SAVEPOINT one");
                try {
                    written.push(...(await upsert(client, [row(batch.shardId, o)])));
                } catch (inner) {
                    if (!isDataError(inner)) throw inner;
                    await client.query("ROLLBACK TO SAVEPOINT one");
                    await deadLetter(client, batch.stream, batch.shardId, o.record.sequenceNumber, `rejected by the database: ${(inner as Error).message}`, o.record.data);
                    dead++;
                }
            }
        }
        for (const p of poison) await deadLetter(client, batch.stream, batch.shardId, p.record.sequenceNumber, p.reason, p.record.data);
        await checkpoint(client, batch.stream, batch.shardId, batch.owner, batch.lastSequence, false);
        await client.query("COMMIT");
        return { written, deadLetters: dead };
    } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
    }
}

/** Moves the checkpoint only while the caller still holds the lease; `finished` marks the shard's end. */
export async function checkpoint(client: pg.PoolClient, stream: string, shardId: string, owner: string, sequence: string | null, finished: boolean): Promise<void> {
    const result = await client.query(
        `UPDATE shard_leases SET checkpoint = COALESCE($4::numeric, checkpoint), finished = finished OR $5, updated_at = now()
         WHERE stream = $1 AND shard_id = $2 AND owner = $3 AND lease_expires > now()`,
        [stream, shardId, owner, sequence, finished],
    );
    if (result.rowCount !== 1) throw new LeaseLost(`lease on ${shardId} lost by ${owner}`);
}

export type CachedOrder = Pick<Order, "orderId" | "customerId" | "version" | "status" | "currency"> & { totalCents: number; committedAt: string };

/** Orders the cache has not yet seen (Redis was down when they were committed). */
export async function uncached(client: pg.PoolClient, limit: number): Promise<CachedOrder[]> {
    const result = await client.query<{ order_id: string; customer_id: string; version: number; status: Order["status"]; currency: string; total_cents: string; committed_at: Date }>(
        "SELECT order_id, customer_id, version, status, currency, total_cents, committed_at FROM orders WHERE NOT cached ORDER BY committed_at LIMIT $1",
        [limit],
    );
    return result.rows.map((r) => ({ orderId: r.order_id, customerId: r.customer_id, version: r.version, status: r.status, currency: r.currency, totalCents: Number(r.total_cents), committedAt: r.committed_at.toISOString() }));
}

export async function markCached(client: pg.PoolClient, orders: readonly { orderId: string; version: number }[]): Promise<void> {
    if (orders.length === 0) return;
    // Only the version that was cached: a newer one committed meanwhile stays pending.
    await client.query("UPDATE orders o SET cached = true FROM unnest($1::text[], $2::int[]) AS c(id, v) WHERE o.order_id = c.id AND o.version = c.v", [
        orders.map((o) => o.orderId),
        orders.map((o) => o.version),
    ]);
}
