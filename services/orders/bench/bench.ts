/**
 * Sustained throughput of two service processes on this machine: a producer puts ~1 KB orders
 * at a fixed rate on a 2-shard stream (kinesalite in its own process), and the figures come from
 * PostgreSQL: committed orders per second, put-to-committed latency (p50, p99: committed_at minus
 * the put time carried in createdAt), and each service's peak memory (VmHWM) and CPU time.
 *   npm run orders:bench -- [--rate 2000] [--seconds 30] [--tasks 2]
 * Needs the PostgreSQL and Redis the tests use (.ci/services).
 */
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { KinesisClient, PutRecordsCommand } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { count, createStream, freshSchema, health, order, startService, stop, until, type Kinesis } from "../test/harness";

const { values } = parseArgs({ options: { rate: { type: "string", default: "2000" }, seconds: { type: "string", default: "30" }, tasks: { type: "string", default: "2" } } });
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const tasks = Number(values.tasks);
const PAD = "x".repeat(760); // with the rest of the order, ~1 KB of JSON

/** kinesalite in a child process, so its CPU is not the producer's. */
async function kinesisProcess(): Promise<Kinesis & { pid: number }> {
    const child = fork(path.join(__dirname, "kinesis-server.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
    const port = await new Promise<number>((resolve) => child.once("message", (m) => resolve(Number(m))));
    const endpoint = `http://127.0.0.1:${port}`;
    const client = new KinesisClient({ endpoint, region: "eu-central-1", credentials: { accessKeyId: "b", secretAccessKey: "b" }, requestHandler: new NodeHttpHandler() });
    return { endpoint, client, pid: child.pid!, close: async () => void child.kill() };
}

function procStats(pid: number): { peakMb: number; cpuS: number } {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return { peakMb: Math.round(hwm / 1024), cpuS: (Number(stat[11]) + Number(stat[12])) / 100 };
}

async function main(): Promise<void> {
    const k = await kinesisProcess();
    const pool = await freshSchema("bench");
    await createStream(k, "bench", 2);
    const services = Array.from({ length: tasks }, (_, i) => startService(k, { stream: "bench", schema: "bench", worker: `bench-${i}`, env: { LEASE_TTL_MS: "10000", LEASE_INTERVAL_MS: "1000", POLL_INTERVAL_MS: "200", IDLE_POLL_MS: "200", MAX_RECORDS_PER_CALL: "10000" } }));
    await until("services ready", async () => (await Promise.all(services.map(health))).every((h) => h?.status === 200), 20_000);
    const total = rate * seconds;
    const started = Date.now();
    let sent = 0;
    // Every 100 ms, what is due at the rate, in calls of at most 500 records, not waiting for
    // earlier calls: the offered rate does not depend on the emulator's latency.
    const inFlight = new Set<Promise<unknown>>();
    while (sent < total) {
        const due = Math.min(total, Math.round(((Date.now() - started) / 1000 + 0.1) * rate));
        while (sent < due) {
            const n = Math.min(500, due - sent);
            const now = new Date().toISOString();
            const records = Array.from({ length: n }, (_, i) => {
                const o = order(`b-${sent + i}`, { createdAt: now, note: PAD });
                return { Data: Buffer.from(JSON.stringify(o)), PartitionKey: String(o.orderId) };
            });
            sent += n;
            const p: Promise<unknown> = k.client.send(new PutRecordsCommand({ StreamName: "bench", Records: records })).then((out) => {
                if ((out.FailedRecordCount ?? 0) > 0) throw new Error(`${out.FailedRecordCount} records not put`);
            });
            inFlight.add(p);
            void p.finally(() => inFlight.delete(p));
        }
        await sleep(100);
    }
    await Promise.all(inFlight);
    const putSeconds = (Date.now() - started) / 1000;
    await until("all committed", async () => (await count(pool, "SELECT count(*) AS n FROM bench.orders")) === total, 300_000, 250);
    const { rows } = await pool.query<{ p50: number; p99: number; first: Date; last: Date; bytes: number }>(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, min(committed_at) AS first, max(committed_at) AS last,
                (SELECT avg(length(note)) + 240 FROM bench.orders) AS bytes
         FROM (SELECT committed_at, extract(epoch FROM committed_at - created_at) * 1000 AS ms FROM bench.orders) x`,
    );
    const r = rows[0]!;
    const commitSeconds = (r.last.getTime() - started) / 1000;
    const stats = services.map((s) => procStats(s.process.pid!));
    const kin = procStats(k.pid);
    for (const s of services) await stop(s);
    console.log(
        JSON.stringify(
            {
                records: total,
                offeredRate: rate,
                putSeconds: Number(putSeconds.toFixed(1)),
                committedPerSecond: Math.round(total / commitSeconds),
                latencyMs: { p50: Math.round(r.p50), p99: Math.round(r.p99) },
                services: stats,
                kinesalite: kin,
            },
            null,
            2,
        ),
    );
    await pool.end();
    await k.close();
    process.exit(0);
}

main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
});
