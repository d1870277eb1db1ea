/**
 * Inputs AWS rejects at create time by the rules of its own CloudFormation resource
 * specification: values outside an enum, and text outside a stated length or character set (an
 * apostrophe in a security group rule description, for one). Which input is which property is
 * `src/aws/inputs.ts`; the rules are the vendored `src/aws/data/cloudformation.json`. Explicit
 * names are left to DEPLOY.NameLimits, which holds their fuller rules. A computed input
 * (unknown at preview) is not evaluated.
 */
import { CLOUDFORMATION, cfnDocUrl, type PropertyFacts } from "../../../aws/cloudformation";
import { INPUT_MAPPINGS } from "../../../aws/inputs";
import { nameLimitOf } from "../../../aws/names";
import type { PolicyTarget, ResourceFinding, ResourceRule } from "../types";
import { NOT_EVALUATED, readInput } from "./unknown";

interface InputValue {
    readonly path: string;
    readonly value: unknown;
}

/** Every value at `path`, one per list item where a step ends in `[]`. */
export function valuesAt(props: Record<string, unknown>, path: string): InputValue[] {
    const [head = "", ...rest] = path.split("[].");
    const first = readInput(props, head.replace(/\[\]$/, ""));
    if (first === NOT_EVALUATED) return [{ path: head, value: NOT_EVALUATED }];
    if (rest.length === 0) {
        if (!head.endsWith("[]")) return [{ path, value: first }];
        return Array.isArray(first) ? first.map((value, i) => ({ path: `${head.slice(0, -2)}[${i}]`, value })) : [];
    }
    if (!Array.isArray(first)) return [];
    return first.flatMap((item, i) =>
        typeof item === "object" && item !== null
            ? valuesAt(item as Record<string, unknown>, rest.join("[].")).map((v) => ({ path: `${head}[${i}].${v.path}`, value: v.value }))
            : [],
    );
}

/** Why `value` breaks `facts`, in words; empty when it does not. */
export function constraintProblems(facts: PropertyFacts, value: unknown): string[] {
    const problems: string[] = [];
    if (facts.allowedValues !== undefined && (typeof value === "string" || typeof value === "number") && !facts.allowedValues.includes(value)) {
        problems.push(`is not one of ${facts.allowedValues.join(", ")}`);
    }
    if (typeof value !== "string") return problems;
    if (facts.maxLength !== undefined && value.length > facts.maxLength) problems.push(`is ${value.length} characters; the limit is ${facts.maxLength}`);
    if (facts.minLength !== undefined && value.length < facts.minLength) problems.push(`is ${value.length} characters; the minimum is ${facts.minLength}`);
    if (facts.characters !== undefined) {
        const bad = [...new Set([...value].filter((c) => !facts.characters!.includes(c)))];
        if (bad.length > 0) problems.push(`contains ${bad.map((c) => JSON.stringify(c)).join(", ")}, outside the characters AWS allows`);
    }
    return problems;
}

function check(resource: PolicyTarget): ResourceFinding[] {
    const mapping = INPUT_MAPPINGS[resource.type];
    const spec = mapping === undefined ? undefined : CLOUDFORMATION.resources[mapping.cfn];
    if (mapping === undefined || spec === undefined) return [];
    const nameInput = nameLimitOf(resource.type)?.input;
    const findings: ResourceFinding[] = [];
    for (const [input, property] of Object.entries(mapping.inputs)) {
        const facts = spec.properties[property];
        if (facts === undefined || input === nameInput) continue;
        for (const { path, value } of valuesAt(resource.props, input)) {
            if (value === NOT_EVALUATED || value === undefined) continue;
            const problems = constraintProblems(facts, value);
            if (problems.length === 0) continue;
            const rule = facts.stated === undefined ? `${mapping.cfn} ${property} allowed values` : `${mapping.cfn} ${property}: "${facts.stated}"`;
            const source = cfnDocUrl(mapping.cfn);
            const message = `${resource.name}: input ${path} = ${JSON.stringify(value)} ${problems.join("; ")} [rule: ${rule}; source: ${source}].`;
            findings.push({ message, input: path, value: typeof value === "string" ? value : JSON.stringify(value), rule, source });
        }
    }
    return findings;
}

export const inputConstraints: ResourceRule = {
    id: "DEPLOY.InputConstraints",
    title: "Inputs fit the enums, lengths and character sets of AWS's resource specification",
    kind: "deployability",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: Object.keys(INPUT_MAPPINGS).sort(),
    remediation: "Change the input the message names to a value inside the rule it quotes (for a description: drop the characters it lists).",
    source: `${CLOUDFORMATION.provenance.source}, ${CLOUDFORMATION.provenance.package} ${CLOUDFORMATION.provenance.version}`,
    check,
};
