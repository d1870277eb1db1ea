/**
 * /health and /metrics on the container port. /health is 200 only when the last lease round
 * (database reached, leases renewed) is recent, so a task cut off from PostgreSQL reports it.
 */
import { createServer, type Server } from "node:http";
import type { Metrics } from "./metrics";

export interface HealthSource {
    readonly lastRound: number;
    readonly heldShards: readonly string[];
}

export function startServer(port: number, metrics: Metrics, health: HealthSource, staleAfterMs: number, cacheReady: () => boolean): Promise<Server> {
    const server = createServer((req, res) => {
        if (req.method === "GET" && req.url === "/health") {
            const ageMs = Date.now() - health.lastRound;
            const ready = health.lastRound > 0 && ageMs < staleAfterMs;
            res.writeHead(ready ? 200 : 503, { "content-type": "application/json" });
            res.end(JSON.stringify({ ready, shards: health.heldShards, lastLeaseRoundMsAgo: health.lastRound > 0 ? ageMs : null, cache: cacheReady() ? "up" : "down" }));
        } else if (req.method === "GET" && req.url === "/metrics") {
            res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
            res.end(metrics.render());
        } else {
            res.writeHead(404).end();
        }
    });
    return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "0.0.0.0", () => resolve(server));
    });
}
