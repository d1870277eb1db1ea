/**
 * Helpers for the systems' config tests: a reader over plain values, as Pulumi config gives them,
 * and the ConfigError a loader throws for them.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { ConfigError, type RawReader } from "./load";

/** A reader over `"ns:key"` (aws) or `"key"` (project) entries. */
export function configReader(values: Record<string, string>): RawReader {
    return Object.assign((namespace: string | undefined, key: string) => values[namespace ? `${namespace}:${key}` : key], {
        keys: () => Object.keys(values).filter((k) => !k.includes(":")),
    });
}

type Loader = (stack: string, read: RawReader, env: NodeJS.ProcessEnv) => unknown;

/** The ConfigError `load` throws for `values`; fails the test when it accepts them or throws anything else. */
export function rejection(load: Loader, values: Record<string, string>, env: NodeJS.ProcessEnv = {}, stack = "dev"): ConfigError {
    try {
        load(stack, configReader(values), env);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
        return e;
    }
    assert.fail("expected the config to be rejected");
}

/** `rejection` bound to one system's loader, as each system's tests call it. */
export function rejecter(load: Loader): (values: Record<string, string>, env?: NodeJS.ProcessEnv, stack?: string) => ConfigError {
    return (values, env = {}, stack = "dev") => rejection(load, values, env, stack);
}

/** One bad value a system's config refuses: what it is, the values, the key the issue names, its message. */
export type RejectionCase = [what: string, values: Record<string, string>, key: string, message: RegExp];

/** A test per case: `reject` refuses the values with an issue on the key whose message matches, and the error names the key. */
export function itRejectsEach(reject: (values: Record<string, string>) => ConfigError, cases: readonly RejectionCase[]): void {
    for (const [what, values, key, message] of cases) {
        it(`rejects ${what}`, () => {
            const error = reject(values);
            const issue = error.issues.find((i) => i.key === key || i.key.endsWith(`:${key}`));
            assert.ok(issue, `no issue for ${key} in:\n${error.message}`);
            assert.match(issue.message, message);
            assert.match(error.message, new RegExp(key.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")));
        });
    }
}
