/**
 * The service's configuration: the environment the ECS task definition sets (plain values) and
 * the secrets it injects (the Redis AUTH token). The database password is not among them: it is
 * read from Secrets Manager when connections open (see credentials.ts), so RDS can rotate it.
 */
import { hostname } from "node:os";
import { z } from "zod";

const bool = z.enum(["true", "false"]).transform((v) => v === "true");
const ms = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

export const configSchema = z
    .object({
        KINESIS_STREAM_NAME: z.string().min(1),
        /** Only for a Kinesis-compatible server (tests, local runs); AWS's endpoint otherwise. */
        KINESIS_ENDPOINT: z.url().optional(),
        AWS_REGION: z.string().min(1).default("eu-central-1"),
        INITIAL_POSITION: z.enum(["TRIM_HORIZON", "LATEST"]).default("TRIM_HORIZON"),
        DB_HOST: z.string().min(1),
        DB_PORT: z.coerce.number().int().min(1).max(65535).default(5432),
        DB_NAME: z.string().min(1),
        DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a lower-case SQL identifier").default("public"),
        /** The RDS-managed secret ({"username","password"}), read at connect time. */
        DB_SECRET_ARN: z.string().min(1).optional(),
        /** Local runs only: a fixed user and password instead of the secret. */
        DB_USERNAME: z.string().min(1).optional(),
        DB_PASSWORD: z.string().optional(),
        /** "verify-full" checks the server certificate against DB_CA_FILE (the RDS CA bundle). */
        DB_SSL: z.enum(["verify-full", "disable"]).default("verify-full"),
        DB_CA_FILE: z.string().default("/app/rds-global-bundle.pem"),
        DB_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
        /** How long a password read from Secrets Manager is reused before it is read again. */
        DB_SECRET_MAX_AGE_MS: ms(300_000),
        REDIS_HOST: z.string().min(1),
        REDIS_PORT: z.coerce.number().int().min(1).max(65535).default(6379),
        REDIS_TLS: bool.default(true),
        REDIS_AUTH_TOKEN: z.string().optional(),
        REDIS_DB: z.coerce.number().int().min(0).max(15).default(0),
        REDIS_KEY_PREFIX: z.string().default("orders:"),
        CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(86_400),
        PORT: z.coerce.number().int().min(1).max(65535).default(8080),
        WORKER_ID: z.string().min(1).default(`${hostname()}-${process.pid}`),
        LEASE_TTL_MS: ms(30_000),
        LEASE_INTERVAL_MS: ms(5_000),
        /** Kinesis allows 5 GetRecords calls a second per shard, shared by every consumer. */
        POLL_INTERVAL_MS: ms(250),
        IDLE_POLL_MS: ms(1_000),
        MAX_RECORDS_PER_CALL: z.coerce.number().int().min(1).max(10_000).default(1_000),
        RETRY_BASE_MS: ms(100),
        RETRY_MAX_MS: ms(5_000),
        CACHE_SWEEP_MS: ms(10_000),
        /** A "progress" log line with the counters (what `npm run orders:load` reads back). */
        PROGRESS_LOG_MS: ms(10_000),
        /** ECS sends SIGKILL 30 s after SIGTERM by default (stopTimeout); stop before that. */
        SHUTDOWN_TIMEOUT_MS: ms(25_000),
    })
    .superRefine((c, ctx) => {
        if (c.DB_SECRET_ARN === undefined && c.DB_USERNAME === undefined) {
            ctx.addIssue({ code: "custom", path: ["DB_SECRET_ARN"], message: "set DB_SECRET_ARN (the RDS-managed secret), or DB_USERNAME and DB_PASSWORD for a local database" });
        }
    });

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
    const parsed = configSchema.safeParse(env);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
        throw new Error(`invalid configuration: ${problems}`);
    }
    return parsed.data;
}
