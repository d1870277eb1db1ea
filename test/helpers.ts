/**
 * Helpers for tests on what a program registers: plan a stack once per test file (each plan is
 * a child process under the mock runtime) and query its resources.
 */
import assert from "node:assert/strict";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import lockfile from "proper-lockfile";
import { planStack } from "../src/offline/plan/planner";
import { readProject } from "../src/offline/plan/project";
import type { RunOptions } from "../src/offline/plan/program";
import type { PlannedResource, StackPlan } from "../src/offline/model/types";
import { statements, type Statement } from "../src/offline/policy/documents";

export const REPO = path.resolve(__dirname, "..");

/** The four systems of this repository, and each one's two stacks. */
export const SYSTEMS = ["fastcart-orders", "brazilcart-cicd", "payment-pipeline", "service-pipeline"] as const;
export const PRODUCT_STACKS: readonly (readonly [string, string])[] = SYSTEMS.flatMap((p) => (["dev", "prod"] as const).map((s) => [p, s] as const));

export function projectDir(name: string): string {
    return path.join(REPO, "stacks", name);
}

/**
 * Plans of the repository's stacks, cached under out/test-plans by a fingerprint of every file
 * in src/ and stacks/ plus the stack, options and environment: test files that plan the same
 * stack (a system's tests and the report's) share one run, and any change to the code or the
 * stack files makes a fresh plan. `npm test` runs test files in separate processes, so the
 * cache is on disk; a file is written whole (rename) so a reader never sees half of it. Two
 * processes that want the same plan at once plan it once: the second waits on the first's lock
 * (proper-lockfile: a lock whose holder died goes stale in seconds and is taken over).
 */
const CACHE = path.join(REPO, "out", "test-plans");
let fingerprint: string | undefined;

function sourceFingerprint(): string {
    if (fingerprint) return fingerprint;
    const hash = crypto.createHash("sha256");
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (!entry.name.endsWith(".test.ts")) hash.update(full).update(fs.readFileSync(full));
        }
    };
    walk(path.join(REPO, "src"));
    walk(path.join(REPO, "stacks"));
    hash.update(fs.readFileSync(path.join(REPO, "package-lock.json")));
    fingerprint = hash.digest("hex");
    return fingerprint;
}

export async function plan(projectName: string, stack: string, opts: RunOptions = {}): Promise<StackPlan> {
    const env = ["ENVIRONMENT_SUFFIX", "AWS_REGION", "PROFILE", "COST_CENTER", "OWNER"].map((k) => process.env[k] ?? "");
    const key = crypto.createHash("sha256").update(JSON.stringify([sourceFingerprint(), projectName, stack, opts, env])).digest("hex").slice(0, 24);
    const file = path.join(CACHE, `${projectName}.${stack}.${key}.json`);
    const cached = () => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as StackPlan) : undefined);
    const hit = cached();
    if (hit) return hit;
    fs.mkdirSync(CACHE, { recursive: true });
    // Held while planning: a plan takes a few seconds, so wait up to a minute for another process's.
    const release = await lockfile.lock(file, { realpath: false, stale: 10_000, retries: { retries: 300, minTimeout: 100, maxTimeout: 200 } });
    try {
        const planned = cached();
        if (planned) return planned;
        const result = await planStack(readProject(projectDir(projectName)), stack, opts);
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify(result));
        fs.renameSync(tmp, file);
        return result;
    } finally {
        await release();
    }
}

export function ofType(plan: StackPlan, type: string): PlannedResource[] {
    return plan.resources.filter((r) => r.type === type);
}

/** The single resource of `type` (optionally with logical `name`); fails the test otherwise. */
export function one(plan: StackPlan, type: string, name?: string): PlannedResource {
    const found = ofType(plan, type).filter((r) => name === undefined || r.name === name);
    assert.equal(found.length, 1, `expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}`);
    return found[0]!;
}

/**
 * The single resource of `type` whose AWS name (input `key`, `name` by default) is `awsName`;
 * fails the test otherwise. `one` finds by logical name, this by the name AWS shows.
 */
export function withAwsName(plan: StackPlan, type: string, awsName: string, key = "name"): PlannedResource {
    const found = ofType(plan, type).filter((r) => r.inputs[key] === awsName);
    assert.equal(found.length, 1, `expected one ${type} with ${key} ${awsName}, found ${found.length}`);
    return found[0]!;
}

/** A statement's actions, or resources, as a list whatever form the document gives them in. */
export function actionsOf(s: { readonly Action?: unknown }): string[] {
    return [s.Action].flat() as string[];
}

export function resourcesOf(s: { readonly Resource?: unknown }): string[] {
    return [s.Resource].flat() as string[];
}

export function byName(plan: StackPlan, name: string): PlannedResource {
    const found = plan.resources.filter((r) => r.name === name);
    assert.equal(found.length, 1, `expected one resource named ${name}, found ${found.length}`);
    return found[0]!;
}

export function input<T = unknown>(r: PlannedResource, key: string): T {
    return r.inputs[key] as T;
}

/** Statements of a policy document input (JSON string or object). */
export function docStatements(r: PlannedResource, key = "policy"): Statement[] {
    return statements(r.inputs[key]);
}

/** Every taggable resource of the plan: those whose inputs carry `tags`. */
export function tagged(plan: StackPlan): PlannedResource[] {
    return plan.resources.filter((r) => r.custom && r.inputs.tags !== undefined);
}

/** Asserts the plan ran, and no mandatory control failed. */
export function assertClean(plan: StackPlan): void {
    assert.equal(plan.error, null, `plan error: ${plan.error}`);
    const mandatory = plan.violations.filter((v) => v.level === "mandatory");
    assert.deepEqual(mandatory, [], `mandatory violations:\n${mandatory.map((v) => `${v.policy} ${v.urn}: ${v.message}`).join("\n")}`);
}

/** Resource types of @pulumi/aws that take no `tags` input. Everything else must be tagged. */
export const UNTAGGABLE = new Set([
    "aws:ec2/route:Route",
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:kms/alias:Alias",
    "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    "aws:ecr/repositoryPolicy:RepositoryPolicy",
    "aws:secretsmanager/secretVersion:SecretVersion",
    "aws:secretsmanager/secretRotation:SecretRotation",
    "aws:sns/topicPolicy:TopicPolicy",
    "aws:sns/topicSubscription:TopicSubscription",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/bucketLogging:BucketLogging",
    "aws:cloudwatch/eventTarget:EventTarget",
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy",
    "aws:lambda/permission:Permission",
    "aws:lambda/alias:Alias",
    "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
    "aws:appautoscaling/target:Target",
    "aws:appautoscaling/policy:Policy",
    "aws:lb/listenerRule:ListenerRule",
    "aws:codestarnotifications/notificationRule:NotificationRule",
]);

export function assertTagged(plan: StackPlan, expected: Record<string, string>): void {
    const missing: string[] = [];
    for (const r of plan.resources) {
        if (!r.custom || !r.type.startsWith("aws:") || UNTAGGABLE.has(r.type)) continue;
        const tags = (r.inputs.tags ?? {}) as Record<string, string>;
        for (const [k, v] of Object.entries(expected)) {
            if (tags[k] !== v) missing.push(`${r.type} ${r.name}: tag ${k}=${tags[k] ?? "(missing)"}, expected ${v}`);
        }
    }
    assert.deepEqual(missing, []);
}
