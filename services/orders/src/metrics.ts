/** Counters and gauges for /metrics, in Prometheus's text format. */
export class Metrics {
    recordsProcessed = 0;
    ordersWritten = 0;
    deadLetters = 0;
    batchesCommitted = 0;
    readonly failures: Record<"database" | "kinesis" | "cache" | "lease", number> = { database: 0, kinesis: 0, cache: 0, lease: 0 };
    /** Per shard: MillisBehindLatest from the last GetRecords. */
    readonly lagMs = new Map<string, number>();
    shardsHeld = 0;
    cachePending = 0;

    render(): string {
        const lines = [
            "# HELP orders_records_processed_total Stream records committed (orders and dead letters).",
            "# TYPE orders_records_processed_total counter",
            `orders_records_processed_total ${this.recordsProcessed}`,
            "# TYPE orders_written_total counter",
            `orders_written_total ${this.ordersWritten}`,
            "# TYPE orders_dead_letters_total counter",
            `orders_dead_letters_total ${this.deadLetters}`,
            "# TYPE orders_batches_committed_total counter",
            `orders_batches_committed_total ${this.batchesCommitted}`,
            "# HELP orders_failures_total Failures retried or tolerated, by dependency.",
            "# TYPE orders_failures_total counter",
            ...Object.entries(this.failures).map(([k, v]) => `orders_failures_total{dependency="${k}"} ${v}`),
            "# HELP orders_lag_milliseconds How far behind the stream's tip each held shard is.",
            "# TYPE orders_lag_milliseconds gauge",
            ...[...this.lagMs].map(([shard, v]) => `orders_lag_milliseconds{shard="${shard}"} ${v}`),
            "# TYPE orders_shards_held gauge",
            `orders_shards_held ${this.shardsHeld}`,
            "# TYPE orders_cache_pending gauge",
            `orders_cache_pending ${this.cachePending}`,
        ];
        return `${lines.join("\n")}\n`;
    }
}
