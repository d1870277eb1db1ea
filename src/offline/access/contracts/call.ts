/**
 * Turning a contract row into calls for one plan, and reading the inputs derivers need.
 */
import type { AccessModel } from "../model";
import type { AccessCall, AccessResource } from "../types";
import { CONTRACTS, type ContractId } from "./table";

export type Context = Record<string, string | readonly string[]>;

/** One call per action of the row, or only `actions` when given (a row's subset for one resource). */
export function calls(id: ContractId, principal: string, resource: string, wiredBy: AccessResource, context: Context = {}, actions?: readonly string[]): AccessCall[] {
    const row = CONTRACTS[id];
    return (actions ?? row.actions).map((action) => ({ contract: id, when: row.when, principal, action, resource, context, wiredBy: wiredBy.urn, doc: row.doc }));
}

export function str(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

export function obj(value: unknown): Record<string, unknown> | undefined {
    const v = Array.isArray(value) ? value[0] : value;
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : undefined;
}

export function list(value: unknown): unknown[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
}

/** A JSON input (container definitions, event patterns) as a value; undefined when unreadable. */
export function json(value: unknown): unknown {
    if (typeof value !== "string") return value;
    try {
        return JSON.parse(value) as unknown;
    } catch {
        return undefined;
    }
}

/** `sts:AssumeRole` by `service` on the role `roleArn`, when the plan creates that role. */
export function assume(m: AccessModel, id: ContractId, service: string, roleArn: unknown, wiredBy: AccessResource, context: Context): AccessCall[] {
    const role = typeof roleArn === "string" ? m.roles.get(roleArn) : undefined;
    return role === undefined ? [] : calls(id, service, role.arn, wiredBy, context);
}

/** The request context of a role using a key through a service (`kms:ViaService`). */
export function via(m: AccessModel, service: string, encryptionContext: Context = {}): Context {
    return { "kms:ViaService": `${service}.${m.region}.amazonaws.com`, "kms:CallerAccount": m.account, ...encryptionContext };
}

/** The key `ref` (an ARN, id or alias) names, followed through an alias; its ARN. */
export function keyArn(m: AccessModel, ref: unknown): string | undefined {
    const alias = m.find("aws:kms/alias:Alias", ref);
    const key = m.find("aws:kms/key:Key", alias !== undefined ? alias.inputs["targetKeyId"] : ref);
    return key === undefined ? undefined : m.arnOf(key);
}

/** Calls of a role using an encrypted resource's key through the service, when the key is the stack's. */
export function keyUse(m: AccessModel, id: ContractId, principal: string, keyRef: unknown, service: string, wiredBy: AccessResource, ctx: Context = {}, actions?: readonly string[]): AccessCall[] {
    const arn = keyArn(m, keyRef);
    return arn === undefined ? [] : calls(id, principal, arn, wiredBy, via(m, service, ctx), actions);
}

/** The log group a name or ARN refers to. */
export function logGroup(m: AccessModel, ref: unknown): AccessResource | undefined {
    const value = typeof ref === "string" ? ref.replace(/:\*$/, "") : ref;
    return m.find("aws:cloudwatch/logGroup:LogGroup", value);
}

/** The ARN of a log stream in `group`, as `logs:PutLogEvents` sees it. */
export function streamArn(m: AccessModel, group: AccessResource, stream = "stream"): string {
    return `${m.arnOf(group)}:log-stream:${stream}`;
}

/** The base of ARNs in this plan: `arn:aws:<service>:<region>:<account>:`. */
export function arnBase(m: AccessModel, service: string): string {
    return `arn:aws:${service}:${m.region}:${m.account}:`;
}
