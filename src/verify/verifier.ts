/**
 * What a check sees: the stack's offline plan (the design on the same inputs), its live
 * outputs, and `call`, the only way to reach AWS. `call` turns the SDK's errors into the three
 * outcomes a check reports: a denied or throttled call cannot be checked, a missing resource
 * fails, anything else is a bug in the verifier and is reported as could-not-check with its
 * message rather than crashing the run.
 */
import type { PlannedResource, StackPlan } from "../offline/model/types";
import { CALLS, Clients, type Action, type CallInput, type CallOutput } from "./calls";

export type Status = "pass" | "fail" | "could-not-check";

export interface Finding {
    readonly status: Status;
    /** The check's id, e.g. `rds.instance`. */
    readonly check: string;
    /** The AWS resource in the user's words: `<type> <name>`. */
    readonly resource: string;
    readonly property: string;
    readonly found?: unknown;
    readonly expected?: unknown;
    /** Why a property could not be checked. */
    readonly reason?: string;
}

/** The resource the plan has and the account does not. */
export class NotFound extends Error {}
/** A call the account refused or throttled past the SDK's retries. */
export class CannotCheck extends Error {}

const DENIED = /AccessDenied|UnauthorizedOperation|AuthorizationError|AuthFailure|NotAuthorized|InvalidClientTokenId|ExpiredToken|UnrecognizedClient/;
const MISSING = /NotFound|NoSuch|DoesNotExist|NonExistent/;
const THROTTLED = /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown|LimitExceeded/;

function errorName(e: unknown): string {
    const err = e as { name?: string; Code?: string; code?: string; message?: string };
    return [err.name, err.Code, err.code].filter(Boolean).join(" ");
}

export function classify(action: string, e: unknown): Error {
    const name = errorName(e);
    const message = (e as Error).message ?? String(e);
    if (DENIED.test(name)) return new CannotCheck(`${action} was denied (${name.split(" ")[0]}): ${message}`);
    if (MISSING.test(name)) return new NotFound(`${action}: ${message}`);
    if (THROTTLED.test(name)) return new CannotCheck(`${action} was still throttled after the SDK's retries`);
    return new CannotCheck(`${action} failed (${name || "error"}): ${message}`);
}

export interface VerifierOptions {
    readonly plan: StackPlan;
    readonly outputs: Record<string, unknown>;
    readonly clients: Clients;
}

export class Verifier {
    readonly plan: StackPlan;
    readonly outputs: Record<string, unknown>;
    /** How many times each action was called: the run's cost, and the policy test's evidence. */
    readonly called = new Map<Action, number>();
    private readonly clients: Clients;
    private readonly memo = new Map<string, Promise<unknown>>();

    constructor(opts: VerifierOptions) {
        this.plan = opts.plan;
        this.outputs = opts.outputs;
        this.clients = opts.clients;
    }

    /** One read call; identical calls within a run are made once. */
    call<A extends Action>(action: A, input: CallInput<A>): Promise<CallOutput<A>> {
        const key = `${action} ${JSON.stringify(input)}`;
        let pending = this.memo.get(key);
        if (!pending) {
            this.called.set(action, (this.called.get(action) ?? 0) + 1);
            const fn = CALLS[action].send as (c: Clients, i: CallInput<A>) => Promise<CallOutput<A>>;
            pending = Promise.resolve()
                .then(() => fn(this.clients, input))
                .catch((e: unknown) => {
                throw classify(action, e);
            });
            this.memo.set(key, pending);
        }
        return pending as Promise<CallOutput<A>>;
    }

    ofType(type: string): PlannedResource[] {
        return this.plan.resources.filter((r) => r.type === type);
    }

    /** The planned resource (of `type`) an input refers to by its mock id, ARN or name. */
    referenced(type: string, ref: unknown): PlannedResource | undefined {
        if (typeof ref !== "string") return undefined;
        const candidates = this.ofType(type).sort((a, b) => b.name.length - a.name.length);
        return candidates.find((r) => ref === `${r.name}-id` || ref.endsWith(`/${r.name}-key-id`) || ref === `${r.name}-key-id` || ref.endsWith(`/${r.name}`) || ref === r.inputs.name);
    }

    /**
     * The live ARN of the KMS key a planned input refers to, found through the key's alias (the
     * key itself has no name): undefined when the input names no planned key.
     */
    async liveKeyArn(ref: unknown): Promise<string | undefined> {
        const key = this.referenced("aws:kms/key:Key", ref);
        if (!key) return typeof ref === "string" ? ref : undefined;
        const alias = this.ofType("aws:kms/alias:Alias").find((a) => this.referenced("aws:kms/key:Key", a.inputs.targetKeyId) === key);
        if (!alias) throw new CannotCheck(`key ${key.name} has no alias to find it by`);
        const described = await this.call("kms:DescribeKey", { KeyId: String(alias.inputs.name) });
        return described.KeyMetadata?.Arn;
    }

    /** The live value of the output whose planned value is `plannedValue`. */
    liveOutputFor(plannedValue: unknown): string | undefined {
        const key = Object.keys(this.plan.outputs).find((k) => this.plan.outputs[k] === plannedValue);
        const live = key === undefined ? undefined : this.outputs[key];
        return typeof live === "string" && live !== "" ? live : undefined;
    }

    /** The live value of the output that carries a planned resource's id or ARN. */
    liveOutputReferring(r: PlannedResource): string | undefined {
        const planned = Object.values(this.plan.outputs).find((value) => typeof value === "string" && (value === `${r.name}-id` || value.endsWith(`/${r.name}`)));
        return this.liveOutputFor(planned);
    }

    /** The account the stack was deployed to, read from the ARNs among its outputs. */
    account(): string {
        for (const value of Object.values(this.outputs)) {
            const match = typeof value === "string" ? /^arn:aws[\w-]*:[^:]*:[^:]*:(\d{12}):/.exec(value) : null;
            if (match?.[1]) return match[1];
        }
        throw new CannotCheck("no stack output is an ARN to read the account from");
    }

    /** `arn:aws:<service>:<region>:<account>:<resource>` in the stack's region and account. */
    liveArn(service: string, resource: string): string {
        return `arn:aws:${service}:${this.plan.region}:${this.account()}:${resource}`;
    }
}
