/**
 * What an ECS task uses at run time, read from the plan's wiring rather than from one service's
 * conventions. Two signals, strongest first:
 *
 * 1. The task role's grants: a statement of its identity policies naming one of the plan's
 *    streams, tables or secrets says the task uses it, and its actions say how (any action of a
 *    row's list puts the whole row in the contract, so a partial grant is a denied call).
 * 2. The task's environment: a value that names one of them (its ARN or AWS name, resolved through
 *    the plan's reference index, src/offline/model/references.ts) says the task uses it. Only
 *    where no grant names it, so the grant's actions decide the mode; the environment alone means
 *    a stream is consumed (as the order service, services/orders, consumes its own) and a table
 *    or secret read. That finds a task that names what it uses but was granted nothing.
 */
import { planOf } from "../../model/plan";
import { lookupKeys, tokensOf } from "../../model/references";
import { asArray, type AccessModel } from "../model";
import type { AccessCall, AccessResource } from "../types";
import { calls, keyUse, obj } from "./call";
import { secretCalls, secretOf } from "./secrets";
import { CONTRACTS, type ContractId } from "./table";

const STREAM = "aws:kinesis/stream:Stream";
const TABLE = "aws:dynamodb/table:Table";
const SECRET = "aws:secretsmanager/secret:Secret";

type Mode = "read" | "write";

/** One thing the task uses: the stream or table resource, or the ARN of a secret (RDS-managed ones have no resource). */
interface Use {
    readonly kind: "stream" | "table" | "secret";
    readonly arn: string;
    readonly resource?: AccessResource;
    readonly modes: Set<Mode>;
}

/** The rows whose actions decide each mode, per kind. */
const MODE_ROWS: Readonly<Record<Use["kind"], Readonly<Record<Mode, ContractId | undefined>>>> = {
    stream: { read: "ecs.task.kinesis-read", write: "ecs.task.kinesis-write" },
    table: { read: "ecs.task.dynamodb-read", write: "ecs.task.dynamodb-write" },
    secret: { read: "ecs.task.secret", write: undefined },
};

function globMatches(pattern: string, action: string): boolean {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
    return re.test(action);
}

/** Actions both modes call, which say nothing about the mode: a Kinesis producer lists shards too. */
const SHARED = new Set(["kinesis:ListShards"]);

/** The modes a statement's actions grant on a resource of `kind`: those whose row has an action it allows. */
function modesOf(kind: Use["kind"], actions: readonly string[]): Mode[] {
    return (["read", "write"] as const).filter((mode) => {
        const row = MODE_ROWS[kind][mode];
        return row !== undefined && CONTRACTS[row].actions.some((a) => !SHARED.has(a) && actions.some((p) => globMatches(p, a)));
    });
}

/** What a Resource entry of a grant names: a stream, table (its indexes and streams too) or secret of the plan. */
function granted(m: AccessModel, resource: string): Omit<Use, "modes"> | undefined {
    if (resource.startsWith("arn:aws:secretsmanager:")) {
        const arn = secretOf(m, resource)?.arn;
        return arn === undefined ? undefined : { kind: "secret", arn };
    }
    const base = resource.replace(/\/(index|stream)\/\*$/, "").replace(/\/\*$/, "");
    const stream = m.find(STREAM, base);
    if (stream) return { kind: "stream", arn: m.arnOf(stream), resource: stream };
    const table = m.find(TABLE, base);
    return table ? { kind: "table", arn: m.arnOf(table), resource: table } : undefined;
}

/** A stream, table or secret an environment value names by its ARN or AWS name, as the reference index resolves it. */
function named(m: AccessModel, value: string): Omit<Use, "modes"> | undefined {
    if (value.startsWith("arn:aws:secretsmanager:")) {
        const arn = secretOf(m, value)?.arn;
        return arn === undefined ? undefined : { kind: "secret", arn };
    }
    // Whole values and an ARN's last segment only: a segment inside a host name names nothing.
    const strong = new Set(lookupKeys(value).filter((k) => k.strength >= 2).map((k) => k.token));
    const found = planOf(m.resources)
        .resolve(value, [STREAM, TABLE, SECRET])
        .find((r) => tokensOf(r).some((t) => strong.has(t)) || m.arnOf(r) === value);
    if (found === undefined) return undefined;
    const kind = found.type === STREAM ? "stream" : found.type === TABLE ? "table" : "secret";
    return { kind, arn: m.arnOf(found), ...(kind === "secret" ? {} : { resource: found }) };
}

/** Everything the task uses, by ARN, with the modes its grants (or, failing those, its environment) give. */
export function taskUses(m: AccessModel, role: string, environment: readonly string[]): Use[] {
    const uses = new Map<string, Use>();
    const add = (u: Omit<Use, "modes">, modes: readonly Mode[]) => {
        const use = uses.get(u.arn) ?? { ...u, modes: new Set<Mode>() };
        for (const mode of modes) use.modes.add(mode);
        uses.set(u.arn, use);
    };
    for (const d of m.roles.get(role)?.identity ?? []) {
        for (const s of d.document.Statement) {
            if (s.Effect !== "Allow") continue;
            for (const r of asArray(s.Resource)) {
                const u = granted(m, r);
                const modes = u === undefined ? [] : modesOf(u.kind, asArray(s.Action));
                if (u !== undefined && modes.length > 0) add(u, modes);
            }
        }
    }
    for (const value of environment) {
        const u = named(m, value);
        if (u !== undefined && !uses.has(u.arn)) add(u, ["read"]);
    }
    return [...uses.values()];
}

/** The calls of one use: the row of each mode, and the key the service uses on the task's behalf. */
export function useCalls(m: AccessModel, td: AccessResource, role: string, use: Use): AccessCall[] {
    if (use.kind === "secret") return secretCalls(m, "ecs.task.secret", role, use.arn, td);
    const out: AccessCall[] = [];
    const r = use.resource!;
    for (const mode of use.modes) out.push(...calls(MODE_ROWS[use.kind][mode]!, role, use.arn, td));
    if (use.kind === "stream") {
        const key = r.inputs["encryptionType"] === "KMS" ? r.inputs["kmsKeyId"] : undefined;
        const ctx = { "kms:EncryptionContext:aws:kinesis:arn": use.arn };
        if (key !== undefined && use.modes.has("read")) out.push(...keyUse(m, "kinesis.key-read", role, key, "kinesis", td, ctx));
        if (key !== undefined && use.modes.has("write")) out.push(...keyUse(m, "kinesis.key-write", role, key, "kinesis", td, ctx));
        return out;
    }
    const sse = obj(r.inputs["serverSideEncryption"]);
    if (sse?.["enabled"] === true) out.push(...keyUse(m, "dynamodb.key", role, sse["kmsKeyArn"], "dynamodb", td, {}, use.modes.has("write") ? undefined : ["kms:Decrypt"]));
    return out;
}
