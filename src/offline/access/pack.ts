/**
 * The access check as a CrossGuard stack policy, so `pulumi preview --policy-pack` reports the
 * same denied calls and reference problems as the offline plan. Under a real preview, values
 * not known until apply (ARNs of resources not yet created) reach it as unknowns: calls naming
 * them resolve to no resource of the stack and are not derived, so a first preview checks less
 * than the offline plan does.
 */
import type { StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { checkAccess } from ".";
import { accessViolations } from "./violations";

export function accessPolicy(): StackValidationPolicy {
    return {
        name: "ACCESS",
        description: "Every call an AWS service makes on the stack's behalf is allowed, and every policy document can do what it says.",
        enforcementLevel: "mandatory",
        validateStack: async (args: StackValidationArgs, reportViolation) => {
            const provider = args.resources.find((r) => typeof r.props["region"] === "string");
            const region = String(provider?.props["region"] ?? process.env["AWS_REGION"] ?? "us-east-1");
            const resources = args.resources.map((r) => ({ urn: r.urn, type: r.type, name: r.name, inputs: r.props }));
            const report = await checkAccess(resources, { region });
            for (const v of accessViolations(report)) if (v.level === "mandatory") reportViolation(`${v.policy}: ${v.message}`, v.urn);
        },
    };
}
