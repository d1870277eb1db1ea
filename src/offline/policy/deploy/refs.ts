/**
 * Matching a reference in one resource's inputs (an id, an ARN, a name) to another resource of
 * the same stack. Under the mock runtime a resource's id is `<logical name>-id` (a KMS key's is
 * `<logical name>-key-id`) and its ARN ends with the logical name, the id or the explicit name
 * (`role/<name>`); a real program may also pass the explicit name itself (an ECS service name).
 * Containment is the weakest match, so `findReferenced` prefers exact matches and then the
 * longest logical name, which keeps `orders-key` from claiming a reference to `orders-key-logs`.
 */
import type { PolicyTarget } from "../types";
import { str } from "./read";

/** Inputs that carry a resource's explicit AWS name, in the order they are tried. */
export const NAME_INPUTS = [
    "name",
    "bucket",
    "identifier",
    "clusterIdentifier",
    "replicationGroupId",
    "functionName",
    "repositoryName",
    "deploymentGroupName",
    "family",
    "dashboardName",
] as const;

/** The explicit AWS name a resource was given, when it was given one. */
export function explicitName(target: PolicyTarget): string | undefined {
    for (const key of NAME_INPUTS) {
        const value = str(target.props[key]);
        if (value !== undefined && value !== "") return value;
    }
    return undefined;
}

/** The last segment of an ARN or path: what follows the last `/` or `:`. */
function lastSegment(value: string): string {
    return value.slice(Math.max(value.lastIndexOf("/"), value.lastIndexOf(":")) + 1);
}

/**
 * How strongly `ref` points at `target`: 3 the id, explicit name or URN (alone or as an ARN's last
 * segment), 2 an ARN ending with the logical name or an id derived from it, 1 a string containing
 * the logical name, 0 none.
 */
export function matchStrength(ref: unknown, target: PolicyTarget): 0 | 1 | 2 | 3 {
    const value = str(ref);
    if (value === undefined || value === "" || target.name === "") return 0;
    const id = `${target.name}-id`;
    const name = explicitName(target);
    if (value === id || value === name || value === target.urn) return 3;
    const last = lastSegment(value);
    if (last === id || (name !== undefined && last === name)) return 3;
    if (last === target.name || (last.startsWith(`${target.name}-`) && last.endsWith("-id"))) return 2;
    return value.includes(target.name) ? 1 : 0;
}

/** true when `ref` (an id, ARN or name) refers to `target`. */
export function refersTo(ref: unknown, target: PolicyTarget): boolean {
    return matchStrength(ref, target) > 0;
}

/** The candidate `ref` refers to most strongly; undefined when it refers to none of them. */
export function findReferenced(ref: unknown, candidates: readonly PolicyTarget[]): PolicyTarget | undefined {
    let best: PolicyTarget | undefined;
    let bestScore = 0;
    for (const candidate of candidates) {
        const strength = matchStrength(ref, candidate);
        if (strength === 0) continue;
        // Strength first; among equals the longer logical name is the more specific match.
        const score = strength * 10_000 + candidate.name.length;
        if (score > bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}
