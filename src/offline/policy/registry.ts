/**
 * Every control of the pack, in one sorted list: the security controls (one file each under
 * `controls/`) and the deployability controls (under `deploy/`). The engine, the CrossGuard
 * adapter and the policy-pack config all read this list, so they cannot disagree.
 */
import type { Level } from "../model/types";
import { securityControls } from "./controls";
import { deployabilityControls } from "./deploy";
import type { Control } from "./types";

/** Sorted by id in code-point order, so the order never depends on the machine's locale. */
export function sortById(controls: readonly Control[]): Control[] {
    return [...controls].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const STRICTNESS: Readonly<Record<Level, number>> = { disabled: 0, advisory: 1, mandatory: 2 };

/** What is wrong with a list of controls: duplicate ids, prod looser than dev, nothing to read. */
export function registryProblems(controls: readonly Control[]): string[] {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const control of controls) {
        if (seen.has(control.id)) problems.push(`${control.id}: id used by more than one control`);
        seen.add(control.id);
        if (STRICTNESS[control.levels.prod] < STRICTNESS[control.levels.dev]) {
            problems.push(`${control.id}: prod level ${control.levels.prod} is looser than dev level ${control.levels.dev}`);
        }
        if (control.resourceTypes.length === 0) problems.push(`${control.id}: reads no resource type`);
    }
    return problems;
}

export const allControls: readonly Control[] = sortById([...securityControls, ...deployabilityControls]);

const BY_ID: ReadonlyMap<string, Control> = new Map(allControls.map((c) => [c.id, c]));

export function controlById(id: string): Control | undefined {
    return BY_ID.get(id);
}
