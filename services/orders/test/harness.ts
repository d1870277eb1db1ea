/**
 * What the service's tests share: the bundled entry point started as the container starts it
 * (`node orders.js`, configuration in the environment, nothing writable but its volume), a
 * Kinesis-compatible server (kinesalite), a schema of its own per test in the `orders_test`
 * database, and a Redis key prefix of its own.
 */
import { CreateStreamCommand, KinesisClient, PutRecordsCommand, waitUntilStreamExists } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { bundleService } from "../bundle";

/**
 * `ORDERS_TEST_DATABASE` gives two checkouts testing at once on one machine a database (and
 * Redis prefix) each; their schemas and keys would otherwise collide.
 */
export const PG = { host: "127.0.0.1", port: 5432, user: process.env.PGUSER ?? "postgres", database: process.env.ORDERS_TEST_DATABASE ?? "orders_test" };
export const REDIS = { host: "127.0.0.1", port: 6379, db: 3 };

let bundlePath: string | undefined;
/** The container's entry point, bundled once per test process into a folder the service must not write to. */
export function entryPoint(): string {
    if (bundlePath) return bundlePath;
    const dir = mkdtempSync(path.join(os.tmpdir(), "orders-app-"));
    bundlePath = path.join(dir, "orders.js");
    writeFileSync(bundlePath, bundleService());
    return bundlePath;
}

export async function ensureDatabase(): Promise<void> {
    const admin = new pg.Client({ ...PG, database: "postgres" });
    await admin.connect();
    try {
        const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [PG.database]);
        if (rowCount === 0) await admin.query(`CREATE DATABASE ${PG.database}`).catch((e: { code?: string }) => {
            // Another test file created it first: 42P04 if its CREATE committed before ours began,
            // 23505 (pg_database's unique name index) if the two ran at the same time.
            if (e.code !== "42P04" && e.code !== "23505") throw e;
        });
    } finally {
        await admin.end();
    }
}

export async function freshSchema(schema: string): Promise<pg.Pool> {
    await ensureDatabase();
    const pool = new pg.Pool({ ...PG, max: 3 });
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    return pool;
}

export interface Kinesis {
    readonly endpoint: string;
    readonly client: KinesisClient;
    close(): Promise<void>;
}

