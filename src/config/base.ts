/**
 * Configuration every system shares: environment suffix, region, profile, cost allocation,
 * policy exceptions and cost assumptions. System schemas extend `baseConfigShape`.
 */
import { z } from "zod";
import { assumptionOverridesSchema } from "./costAssumptions";
import { SUFFIX_MAX, SUFFIX_PATTERN } from "./naming";
import { AWS_REGIONS } from "../aws/regions";
import type { KeySource } from "./load";
import { PROFILE_ENV, PROFILES } from "./profile";

export const profileSchema = z.enum(PROFILES);
export type { Profile } from "./profile";

export const policyExceptionSchema = z.object({
    policy: z.string().min(1, "name the control id, e.g. RDS.8"),
    resource: z.string().min(1).optional(),
    reason: z.string({ message: "give a reason: why the control is waived here" }).min(15, "give a reason of at least 15 characters: why the control is waived here"),
});

export const baseConfigShape = {
    environmentSuffix: z
        .string()
        .max(SUFFIX_MAX, `must be at most ${SUFFIX_MAX} characters so every AWS name stays within its limit`)
        .regex(SUFFIX_PATTERN, "must be lowercase letters and digits, single hyphens between them (it becomes part of DNS-safe names)"),
    region: z.enum(AWS_REGIONS, { message: `must be an AWS region such as eu-central-1 (known: ${AWS_REGIONS.join(", ")})` }),
    profile: profileSchema,
    costCenter: z.string().min(1).max(128).default("commerce-platform"),
    owner: z.string().min(1).max(256).optional(),
    policyExceptions: z.array(policyExceptionSchema).default([]),
    costAssumptions: assumptionOverridesSchema.default({}),
    /** Read by the offline plan (src/offline/cost/budget.ts); declared here so the program accepts the keys. */
    budgetUsd: z.number().positive("must be a positive number of US dollars a month").optional(),
    budgetIncreaseUsd: z.number().nonnegative("must be zero or a positive number of US dollars a month").optional(),
};

/** Where the shared keys come from. */
export const baseSources: Record<keyof typeof baseConfigShape, KeySource> = {
    environmentSuffix: { env: "ENVIRONMENT_SUFFIX" },
    region: { namespace: "aws", env: "AWS_REGION" },
    // Read by readProfile (src/config/profile.ts), never by the generic loader.
    profile: { env: PROFILE_ENV },
    costCenter: { env: "COST_CENTER" },
    owner: { env: "OWNER" },
    policyExceptions: {},
    costAssumptions: {},
    budgetUsd: {},
    budgetIncreaseUsd: {},
};

/** The stack's default environment suffix: its name. */
export function defaultSuffix(stack: string): string {
    return stack;
}
