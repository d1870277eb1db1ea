/**
 * Which failures are worth retrying, and retrying them with capped exponential backoff and
 * jitter until they succeed or the service stops. A record is never skipped because of one.
 */
import { setTimeout as sleep } from "node:timers/promises";

/** SQLSTATE classes a retry can cure: connection (08), resources (53), operator intervention (57), rollbacks (40). */
const TRANSIENT_SQLSTATE = /^(08|53|57|40)/;
const TRANSIENT_NODE = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);

export function sqlState(e: unknown): string | undefined {
    const code = (e as { code?: unknown } | null)?.code;
    return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** 28P01: the password was refused, e.g. it rotated since it was read. */
export function isAuthFailure(e: unknown): boolean {
    return sqlState(e) === "28P01";
}

/** Data errors (22) and integrity violations (23): the same record fails again however often it is tried. */
export function isDataError(e: unknown): boolean {
    return /^(22|23)/.test(sqlState(e) ?? "");
}

export function isTransient(e: unknown): boolean {
    const state = sqlState(e);
    if (state !== undefined) return TRANSIENT_SQLSTATE.test(state) || state === "28P01";
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === "string" && TRANSIENT_NODE.has(code)) return true;
    const message = e instanceof Error ? e.message : String(e);
    // pg reports a connection dropped mid-query without a code.
    return /Connection terminated|connection.*(closed|ended)|timeout|socket hang up|Client has encountered a connection error/i.test(message);
}

export interface RetryOptions {
    readonly baseMs: number;
    readonly maxMs: number;
    readonly signal?: AbortSignal;
    readonly onRetry?: (e: unknown, attempt: number) => void;
    /** Errors that are retried; anything else is thrown at once. @default isTransient */
    readonly retryable?: (e: unknown) => boolean;
}

export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
    const retryable = opts.retryable ?? isTransient;
    for (let attempt = 0; ; attempt++) {
        try {
            return await fn();
        } catch (e) {
            if (!retryable(e) || opts.signal?.aborted) throw e;
            opts.onRetry?.(e, attempt);
            await sleep(backoffMs(attempt, opts.baseMs, opts.maxMs), undefined, { signal: opts.signal }).catch(() => undefined);
            if (opts.signal?.aborted) throw e;
        }
    }
}