export async function startKinesis(): Promise<Kinesis> {
    const { default: kinesalite } = await import("kinesalite");
    const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 50 });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new KinesisClient({ endpoint, region: "eu-central-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, requestHandler: new NodeHttpHandler() });
    return { endpoint, client, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function createStream(k: Kinesis, name: string, shards: number): Promise<void> {
    await k.client.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
    await waitUntilStreamExists({ client: k.client, maxWaitTime: 10, minDelay: 0.05 } as never, { StreamName: name });
}

export function order(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        orderId: id,
        customerId: `c-${id.length % 7}`,
        status: "placed",
        currency: "EUR",
        items: [{ sku: "sku-1", quantity: 2, unitPriceCents: 1250 }],
        createdAt: "2026-12-01T10:00:00Z",
        ...extra,
    };
}

/** Every shard's last sequence number put by this process (a BigInt compares them). */
export const lastPut = new Map<string, bigint>();

/** Puts records (JSON values or raw strings) in order, noting each shard's last sequence number. */
export async function put(k: Kinesis, stream: string, values: readonly (Record<string, unknown> | string)[]): Promise<void> {
    for (let i = 0; i < values.length; i += 500) {
        const chunk = values.slice(i, i + 500);
        const out = await k.client.send(
            new PutRecordsCommand({
                StreamName: stream,
                Records: chunk.map((v) => ({
                    Data: Buffer.from(typeof v === "string" ? v : JSON.stringify(v)),
                    PartitionKey: typeof v === "string" ? `raw-${i}` : String(v.orderId),
                })),
            }),
        );
        if ((out.FailedRecordCount ?? 0) > 0) throw new Error(`${out.FailedRecordCount} records not put`);
        for (const r of out.Records ?? []) {
            const key = `${stream}/${r.ShardId}`;
            const seq = BigInt(r.SequenceNumber!);
            if ((lastPut.get(key) ?? 0n) < seq) lastPut.set(key, seq);
        }
    }
}

/** The Redis key prefix of one test's service. */
export function cachePrefix(schema: string): string {
    return `${PG.database}:${schema}:`;
}

export interface Service {
    readonly process: ChildProcess;
    readonly port: number;
    readonly output: string[];
    exited: Promise<number | null>;
}

let nextPort = 18_000 + (process.pid % 500) * 20;

/** Starts the bundled service as the container does: `node orders.js`, configuration in the environment. */
export function startService(k: Kinesis, opts: { stream: string; schema: string; worker: string; redisPort?: number; dbPort?: number; env?: Record<string, string> }): Service {
    const port = nextPort++;
    const volume = mkdtempSync(path.join(os.tmpdir(), "orders-volume-"));
    mkdirSync(volume, { recursive: true });
    const env: Record<string, string> = {
        PATH: process.env.PATH ?? "",
        // The declared volume: the only writable path the task definition gives.
        TMPDIR: volume,
        HOME: volume,
        NODE_ENV: "production",
        KINESIS_STREAM_NAME: opts.stream,
        KINESIS_ENDPOINT: k.endpoint,
        AWS_REGION: "eu-central-1",
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        DB_HOST: PG.host,
        DB_PORT: String(opts.dbPort ?? PG.port),
        DB_NAME: PG.database,
        DB_SCHEMA: opts.schema,
        DB_USERNAME: PG.user,
        DB_SSL: "disable",
        REDIS_HOST: REDIS.host,
        REDIS_PORT: String(opts.redisPort ?? REDIS.port),
        REDIS_TLS: "false",
        REDIS_DB: String(REDIS.db),
        REDIS_KEY_PREFIX: cachePrefix(opts.schema),
        PORT: String(port),
        WORKER_ID: opts.worker,
        LEASE_TTL_MS: "2000",
        LEASE_INTERVAL_MS: "300",
        POLL_INTERVAL_MS: "50",
        IDLE_POLL_MS: "100",
        RETRY_BASE_MS: "50",
        RETRY_MAX_MS: "500",
        CACHE_SWEEP_MS: "300",
        SHUTDOWN_TIMEOUT_MS: "8000",
        ...opts.env,
    };
    const child = spawn(process.execPath, [entryPoint()], { env, cwd: path.dirname(entryPoint()), stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    child.stdout.setEncoding("utf8").on("data", (d: string) => output.push(...d.trim().split("\n")));
    child.stderr.setEncoding("utf8").on("data", (d: string) => output.push(d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    return { process: child, port, output, exited };
}

export async function health(s: Service): Promise<{ status: number; body: { ready: boolean; shards: string[] } } | undefined> {
    try {
        const res = await fetch(`http://127.0.0.1:${s.port}/health`);
        return { status: res.status, body: (await res.json()) as { ready: boolean; shards: string[] } };
    } catch {
        return undefined;
    }
}

export async function metrics(s: Service): Promise<Record<string, number>> {
    const text = await (await fetch(`http://127.0.0.1:${s.port}/metrics`)).text();
    const out: Record<string, number> = {};
    for (const line of text.split("\n")) {
        const m = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
        if (m) out[m[1]!] = Number(m[2]);
    }
    return out;
}

export async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 10_000, everyMs = 50): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
        const v = await fn().catch(() => undefined);
        if (v !== undefined && v !== false) return v;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await sleep(everyMs);
    }
}

export async function count(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<number> {
    const { rows } = await pool.query<{ n: string }>(sql, params);
    return Number(rows[0]?.n ?? 0);
}

export async function stop(s: Service, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    if (s.process.exitCode === null && s.process.signalCode === null) s.process.kill(signal);
    return s.exited;
}

/** A TCP proxy the test can take down and bring back, standing in for a Redis that stops and restarts. */
export class TcpProxy {
    private server?: import("node:net").Server;
    private readonly sockets = new Set<import("node:net").Socket>();
    port = 0;

    constructor(private readonly target: { host: string; port: number }) {}

    async up(): Promise<void> {
        const net = await import("node:net");
        this.server = net.createServer((client) => {
            const upstream = net.connect(this.target.port, this.target.host);
            for (const s of [client, upstream]) {
                this.sockets.add(s);
                s.on("close", () => this.sockets.delete(s));
                s.on("error", () => s.destroy());
            }
            client.pipe(upstream).pipe(client);
        });
        await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", () => resolve()));
        this.port = (this.server.address() as AddressInfo).port;
    }

    async down(): Promise<void> {
        for (const s of this.sockets) s.destroy();
        await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
        this.server = undefined;
    }
}

/**
 * Shards whose checkpoint is not the last record put on them: zero once the service has
 * committed everything (a checkpoint past it, or short of it, is a bug).
 */
export async function checkpointsOff(pool: pg.Pool, schema: string, stream: string = schema): Promise<number> {
    const { rows } = await pool.query<{ shard_id: string; checkpoint: string | null }>(`SELECT shard_id, checkpoint::text FROM ${schema}.shard_leases WHERE stream = $1`, [stream]);
    return rows.filter((r) => {
        const expected = lastPut.get(`${stream}/${r.shard_id}`);
        return expected === undefined ? r.checkpoint !== null : r.checkpoint === null || BigInt(r.checkpoint) !== expected;
    }).length;
}
