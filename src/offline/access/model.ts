/**
 * The plan as IAM sees it: every role with its trust and identity policies, and every resource
 * policy (bucket, topic, repository, secret, key, log, Lambda permission) found by the ARN it
 * governs. ARNs and ids are the ones the program saw: the offline planner's mocks compute them
 * from each resource's type, name and inputs, and this module asks the same mocks.
 */
import { PlanMocks, MOCK_ACCOUNT_ID } from "../model/mocks";
import { managedPolicyDocument } from "./managed";
import type { AccessResource } from "./types";

export interface Statement {
    readonly Sid?: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal?: unknown;
    readonly Action?: string | string[];
    readonly NotAction?: string | string[];
    readonly Resource?: string | string[];
    readonly NotResource?: string | string[];
    readonly Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
    readonly Version?: string;
    readonly Statement: readonly Statement[];
}

/** One policy document of the plan, with the resource that carries it (the one to change). */
export interface PlanDocument {
    readonly urn: string;
    readonly kind: "identity" | "resource" | "trust" | "key";
    /** Unique within a check: the carrier's URN plus the field, so statements can be named. */
    readonly id: string;
    readonly document: PolicyDocument;
}

export interface Role {
    readonly arn: string;
    readonly resource: AccessResource;
    readonly trust: PlanDocument | undefined;
    readonly identity: readonly PlanDocument[];
}

export interface AccessModel {
    readonly region: string;
    readonly account: string;
    readonly resources: readonly AccessResource[];
    readonly roles: ReadonlyMap<string, Role>;
    readonly documents: readonly PlanDocument[];
    arnOf(resource: AccessResource): string;
    /** The resource of `type` that `ref` (an ARN, id or explicit name) names. */
    find(type: string, ref: unknown): AccessResource | undefined;
    ofType(type: string): AccessResource[];
    /** The resource policy that governs `arn`, with the resource to change when it denies. */
    resourcePolicy(arn: string): { readonly doc: PlanDocument | undefined; readonly urn: string | undefined };
}

export function asArray<T>(value: T | readonly T[] | undefined | null): T[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
}

/** A policy document given as a JSON string or an object; undefined when absent or unreadable. */
export function parsePolicy(value: unknown): PolicyDocument | undefined {
    let doc = value;
    if (typeof value === "string") {
        if (value.trim() === "") return undefined;
        try {
            doc = JSON.parse(value) as unknown;
        } catch {
            return undefined;
        }
    }
    if (typeof doc !== "object" || doc === null) return undefined;
    const statements = (doc as { Statement?: unknown }).Statement;
    return { ...(doc as object), Statement: asArray(statements as Statement | Statement[] | undefined) };
}

const NAME_INPUTS = ["name", "bucket", "repositoryName", "functionName", "family", "identifier", "replicationGroupId", "deploymentGroupName", "appName"] as const;

/** AWS's default key policy: the account, through IAM, and nothing else. */
function defaultKeyPolicy(account: string): PolicyDocument {
    return { Version: "2012-10-17", Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "kms:*", Resource: "*" }] };
}

