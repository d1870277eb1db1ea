/**
 * What a correct deployment of a plan answers to each call the verifier makes, written from
 * the planned inputs the way AWS reports them (its field names, its defaults), one module per
 * area under `answers/`. The tests' fake account serves them (`fake.ts`), and the policy
 * writer's dry run reads them to learn which calls a run makes (`policy.ts`).
 */
import type { StackPlan } from "../offline/model/types";
import { ACTIONS, type Action } from "./calls";
import { planned, type Answer } from "./answers/context";
import { dataAnswers, operationsAnswers } from "./answers/data";
import { deliveryAnswers, eventAnswers, storageAnswers } from "./answers/delivery";
import { loadBalancerAnswers, networkAnswers } from "./answers/network";

export { serviceError, type Answer } from "./answers/context";

export function answers(plan: StackPlan): Record<Action, Answer> {
    const p = planned(plan);
    const all = { ...networkAnswers(p), ...loadBalancerAnswers(p), ...dataAnswers(p), ...operationsAnswers(p), ...storageAnswers(p), ...deliveryAnswers(p), ...eventAnswers(p) };
    const missing = ACTIONS.filter((a) => all[a] === undefined);
    if (missing.length > 0) throw new Error(`no answer for ${missing.join(", ")}`);
    return all as Record<Action, Answer>;
}
