/**
 * Helpers for the systems' config tests: a reader over plain values, as Pulumi config gives them,
 * and the ConfigError a loader throws for them.
 */
import assert from "node:assert/strict";
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
