/**
 * The verifier's IAM policy, written from the calls a run makes: the checks run against a
 * correct deployment of the plan (`fakeAnswers.ts`) through the real SDK clients, whose
 * middleware answers before anything leaves the process, and each call's ARNs come from its
 * entry in `calls.ts`. So the policy names exactly the actions the code calls, each on the
 * resources it reads, and `Resource: "*"` only for actions the Service Authorization Reference
 * gives no resource type (tests hold it to the reference and evaluate every call against it).
 *
 * - `stackPolicy(plan)`: one stack's policy, its resources by name in the stack's region, any
 *   account (`npm run verify -- stacks/<project> --stack <name> --print-policy`).
 * - `productPolicy(plans)`: `verifier-policy.json`, one policy for every stack of this
 *   repository's four systems: the stacks' policies with the region and the environment suffix
 *   made wildcards, so one role can verify dev, staging and prod. `npx tsx src/verify/policy.ts`
 *   rewrites it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MOCK_ACCOUNT_ID } from "../offline/model/mocks";
import type { StackPlan } from "../offline/model/types";
import { planStack } from "../offline/plan/planner";
import { readProject } from "../offline/plan/project";
import { callArns, Clients, type Action, type CallInput, type Place } from "./calls";
import { actionOf } from "./commands";
import { answers } from "./fakeAnswers";
import { runChecks } from "./run";
import { Verifier, type Finding } from "./verifier";

export const POLICY_FILE = path.join(__dirname, "verifier-policy.json");

export interface PolicyStatement {
    readonly Sid: string;
    readonly Effect: "Allow";
    readonly Action: readonly string[];
    readonly Resource: string | readonly string[];
}

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly PolicyStatement[];
}

export interface PlannedCall {
    readonly action: Action;
    readonly input: CallInput<Action>;
}

interface Middleware {
    middlewareStack: { add(mw: (next: unknown, context: { clientName: string; commandName: string }) => (args: { input: object }) => Promise<unknown>, opts: object): void };
}

/** The calls a run makes against a correct deployment of the plan, and the findings (all passes when the answers cover the plan). */
export async function plannedCalls(plan: StackPlan): Promise<{ calls: PlannedCall[]; findings: Finding[] }> {
    const correct = answers(plan);
    const calls: PlannedCall[] = [];
    const prepare = (client: object) =>
        (client as Middleware).middlewareStack.add(
            (_next, context) => async (args) => {
                const action = actionOf(context.clientName, context.commandName);
                if (action === undefined) throw new Error(`${context.clientName} ${context.commandName} is not a call of calls.ts`);
                calls.push({ action, input: structuredClone(args.input) as CallInput<Action> });
                return { output: { $metadata: {}, ...(correct[action](args.input as Record<string, unknown>) as object) }, response: {} };
            },
            { step: "initialize", name: "plannedAccount", priority: "high" },
        );
    const v = new Verifier({ plan, outputs: plan.outputs, clients: new Clients({ region: plan.region, maxAttempts: 1, retryMode: "standard" }, prepare) });
    return { calls, findings: await runChecks(v) };
}

/** The AWS partition of a region. */
export function partitionOf(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    return "aws";
}

/** Each action with the ARNs its calls read; the plan's mock account (in bucket names) is any account. */
function resourcesByAction(plan: StackPlan, calls: readonly PlannedCall[]): Map<Action, Set<string>> {
    const at: Place = { partition: partitionOf(plan.region), region: plan.region, account: "*" };
    const out = new Map<Action, Set<string>>();
    for (const { action, input } of calls) {
        const set = out.get(action) ?? new Set<string>();
        for (const arn of callArns(action, input, at)) set.add(arn.replaceAll(MOCK_ACCOUNT_ID, "*"));
        out.set(action, set);
    }
    return out;
}

