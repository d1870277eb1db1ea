/**
 * For the verifier's tests: an account that answers every call the verifier makes the way a
 * correct deployment of a plan would, built from the plan itself, served to the real SDK
 * clients through aws-sdk-client-mock. A test breaks one answer at a time with `override`.
 */
import { mockClient } from "aws-sdk-client-mock";
import type { StackPlan } from "../offline/model/types";
import type { Action } from "./calls";
import { COMMANDS } from "./commands";
import { answers, serviceError, type Answer } from "./fakeAnswers";

export { serviceError };

/** The part of aws-sdk-client-mock's stub used here, without its per-client generics. */
interface Stub {
    on(command: never): { callsFake(fn: (input: Record<string, unknown>) => unknown): unknown };
    restore(): void;
}

export type Override = (input: Record<string, unknown>, correct: Answer) => unknown;

export interface FakeAccount {
    /** Replace one action's answer (return the broken response, or throw an SDK-shaped error). */
    override(action: Action, fn: Override): void;
    /** Requests the account saw, per action. */
    readonly requests: Map<Action, Record<string, unknown>[]>;
    restore(): void;
}


export function fakeAccount(plan: StackPlan): FakeAccount {
    const correct = answers(plan);
    const overrides = new Map<Action, Override>();
    const requests = new Map<Action, Record<string, unknown>[]>();
    const stubs = new Map<object, Stub>();
    for (const [action, [client, command]] of Object.entries(COMMANDS) as [Action, readonly [object, object]][]) {
        if (!stubs.has(client)) stubs.set(client, mockClient(client as never) as unknown as Stub);
        stubs.get(client)!.on(command as never).callsFake((input) => {
            // A copy: the SDK's paginators reuse one input object from page to page.
            requests.set(action, [...(requests.get(action) ?? []), { ...input }]);
            const answer = correct[action];
            const override = overrides.get(action);
            return override ? override(input, answer) : answer(input);
        });
    }
    return {
        override: (action, fn) => overrides.set(action, fn),
        requests,
        restore: () => stubs.forEach((s) => s.restore()),
    };
}
