/**
 * What the answers of a correct deployment share: the plan, lookups by type and name, and the
 * values AWS fills in (the key ARN behind a planned key, the account). See `../fakeAnswers.ts`.
 */
import { MOCK_ACCOUNT_ID } from "../../offline/model/mocks";
import type { PlannedResource, StackPlan } from "../../offline/model/types";
import type { Action } from "../calls";

export type Answer = (input: Record<string, unknown>) => unknown;
export type Answers = Partial<Record<Action, Answer>>;
export type In = Record<string, unknown>;
export const str = (v: unknown): string => String(v ?? "");
export const obj = (v: unknown): Record<string, unknown> => (v ?? {}) as Record<string, unknown>;
/** The account the answers' ARNs are in: the plan's own. */
export const ACCOUNT = MOCK_ACCOUNT_ID;

/** An SDK service error as the SDK deserialises one (name and HTTP status). */
export function serviceError(name: string, status = 400): Error {
    return Object.assign(new Error(`${name}: simulated`), { name, $fault: "client", $metadata: { httpStatusCode: status } });
}

export interface Planned {
    readonly plan: StackPlan;
    of(type: string): PlannedResource[];
    /** The resource of `type` whose input `key` is `value`; a NotFound error as AWS raises it otherwise. */
    find(type: string, key: string, value: unknown): PlannedResource;
    /** Resources of `type` whose Name tag the first filter names. */
    tagged(type: string, filters: unknown): PlannedResource[];
    /** The planned resource of `type` a mock id or ARN refers to. */
    byRef(type: string, ref: unknown): PlannedResource | undefined;
    keyArn(ref: unknown): unknown;
    bucket(type: string, input: In): Record<string, unknown>;
    /** The last segment of an ARN. */
    last(arn: string): string;
}

export function planned(plan: StackPlan): Planned {
    const of = (type: string) => plan.resources.filter((r) => r.type === type);
    return {
        plan,
        of,
        find(type, key, value) {
            const r = of(type).find((x) => x.inputs[key] === value);
            if (!r) throw serviceError("ResourceNotFoundException", 404);
            return r;
        },
        tagged(type, filters) {
            const name = str((filters as { Name: string; Values: string[] }[])[0]?.Values[0]);
            return of(type).filter((r) => obj(r.inputs.tags).Name === name);
        },
        byRef(type, ref) {
            const s = str(ref);
            return of(type).sort((a, b) => b.name.length - a.name.length).find((r) => s === `${r.name}-id` || s.endsWith(`/${r.name}`));
        },
        keyArn(ref) {
            const key = of("aws:kms/key:Key").sort((a, b) => b.name.length - a.name.length).find((k) => str(ref).endsWith(`${k.name}-key-id`));
            return key ? `arn:aws:kms:${plan.region}:${ACCOUNT}:key/${key.name}-key-id` : ref;
        },
        bucket(type, input) {
            return this.find(type, "bucket", input.Bucket).inputs;
        },
        last: (arn) => arn.slice(Math.max(arn.lastIndexOf(":"), arn.lastIndexOf("/")) + 1),
    };
}
