/**
 * Configuration every system shares: environment suffix, region, profile, cost allocation,
 * policy exceptions and cost assumptions. System schemas extend `baseConfigShape`.
 */
import { z } from "zod";
import { assumptionOverridesSchema } from "../offline/cost/assumptions";
import { SUFFIX_MAX, SUFFIX_PATTERN } from "./naming";
import { AWS_REGIONS } from "./regions";
import type { KeySource } from "./load";

export const profileSchema = z.enum(["dev", "prod"]);
export type Profile = z.infer<typeof profileSchema>;

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
};

/** Where the shared keys come from. */
export const baseSources: Record<keyof typeof baseConfigShape, KeySource> = {
    environmentSuffix: { env: "ENVIRONMENT_SUFFIX" },
    region: { namespace: "aws", env: "AWS_REGION" },
    profile: { env: "PROFILE" },
    costCenter: { env: "COST_CENTER" },
    owner: { env: "OWNER" },
    policyExceptions: {},
    costAssumptions: {},
};

/** The stack's defaults: suffix = stack name, prod profile for a stack named prod. */
export function stackDefaults(stack: string): { environmentSuffix: string; profile: Profile } {
    return { environmentSuffix: stack, profile: stack === "prod" || stack.startsWith("prod-") ? "prod" : "dev" };
}
