/** Every check the verifier runs, one per Pulumi resource type. */
import type { Check } from "./check";
import { DATA_CHECKS } from "./checks/data";
import { DELIVERY_CHECKS } from "./checks/delivery";
import { NETWORK_CHECKS } from "./checks/network";
import { OPERATIONS_CHECKS } from "./checks/operations";
import { STORAGE_CHECKS } from "./checks/storage";
import type { Action } from "./calls";

export const CHECKS: readonly Check[] = [...NETWORK_CHECKS, ...DATA_CHECKS, ...OPERATIONS_CHECKS, ...STORAGE_CHECKS, ...DELIVERY_CHECKS];

/** The union of the actions the checks declare: what the verifier's IAM policy allows. */
export function declaredActions(): Action[] {
    return [...new Set(CHECKS.flatMap((c) => c.actions))].sort();
}