const pascal = (s: string) => s.replace(/(^|[-_])([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** One statement per set of resources, named by the service and the resource kind. */
function document(byAction: ReadonlyMap<Action, ReadonlySet<string>>): PolicyDocument {
    const groups = new Map<string, Action[]>();
    for (const [action, arns] of [...byAction].sort(([a], [b]) => a.localeCompare(b))) {
        const key = JSON.stringify([...arns].sort());
        groups.set(key, [...(groups.get(key) ?? []), action]);
    }
    const used = new Map<string, number>();
    const statements = [...groups].map(([key, actions]): PolicyStatement => {
        const resources = JSON.parse(key) as string[];
        const wildcard = resources.length === 1 && resources[0] === "*";
        const kind = wildcard ? "" : (/^([a-z-]+)[/:]/.exec(resources[0]!.split(":").slice(5).join(":"))?.[1] ?? (resources[0]!.startsWith("arn:aws:s3:::") ? "bucket" : ""));
        const base = wildcard ? "NoResourceLevelPermissions" : `Read${pascal(actions[0]!.split(":")[0]!)}${pascal(kind)}`;
        const n = (used.get(base) ?? 0) + 1;
        used.set(base, n);
        return { Sid: n === 1 ? base : `${base}${n}`, Effect: "Allow", Action: actions, Resource: wildcard ? "*" : resources };
    });
    return { Version: "2012-10-17", Statement: statements.sort((a, b) => a.Sid.localeCompare(b.Sid)) };
}

/**
 * The exact policy one stack's verification needs. `warn` hears of each check the dry run could
 * not complete (a resource without an explicit name): its calls past that point are not in the policy.
 */
export async function stackPolicy(plan: StackPlan, warn?: (message: string) => void): Promise<PolicyDocument> {
    const { calls, findings } = await plannedCalls(plan);
    for (const f of findings.filter((x) => x.status !== "pass")) warn?.(`${f.resource}: ${f.property}: ${f.reason ?? "the dry run did not pass"}`);
    return document(resourcesByAction(plan, calls));
}

/** The stack's environment suffix, as its resources' tags carry it. */
export function suffixOf(plan: StackPlan): string {
    const tagged = plan.resources.map((r) => (r.inputs.tags as Record<string, string> | undefined)?.Environment).find((e) => typeof e === "string" && e !== "");
    return tagged ?? plan.stack;
}

/** An ARN of one stack made to cover every stack of its system: any region, any environment suffix. */
export function generalised(arn: string, plan: StackPlan): string {
    const suffix = suffixOf(plan).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return arn.replaceAll(plan.region, "*").replace(new RegExp(`(?<=[-/:])${suffix}(?=$|[-/:])`, "g"), "*");
}

/** One policy for every stack of the given plans' systems. */
export async function productPolicy(plans: readonly StackPlan[]): Promise<PolicyDocument> {
    const merged = new Map<Action, Set<string>>();
    for (const plan of plans) {
        for (const [action, arns] of resourcesByAction(plan, (await plannedCalls(plan)).calls)) {
            const set = merged.get(action) ?? new Set<string>();
            arns.forEach((arn) => set.add(generalised(arn, plan)));
            merged.set(action, set);
        }
    }
    return document(merged);
}

export function formatPolicy(doc: PolicyDocument): string {
    return `${JSON.stringify(doc, null, 4)}\n`;
}

/** Every stack file of every project under stacks/. */
function productStacks(root: string): [dir: string, stack: string][] {
    const stacks = path.join(root, "stacks");
    return fs.readdirSync(stacks).sort().flatMap((p) =>
        fs
            .readdirSync(path.join(stacks, p))
            .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
            .filter((s): s is string => s !== undefined)
            .sort()
            .map((s): [string, string] => [path.join(stacks, p), s]),
    );
}

if (require.main === module) {
    void (async () => {
        const plans: StackPlan[] = [];
        for (const [dir, stack] of productStacks(path.resolve(__dirname, "../.."))) {
            const plan = await planStack(readProject(dir), stack);
            if (plan.error !== null) throw new Error(`${dir} ${stack}: ${plan.error}`);
            plans.push(plan);
        }
        fs.writeFileSync(POLICY_FILE, formatPolicy(await productPolicy(plans)));
        console.log(`wrote ${POLICY_FILE} from ${plans.length} stacks`);
    })();
}
