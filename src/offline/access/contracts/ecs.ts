/**
 * ECS: the execution role starting a task (image pull, secrets and their keys, awslogs) and the
 * task role using the streams, tables and secrets its grants and environment name (task.ts).
 */
import type { AccessModel } from "../model";
import type { AccessCall, AccessResource } from "../types";
import { arnBase, assume, calls, json, list, logGroup, str, streamArn } from "./call";
import { secretCalls } from "./secrets";
import { taskUses, useCalls } from "./task";

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

/** The task role's calls on what the task uses (contracts/task.ts: its grants, then its environment). */
function taskCalls(m: AccessModel, td: AccessResource, role: string, containers: readonly Container[]): AccessCall[] {
    const environment = containers.flatMap((c) => (c.environment ?? []).flatMap((e) => (typeof e.value === "string" && e.value !== "" ? [e.value] : [])));
    return taskUses(m, role, environment).flatMap((use) => useCalls(m, td, role, use));
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
