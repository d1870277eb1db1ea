/**
 * ECS: the execution role starting a task (image pull, secrets and their keys, awslogs) and the
 * task role using what the task definition's environment names (a Kinesis stream and its key).
 */
import type { AccessModel } from "../model";
import type { AccessCall, AccessResource } from "../types";
import { arnBase, assume, calls, json, keyUse, list, logGroup, obj, str, streamArn } from "./call";

interface Container {
    readonly image?: string;
    readonly environment?: readonly { readonly value?: string }[];
    readonly secrets?: readonly { readonly valueFrom?: string }[];
    readonly logConfiguration?: { readonly logDriver?: string; readonly options?: Record<string, string> };
}

/** The repository an ECR image URI (`<account>.dkr.ecr.<region>.amazonaws.com/<name>[:tag|@digest]`) pulls from. */
export function repositoryOf(m: AccessModel, image: unknown): AccessResource | undefined {
    const match = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/([^:@]+)/.exec(String(image ?? ""));
    return match === null ? undefined : m.find("aws:ecr/repository:Repository", match[1]);
}

/** The secret a `valueFrom` (`<secret ARN>[:<json key>:<stage>:<version>]`) reads, and its key. */
export function secretOf(m: AccessModel, valueFrom: string): { arn: string; keyRef: unknown } | undefined {
    const arn = valueFrom.split(":").slice(0, 7).join(":");
    const secret = m.find("aws:secretsmanager/secret:Secret", arn);
    if (secret) return { arn, keyRef: secret.inputs["kmsKeyId"] };
    // An RDS-managed master secret: RDS names it `rds!db-...` and encrypts it with the instance's key.
    const db = m.ofType("aws:rds/instance:Instance").find((d) => d.inputs["manageMasterUserPassword"] === true && arn.includes(`rds!db-${d.name}`));
    return db ? { arn, keyRef: db.inputs["masterUserSecretKmsKeyId"] } : undefined;
}

/** The calls of a role reading one secret (`valueFrom` or ARN) and decrypting it with its key. */
export function secretCalls(m: AccessModel, id: "ecs.secret" | "ecs.task.secret" | "codebuild.secret", role: string, valueFrom: string, wiredBy: AccessResource): AccessCall[] {
    const secret = secretOf(m, valueFrom);
    if (secret === undefined) return [];
    return [...calls(id, role, secret.arn, wiredBy), ...keyUse(m, "secretsmanager.key", role, secret.keyRef, "secretsmanager", wiredBy, { "kms:EncryptionContext:SecretARN": secret.arn })];
}

function executionCalls(m: AccessModel, td: AccessResource, role: string, containers: readonly Container[]): AccessCall[] {
    const out: AccessCall[] = [];
    for (const c of containers) {
        const repo = repositoryOf(m, c.image);
        if (repo) {
            out.push(...calls("ecs.ecr-login", role, "*", td), ...calls("ecs.ecr-pull", role, m.arnOf(repo), td));
        }
        for (const s of c.secrets ?? []) {
            const from = str(s.valueFrom);
            if (from === undefined) continue;
            if (from.startsWith("arn:aws:ssm:") || !from.startsWith("arn:")) {
                const name = from.startsWith("arn:") ? from : `${arnBase(m, "ssm")}parameter/${from.replace(/^\//, "")}`;
                out.push(...calls("ecs.parameter", role, name, td));
            } else {
                out.push(...secretCalls(m, "ecs.secret", role, from, td));
            }
        }
        const logs = c.logConfiguration;
        const group = logs?.logDriver === "awslogs" ? logGroup(m, logs.options?.["awslogs-group"]) : undefined;
        if (group) out.push(...calls("ecs.awslogs", role, streamArn(m, group, `${logs?.options?.["awslogs-stream-prefix"] ?? "ecs"}/task`), td));
    }
    return out;
}

function taskCalls(m: AccessModel, td: AccessResource, role: string, containers: readonly Container[]): AccessCall[] {
    const out: AccessCall[] = [];
    const values = new Set(containers.flatMap((c) => (c.environment ?? []).map((e) => e.value)));
    for (const stream of m.ofType("aws:kinesis/stream:Stream").filter((s) => values.has(str(s.inputs["name"])) || values.has(m.arnOf(s)))) {
        const arn = m.arnOf(stream);
        const enc = obj(stream.inputs)?.["encryptionType"] === "KMS" ? stream.inputs["kmsKeyId"] : undefined;
        const ctx = { "kms:EncryptionContext:aws:kinesis:arn": arn };
        out.push(...calls("ecs.task.kinesis-read", role, arn, td));
        if (enc !== undefined) out.push(...keyUse(m, "kinesis.key-read", role, enc, "kinesis", td, ctx));
    }
    for (const value of values) {
        if (typeof value === "string" && value.startsWith("arn:") && value.includes(":secretsmanager:")) out.push(...secretCalls(m, "ecs.task.secret", role, value, td));
    }
    return out;
}

export function ecsCalls(m: AccessModel): AccessCall[] {
    const out: AccessCall[] = [];
    for (const td of m.ofType("aws:ecs/taskDefinition:TaskDefinition")) {
        const containers = list(json(td.inputs["containerDefinitions"])) as Container[];
        const assumeContext = { "aws:SourceAccount": m.account, "aws:SourceArn": `${arnBase(m, "ecs")}task/cluster/task-id` };
        const execution = str(td.inputs["executionRoleArn"]);
        if (execution !== undefined) {
            out.push(...assume(m, "ecs.assume-role", "ecs-tasks.amazonaws.com", execution, td, assumeContext), ...executionCalls(m, td, execution, containers));
        }
        const task = str(td.inputs["taskRoleArn"]);
        if (task !== undefined) out.push(...assume(m, "ecs.assume-role", "ecs-tasks.amazonaws.com", task, td, assumeContext), ...taskCalls(m, td, task, containers));
    }
    return out;
}
