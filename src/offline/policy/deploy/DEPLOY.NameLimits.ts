/**
 * Names AWS rejects at create time. Under the mock runtime Pulumi does not autoname, so only an
 * explicit name input can be checked; a resource without one is left alone. The rules are the
 * AWS facts in src/aws/names.ts, the same table the Namer builds names with.
 */
import { NAME_LIMITS, nameLimitOf, nameProblems, nameRuleText } from "../../../aws/names";
import type { ResourceRule } from "../types";
import { str } from "./read";

export const nameLimits: ResourceRule = {
    id: "DEPLOY.NameLimits",
    title: "Explicit resource names fit AWS's length and character rules",
    kind: "deployability",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: NAME_LIMITS.map((l) => l.type),
    remediation:
        "Shorten or respell the explicit name input (name, bucket, identifier, replicationGroupId, ...); " +
        "names built with the Namer in src/config/naming.ts are checked against the same limits, so a shorter environmentSuffix fixes most.",
    source: "each name rule's API reference (src/aws/names.ts)",
    check(resource) {
        const limit = nameLimitOf(resource.type);
        const name = limit === undefined ? undefined : str(resource.props[limit.input]);
        if (limit === undefined || name === undefined) return [];
        const problems = nameProblems(limit, name);
        if (problems.length === 0) return [];
        const rule = nameRuleText(limit);
        const message = `${resource.name}: input ${limit.input} = "${name}" (${limit.resource}) ${problems.join("; ")} [rule: ${rule}; source: ${limit.source}].`;
        return [{ message, input: limit.input, value: name, rule, source: limit.source }];
    },
};
