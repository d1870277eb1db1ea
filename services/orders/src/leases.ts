/**
 * Shard leases in PostgreSQL, the job DynamoDB does for the Kinesis Client Library: every task
 * registers a heartbeat, records the shards it discovers (with their parents), renews what it
 * holds and takes a fair share of what nobody holds, or what a dead task held (its lease
 * expired). A child shard is taken only once all its parents are finished, so an order's
 * records are processed in stream order across a resharding. A task holding more than its
 * share is asked to hand one over; it releases the shard after its current batch.
 */
import type pg from "pg";

export interface ShardInfo {
    readonly shardId: string;
    readonly parentIds: readonly string[];
}

export interface HeldShard {
    readonly shardId: string;
    readonly checkpoint: string | null;
    /** Another task asked for this shard: release it after the current batch. */
    readonly handoff: boolean;
}

export class LeaseStore {
    constructor(
        private readonly db: pg.Pool,
        private readonly stream: string,
        private readonly owner: string,
        private readonly ttlMs: number,
    ) {}

    async heartbeat(): Promise<void> {
        await this.db.query(
            `INSERT INTO workers (stream, worker_id, heartbeat) VALUES ($1, $2, now())
             ON CONFLICT (stream, worker_id) DO UPDATE SET heartbeat = now()`,
            [this.stream, this.owner],
        );
        await this.db.query("DELETE FROM workers WHERE stream = $1 AND heartbeat < now() - make_interval(secs => $2::float8 * 10)", [this.stream, this.ttlMs / 1000]);
    }

    async record(shards: readonly ShardInfo[]): Promise<void> {
        if (shards.length === 0) return;
        await this.db.query(
            `INSERT INTO shard_leases (stream, shard_id, parent_ids)
             SELECT $1, s.id, COALESCE(string_to_array(NULLIF(s.parents, ''), ','), '{}') FROM unnest($2::text[], $3::text[]) AS s(id, parents)
             ON CONFLICT DO NOTHING`,
            [this.stream, shards.map((s) => s.shardId), shards.map((s) => s.parentIds.join(","))],
        );
    }

    /** Renews the leases still ours; returns them (a shard missing from the result is lost). */
    async renew(): Promise<HeldShard[]> {
        const result = await this.db.query<{ shard_id: string; checkpoint: string | null; handoff_to: string | null }>(
            `UPDATE shard_leases SET lease_expires = now() + make_interval(secs => $3::float8)
             WHERE stream = $1 AND owner = $2 AND lease_expires > now() AND NOT finished
             RETURNING shard_id, checkpoint::text, handoff_to`,
            [this.stream, this.owner, this.ttlMs / 1000],
        );
        return result.rows.map((r) => ({ shardId: r.shard_id, checkpoint: r.checkpoint, handoff: r.handoff_to !== null && r.handoff_to !== this.owner }));
    }

    /**
     * Takes free or expired shards whose parents are finished, up to this task's fair share, and
     * asks an over-loaded task for one when there is none free. Atomic per row: two tasks never
     * both win a shard.
     */
    async acquire(heldCount: number): Promise<HeldShard[]> {
        const { rows } = await this.db.query<{ live: number; ready: number }>(
            `SELECT (SELECT count(*)::int FROM workers WHERE stream = $1 AND heartbeat > now() - make_interval(secs => $2::float8)) AS live,
                    (SELECT count(*)::int FROM shard_leases l WHERE l.stream = $1 AND NOT l.finished AND ${PARENTS_DONE}) AS ready`,
            [this.stream, this.ttlMs / 1000],
        );
        const live = Math.max(1, rows[0]?.live ?? 1);
        const share = Math.ceil((rows[0]?.ready ?? 0) / live);
        const wanted = share - heldCount;
        if (wanted <= 0) return [];
        const taken = await this.db.query<{ shard_id: string; checkpoint: string | null }>(
            `UPDATE shard_leases SET owner = $2, lease_expires = now() + make_interval(secs => $3::float8), handoff_to = NULL, updated_at = now()
             WHERE (stream, shard_id) IN (
                 SELECT stream, shard_id FROM shard_leases l
                 WHERE l.stream = $1 AND NOT l.finished AND (l.owner IS NULL OR l.lease_expires <= now()) AND ${PARENTS_DONE}
                 ORDER BY l.shard_id LIMIT $4 FOR UPDATE SKIP LOCKED)
             RETURNING shard_id, checkpoint::text`,
            [this.stream, this.owner, this.ttlMs / 1000, wanted],
        );
        if (taken.rows.length === 0) await this.requestHandoff(share);
        return taken.rows.map((r) => ({ shardId: r.shard_id, checkpoint: r.checkpoint, handoff: false }));
    }

    private async requestHandoff(share: number): Promise<void> {
        await this.db.query(
            `UPDATE shard_leases SET handoff_to = $2 WHERE (stream, shard_id) = (
                 SELECT stream, shard_id FROM shard_leases l
                 WHERE l.stream = $1 AND NOT l.finished AND l.lease_expires > now() AND l.owner <> $2 AND l.handoff_to IS NULL
                   AND (SELECT count(*) FROM shard_leases o WHERE o.stream = $1 AND o.owner = l.owner AND NOT o.finished AND o.lease_expires > now()) > $3
                 ORDER BY l.shard_id DESC LIMIT 1)`,
            [this.stream, this.owner, share],
        );
    }

    /** Gives a shard back (on stop or handoff), keeping its checkpoint for the next owner. */
    async release(shardId: string): Promise<void> {
        await this.db.query("UPDATE shard_leases SET owner = NULL, lease_expires = NULL, updated_at = now() WHERE stream = $1 AND shard_id = $2 AND owner = $3", [
            this.stream,
            shardId,
            this.owner,
        ]);
    }

    async leave(): Promise<void> {
        await this.db.query("DELETE FROM workers WHERE stream = $1 AND worker_id = $2", [this.stream, this.owner]);
    }
}

/** Parents no longer recorded (past the stream's retention before this service first ran) count as finished. */
const PARENTS_DONE = `NOT EXISTS (SELECT 1 FROM shard_leases p WHERE p.stream = l.stream AND p.shard_id = ANY (l.parent_ids) AND NOT p.finished)`;
