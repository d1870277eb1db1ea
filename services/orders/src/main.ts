/**
 * The order service's entry point (the container's command): read the configuration, migrate
 * the schema, serve /health and /metrics, consume the stream until SIGTERM, then stop cleanly
 * within the stop timeout ECS gives (in-flight batches committed, leases released).
 */
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { OrderCache } from "./cache";
import { loadConfig } from "./config";
import { Consumer } from "./consumer";
import { SecretCredentials, StaticCredentials, type CredentialSource } from "./credentials";
import { connect, createPool, migrate } from "./db";
import { kinesisClient } from "./kinesis";
import { log } from "./log";
import { Metrics } from "./metrics";
import { withRetry } from "./retry";
import { startServer } from "./server";

async function main(): Promise<void> {
    const config = loadConfig();
    const metrics = new Metrics();
    const abort = new AbortController();
    const credentials: CredentialSource = config.DB_SECRET_ARN
        ? new SecretCredentials(new SecretsManagerClient({ region: config.AWS_REGION, requestHandler: new NodeHttpHandler() }), config.DB_SECRET_ARN, config.DB_SECRET_MAX_AGE_MS)
        : new StaticCredentials({ username: config.DB_USERNAME!, password: config.DB_PASSWORD ?? "" });
    const retry = { baseMs: config.RETRY_BASE_MS, maxMs: config.RETRY_MAX_MS, signal: abort.signal, onRetry: (e: unknown) => log("warn", "start-up step failed, retrying", { error: e }) };

    const pool = await withRetry(() => createPool(config, credentials, (e) => log("warn", "idle database connection lost", { error: e })), retry);
    await withRetry(async () => {
        const client = await connect(pool, credentials);
        try {
            await migrate(client, config.DB_SCHEMA);
        } finally {
            client.release();
        }
    }, retry);
    const cache = new OrderCache(config, config.CACHE_TTL_SECONDS, (up) => log(up ? "info" : "warn", up ? "cache connected" : "cache unavailable; orders are cached once it returns"));
    await cache.start();
    const consumer = new Consumer({ config, kinesis: kinesisClient(config), pool, credentials, cache, metrics, abort: abort.signal });
    const server = await startServer(config.PORT, metrics, consumer, config.LEASE_TTL_MS, () => cache.ready);
    consumer.start();
    const progress = setInterval(
        () => log("info", "progress", { records: metrics.recordsProcessed, written: metrics.ordersWritten, deadLetters: metrics.deadLetters, shards: consumer.heldShards, lagMs: Math.max(0, ...metrics.lagMs.values()) }),
        config.PROGRESS_LOG_MS,
    );
    log("info", "order service started", { worker: config.WORKER_ID, stream: config.KINESIS_STREAM_NAME, port: config.PORT });

    let stopping = false;
    const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        log("info", "stopping", { signal });
        // Past this point in-flight work is abandoned uncommitted: the next owner replays it.
        const deadline = setTimeout(() => abort.abort(), Math.max(1_000, config.SHUTDOWN_TIMEOUT_MS - 2_000));
        const hardStop = setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS);
        hardStop.unref();
        clearInterval(progress);
        await consumer.stop();
        clearTimeout(deadline);
        server.close();
        await cache.stop();
        await pool.end();
        log("info", "stopped", { records: metrics.recordsProcessed });
        process.exit(0);
    };
    process.on("SIGTERM", () => void stop("SIGTERM"));
    process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((e: unknown) => {
    log("error", "order service failed", { error: e });
    process.exit(1);
});
