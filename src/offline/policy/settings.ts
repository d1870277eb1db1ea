/**
 * A stack's policy settings, read from its config the same way wherever the pack runs: by the
 * offline planner from the stack file, and by `pulumi preview --policy-pack` from what the engine
 * sends in its ConfigureStack call. The profile comes from the one reader the program uses.
 */
import { z } from "zod";
import { policyExceptionSchema } from "../../config/base";
import { PROFILE_ENV, readProfile, type Profile } from "../../config/profile";
import type { PolicyException } from "./types";

export interface PolicySettings {
    readonly profile: Profile;
    readonly exceptions: PolicyException[];
}

/** A config value as Pulumi keeps it: structured values JSON-encoded. */
export function configValue(config: Readonly<Record<string, string>>, key: string): unknown {
    const raw = config[key];
    if (raw === undefined) return undefined;
    try {
        return JSON.parse(raw);
    } catch {
        return raw;
    }
}

/** Throws when `<project>:policyExceptions` is not a list of exceptions with reasons. */
export function policySettings(project: string, stack: string, config: Readonly<Record<string, string>>, env: NodeJS.ProcessEnv = process.env): PolicySettings {
    const exceptions = z.array(policyExceptionSchema).safeParse(configValue(config, `${project}:policyExceptions`) ?? []);
    if (!exceptions.success) {
        throw new Error(`${project}:policyExceptions is invalid: ${exceptions.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    const profile = readProfile({ stack, configured: config[`${project}:profile`], env: env[PROFILE_ENV] }).profile;
    return { profile, exceptions: exceptions.data };
}
