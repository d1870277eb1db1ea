/**
 * The access check as CrossGuard stack policies, so `pulumi preview --policy-pack` reports the
 * same denied calls, reference problems and unused grants as the offline plan, under the same
 * ids. Under a real preview, values not known until apply (ARNs of resources not yet created)
 * reach it as unknowns: calls naming them resolve to no resource of the stack and are not
 * derived, so a first preview checks less than the offline plan does.
 */
import type { StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { checkAccess } from "../access";
import { ACCESS_POLICY_TABLE, accessViolations } from "../access/violations";
import type { Violation } from "../model/types";
import { PACK_CONFIG_SCHEMA, report, stackRegion, unwaived, waiversOf, type PackConfig } from "./pack";
import { stackSettings } from "./stack";

/** One check per stack, shared by the three policies (CrossGuard calls each with the same resources). */
const checked = new WeakMap<object, Promise<Violation[]>>();

function violationsOf(args: StackValidationArgs): Promise<Violation[]> {
    let found = checked.get(args.resources);
    if (found === undefined) {
        const region = stackRegion(args.resources) ?? process.env["AWS_REGION"] ?? process.env["AWS_DEFAULT_REGION"] ?? "us-east-1";
        const resources = args.resources.map((r) => ({ urn: r.urn, type: r.type, name: r.name, inputs: r.props }));
        found = checkAccess(resources, { region }).then(accessViolations);
        checked.set(args.resources, found);
    }
    return found;
}

export function accessPolicies(): StackValidationPolicy[] {
    return ACCESS_POLICY_TABLE.map(({ id, level, description }) => ({
        name: id,
        description,
        enforcementLevel: level,
        configSchema: PACK_CONFIG_SCHEMA,
        // Waived by the stack's policyExceptions (or the policy's pack config), as every control is.
        validateStack: async (args: StackValidationArgs, reportViolation) => {
            const waivers = waiversOf({ id }, args.getConfig<PackConfig>(), stackSettings(args.resources[0]?.urn));
            const found = (await violationsOf(args)).filter((v) => v.policy === id);
            for (const v of unwaived(found, waivers)) report(reportViolation, v.level, v.message, v.urn);
        },
    }));
}
