/**
 * The policy pack entry: `pulumi preview --policy-pack src/offline/policy` loads this file. Constructing
 * the PolicyPack starts CrossGuard's gRPC server, so it happens here and nowhere else; tests and
 * the offline planner use `pack.ts` and `engine.ts` directly.
 */
import { PolicyPack } from "@pulumi/policy";
import { accessPolicies } from "./access";
import { toPolicies } from "./pack";
import { allControls } from "./registry";
import { watchConfigureStack } from "./stack";

// Before the pack's server starts: gRPC takes the request decoders when the service is added.
watchConfigureStack();

new PolicyPack("commerce-aws-controls", {
    description:
        "Security (AWS FSBP, cdk-nag) and deployability controls for the commerce AWS systems; " +
        "levels per profile and exceptions come from the stack's own config (profile, policyExceptions).",
    enforcementLevel: "mandatory",
    provider: "aws",
    policies: [...toPolicies(allControls), ...accessPolicies()],
});
