/**
 * Matching an ARN against the reference's resource-type patterns, remembered. `@cloud-copilot/iam-utils`
 * intersects the ARN with each pattern character by character, and `@cloud-copilot/iam-simulate`
 * asks again on every simulation: checking the repository's 8 stacks asks about 2,700 times for
 * fewer than 200 distinct (action, ARN) pairs, and the intersections were a third of the access
 * check's CPU. Both answers depend only on their arguments and the pinned reference data, so each
 * is computed once per process.
 *
 * The simulator's own lookup is not exported: its module is reached by path from the package's
 * entry point and its export replaced, which works because the simulator reads that export at each
 * call. `memoInstalled` says whether it took; `access.test.ts` asserts it did (a new iam-simulate
 * that moved the function fails there, not silently slower) and that verdicts are the same.
 */
import * as path from "node:path";
import { resourceStringMatchesResourceTypePattern } from "@cloud-copilot/iam-utils";

const matches = new Map<string, boolean>();

/** `resourceStringMatchesResourceTypePattern`, once per (ARN, pattern). */
export function arnMatchesPattern(resource: string, pattern: string): boolean {
    const key = `${resource}\u0000${pattern}`;
    let hit = matches.get(key);
    if (hit === undefined) {
        hit = resourceStringMatchesResourceTypePattern(resource, pattern);
        matches.set(key, hit);
    }
    return hit;
}

type ResourceTypesLookup = (service: string, action: string, resource: string) => Promise<readonly unknown[]>;

interface SimulatorResourceTypes {
    getResourceTypesForAction: ResourceTypesLookup;
}

/** The simulator's lookup before and after the memo; `original` is null when it could not be reached. */
export const simulatorLookup: { original: ResourceTypesLookup | null; current: () => ResourceTypesLookup | null } = { original: null, current: () => null };

function installSimulatorMemo(): boolean {
    let module: SimulatorResourceTypes;
    try {
        const entry = require.resolve("@cloud-copilot/iam-simulate");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        module = require(path.join(path.dirname(entry), "simulation_engine", "resourceTypes.js")) as SimulatorResourceTypes;
    } catch {
        return false;
    }
    const original = module.getResourceTypesForAction;
    if (typeof original !== "function") return false;
    simulatorLookup.original = original;
    simulatorLookup.current = () => module.getResourceTypesForAction;
    const known = new Map<string, Promise<readonly unknown[]>>();
    module.getResourceTypesForAction = (service, action, resource) => {
        const key = `${service}\u0000${action}\u0000${resource}`;
        let found = known.get(key);
        if (found === undefined) {
            found = original(service, action, resource);
            known.set(key, found);
            // A lookup that throws (an unknown action) is asked again, as without the memo.
            found.catch(() => known.delete(key));
        }
        // A fresh array each time: the simulator must not see another call's copy.
        return found.then((types) => [...types]);
    };
    return true;
}

export const memoInstalled = installSimulatorMemo();