function lambdaPermissionStatement(p: AccessResource, functionArn: string): Statement {
    const i = p.inputs;
    const condition: Record<string, Record<string, unknown>> = {};
    if (typeof i["sourceArn"] === "string") condition["ArnLike"] = { "AWS:SourceArn": i["sourceArn"] };
    if (typeof i["sourceAccount"] === "string") condition["StringEquals"] = { "AWS:SourceAccount": i["sourceAccount"] };
    const principal = String(i["principal"] ?? "");
    return {
        Sid: String(i["statementId"] ?? p.name),
        Effect: "Allow",
        Principal: principal.endsWith(".amazonaws.com") ? { Service: principal } : { AWS: principal },
        Action: String(i["action"] ?? "lambda:InvokeFunction"),
        Resource: functionArn,
        ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
}

/** The plan's resources indexed by type and by every string that names them (ARN, id, URN, AWS name). */
interface ResourceIndex {
    arnOf(resource: AccessResource): string;
    find(type: string, ref: unknown): AccessResource | undefined;
    ofType(type: string): AccessResource[];
}

function indexResources(resources: readonly AccessResource[], region: string): ResourceIndex {
    const mocks = new PlanMocks(region);
    const arns = new Map<string, string>();
    const index = new Map<string, AccessResource>();
    const byType = new Map<string, AccessResource[]>();
    for (const r of resources) {
        const { id, state } = mocks.newResource({ type: r.type, name: r.name, inputs: r.inputs, custom: true });
        const arn = typeof state["arn"] === "string" ? state["arn"] : "";
        arns.set(r.urn, arn);
        for (const ref of [arn, id, r.urn, ...NAME_INPUTS.map((k) => r.inputs[k])]) {
            if (typeof ref === "string" && ref !== "") index.set(`${r.type}\u0000${ref}`, r);
        }
        byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
    }
    return {
        arnOf: (r) => arns.get(r.urn) ?? "",
        ofType: (type) => byType.get(type) ?? [],
        find: (type, ref) => (typeof ref === "string" ? index.get(`${type}\u0000${ref}`) : undefined),
    };
}

/** Collects every parsed document of the plan, in the order they are read. */
class Documents {
    readonly all: PlanDocument[] = [];

    add(r: AccessResource, field: string, kind: PlanDocument["kind"], value: unknown): PlanDocument | undefined {
        const document = parsePolicy(value);
        if (document === undefined) return undefined;
        const d = { urn: r.urn, kind, id: `${r.urn}#${field}`, document };
        this.all.push(d);
        return d;
    }
}

/** Every role with its trust policy and the identity policies it carries, has put on it, or has attached. */
function rolesOf(ix: ResourceIndex, docs: Documents): Map<string, Role> {
    const roles = new Map<string, Role>();
    for (const role of ix.ofType("aws:iam/role:Role")) {
        const identity: PlanDocument[] = [];
        asArray(role.inputs["inlinePolicies"] as unknown[]).forEach((p, i) => {
            const d = docs.add(role, `inlinePolicies[${i}]`, "identity", (p as { policy?: unknown }).policy);
            if (d) identity.push(d);
        });
        for (const arn of asArray(role.inputs["managedPolicyArns"] as string[])) {
            const managed = managedPolicyDocument(arn);
            if (managed) identity.push({ urn: role.urn, kind: "identity", id: arn, document: managed });
        }
        roles.set(ix.arnOf(role), { arn: ix.arnOf(role), resource: role, trust: docs.add(role, "assumeRolePolicy", "trust", role.inputs["assumeRolePolicy"]), identity });
    }
    const roleArn = (ref: unknown) => {
        const r = ix.find("aws:iam/role:Role", ref);
        return r === undefined ? undefined : ix.arnOf(r);
    };
    const identityOf = (ref: unknown) => roles.get(roleArn(ref) ?? "")?.identity as PlanDocument[] | undefined;
    for (const rp of ix.ofType("aws:iam/rolePolicy:RolePolicy")) {
        const d = docs.add(rp, "policy", "identity", rp.inputs["policy"]);
        if (d) identityOf(rp.inputs["role"])?.push(d);
    }
    const customerPolicies = new Map(ix.ofType("aws:iam/policy:Policy").map((p) => [ix.arnOf(p), p]));
    const attached = new Set<string>();
    for (const at of ix.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
        const identity = identityOf(at.inputs["role"]);
        const arn = String(at.inputs["policyArn"] ?? "");
        const key = `${roleArn(at.inputs["role"])}\u0000${arn}`;
        if (identity === undefined || attached.has(key)) continue;
        attached.add(key);
        const policy = customerPolicies.get(arn);
        const d = policy !== undefined ? docs.add(policy, "policy", "identity", policy.inputs["policy"]) : undefined;
        const managed = policy === undefined ? managedPolicyDocument(arn) : undefined;
        if (d) identity.push(d);
        else if (managed) identity.push({ urn: at.urn, kind: "identity", id: arn, document: managed });
    }
    return roles;
}

type Governing = { readonly doc: PlanDocument | undefined; readonly urn: string | undefined };

/** Key policies (a separate KeyPolicy wins; AWS's default when none is given) by key ARN. */
function keyPolicies(ix: ResourceIndex, docs: Documents, account: string, byArn: Map<string, Governing>): void {
    for (const key of ix.ofType("aws:kms/key:Key")) {
        const separate = ix.ofType("aws:kms/keyPolicy:KeyPolicy").find((p) => ix.find("aws:kms/key:Key", p.inputs["keyId"]) === key);
        const carrier = separate ?? key;
        const d = docs.add(carrier, "policy", "key", carrier.inputs["policy"]) ?? { urn: key.urn, kind: "key" as const, id: `${key.urn}#default`, document: defaultKeyPolicy(account) };
        byArn.set(ix.arnOf(key), { doc: d, urn: carrier.urn });
    }
}

/** Bucket, topic, repository and secret policies and Lambda permissions, by the ARN they govern. */
function resourcePolicies(ix: ResourceIndex, docs: Documents, byArn: Map<string, Governing>): void {
    const set = (arn: string, carrier: AccessResource, field: string, value: unknown, owner: AccessResource) => {
        const d = docs.add(carrier, field, "resource", value);
        if (d) byArn.set(arn, { doc: d, urn: carrier.urn });
        else if (!byArn.has(arn)) byArn.set(arn, { doc: undefined, urn: owner.urn });
    };
    const attach = (policyType: string, ref: string, ownerType: string) => {
        for (const p of ix.ofType(policyType)) {
            const owner = ix.find(ownerType, p.inputs[ref]);
            if (owner) set(ix.arnOf(owner), p, "policy", p.inputs["policy"], owner);
        }
    };
    attach("aws:s3/bucketPolicy:BucketPolicy", "bucket", "aws:s3/bucket:Bucket");
    attach("aws:sns/topicPolicy:TopicPolicy", "arn", "aws:sns/topic:Topic");
    attach("aws:ecr/repositoryPolicy:RepositoryPolicy", "repository", "aws:ecr/repository:Repository");
    attach("aws:secretsmanager/secretPolicy:SecretPolicy", "secretArn", "aws:secretsmanager/secret:Secret");
    for (const topic of ix.ofType("aws:sns/topic:Topic")) if (!byArn.has(ix.arnOf(topic))) set(ix.arnOf(topic), topic, "policy", topic.inputs["policy"], topic);
    for (const fn of ix.ofType("aws:lambda/function:Function")) {
        const statements = ix
            .ofType("aws:lambda/permission:Permission")
            .filter((p) => ix.find("aws:lambda/function:Function", p.inputs["function"]) === fn)
            .map((p) => lambdaPermissionStatement(p, ix.arnOf(fn)));
        const d: PlanDocument = { urn: fn.urn, kind: "resource", id: `${fn.urn}#permissions`, document: { Version: "2012-10-17", Statement: statements } };
        if (statements.length > 0) docs.all.push(d);
        byArn.set(ix.arnOf(fn), { doc: statements.length > 0 ? d : undefined, urn: fn.urn });
    }
}

const NONE: Governing = { doc: undefined, urn: undefined };

/** The policy that governs an ARN: CloudWatch Logs' account-wide ones, a bucket's for its objects, a role's trust. */
function governing(ix: ResourceIndex, docs: Documents, roles: ReadonlyMap<string, Role>, byArn: ReadonlyMap<string, Governing>): (arn: string) => Governing {
    // CloudWatch Logs resource policies are account-wide: every one governs every log group.
    const logPolicies = ix.ofType("aws:cloudwatch/logResourcePolicy:LogResourcePolicy").flatMap((p) => {
        const d = docs.add(p, "policyDocument", "resource", p.inputs["policyDocument"]);
        return d ? [d] : [];
    });
    const logs: Governing =
        logPolicies.length === 0
            ? NONE
            : {
                  doc: { urn: logPolicies[0]!.urn, kind: "resource", id: "logs#account", document: { Version: "2012-10-17", Statement: logPolicies.flatMap((d) => d.document.Statement) } },
                  urn: logPolicies.length === 1 ? logPolicies[0]!.urn : undefined,
              };
    return (arn) => {
        if (arn.startsWith("arn:aws:logs:")) return logs;
        if (arn.startsWith("arn:aws:s3:::")) return byArn.get(`arn:aws:s3:::${arn.slice(13).split("/")[0]}`) ?? NONE;
        if (arn.startsWith("arn:aws:lambda:")) return byArn.get(arn.split(":").slice(0, 7).join(":")) ?? NONE;
        const role = roles.get(arn);
        if (role) return { doc: role.trust, urn: role.resource.urn };
        return byArn.get(arn) ?? NONE;
    };
}

export function buildModel(resources: readonly AccessResource[], region: string, account = MOCK_ACCOUNT_ID): AccessModel {
    const ix = indexResources(resources, region);
    const docs = new Documents();
    const roles = rolesOf(ix, docs);
    const byArn = new Map<string, Governing>();
    keyPolicies(ix, docs, account, byArn);
    resourcePolicies(ix, docs, byArn);
    const resourcePolicy = governing(ix, docs, roles, byArn);
    return { region, account, resources, roles, documents: docs.all, arnOf: ix.arnOf, find: ix.find, ofType: ix.ofType, resourcePolicy };
}
