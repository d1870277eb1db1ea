/**
 * The policy-document questions several controls ask: is a statement public, is it pinned down
 * by a condition, which identity policies a resource carries, how a message names a statement.
 */
import { ofType, planOf } from "../../model/plan";
import { asArray, principals, statements, type Statement } from "../documents";
import type { Finding, PolicyTarget } from "../types";
import { blocks } from "./read";

/** A statement's `Allow` effect, read leniently on case as programs sometimes write it. */
export function allows(statement: Statement): boolean {
    return String(statement.Effect).toLowerCase() === "allow";
}

/** true when a statement's principal is everyone: `"*"`, `{AWS: "*"}` or a list holding `"*"`. */
export function isPublicPrincipal(statement: Statement): boolean {
    return principals(statement).includes("*");
}

/**
 * Condition keys that pin a public statement to known callers. A public statement is only
 * restricted when one of them is compared, positively, with fixed values.
 */
const RESTRICTING_KEYS = new Set([
    "aws:principalaccount",
    "aws:principalarn",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:sourceaccount",
    "aws:sourcearn",
    "aws:sourceowner",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceip",
    "aws:userid",
    "aws:username",
    "kms:calleraccount",
]);

/** A value with no wildcard and no policy variable (`${aws:username}`). */
export function isFixedValue(value: unknown): boolean {
    if (typeof value === "number" || typeof value === "boolean") return true;
    return typeof value === "string" && value !== "" && !/[*?]|\$\{/.test(value);
}

/**
 * true when the statement has a condition that restricts it to fixed callers: a restricting key
 * under a positive operator (not `...Not...`, `Null` or `...IfExists`, which let other callers
 * through) with only fixed values.
 */
export function restrictedByFixedValues(statement: Statement): boolean {
    for (const [operator, entries] of Object.entries(statement.Condition ?? {})) {
        if (/not|^null$|ifexists$/i.test(operator)) continue;
        for (const [key, raw] of Object.entries(entries ?? {})) {
            const values = asArray(raw);
            if (RESTRICTING_KEYS.has(key.toLowerCase()) && values.length > 0 && values.every(isFixedValue)) {
                return true;
            }
        }
    }
    return false;
}

/** true when the statement has `{<operator>: {<key>: <value>}}`, the value given as a string, boolean or list. */
export function hasCondition(statement: Statement, operator: string, key: string, value: string): boolean {
    for (const [op, entries] of Object.entries(statement.Condition ?? {})) {
        if (op.toLowerCase() !== operator.toLowerCase()) continue;
        for (const [k, raw] of Object.entries(entries ?? {})) {
            if (k.toLowerCase() === key.toLowerCase() && asArray(raw).some((v) => String(v).toLowerCase() === value)) {
                return true;
            }
        }
    }
    return false;
}

/** One identity-policy document a resource carries, and how a message names where it sits. */
export interface PolicyDocument {
    readonly where: string;
    readonly document: unknown;
}

/**
 * The identity-policy documents of an `aws.iam.Policy`, `RolePolicy`, `UserPolicy` or
 * `GroupPolicy` (`policy`), or of an `aws.iam.Role` (`inlinePolicies[].policy`).
 */
export function identityPolicies(resource: PolicyTarget): PolicyDocument[] {
    if (resource.type === "aws:iam/role:Role") {
        return blocks(resource.props.inlinePolicies).map((p, i) => ({ where: `inlinePolicies[${i}].policy`, document: p.policy }));
    }
    return resource.props.policy === undefined ? [] : [{ where: "policy", document: resource.props.policy }];
}

/** The `aws.iam.Policy` resources a role or user uses as its `permissionsBoundary`. */
export function permissionBoundaries(resources: readonly PolicyTarget[]): Set<PolicyTarget> {
    const plan = planOf(resources);
    return new Set(
        plan
            .ofType("aws:iam/role:Role", "aws:iam/user:User")
            .flatMap((r) => plan.resolveInput(r, "permissionsBoundary", "aws:iam/policy:Policy")),
    );
}

/** How a message names a statement: its `Sid`, else its position. */
export function statementName(statement: Statement, index: number): string {
    return typeof statement.Sid === "string" && statement.Sid !== "" ? `statement "${statement.Sid}"` : `statement ${index + 1}`;
}

/** The statements of a policy document that `test` picks, each with how a message names it. */
export function matchingStatements(document: unknown, test: (statement: Statement) => boolean): { statement: Statement; name: string }[] {
    return statements(document)
        .map((statement, i) => ({ statement, name: statementName(statement, i) }))
        .filter(({ statement }) => test(statement));
}

/**
 * A finding on each customer managed policy (permissions boundaries aside) for each Allow
 * statement of which `grant` says what it grants that it should not: `policy <statement> allows <grant>`.
 */
export function customerPolicyGrants(resources: readonly PolicyTarget[], grant: (statement: Statement) => string | undefined): Finding[] {
    const boundaries = permissionBoundaries(resources);
    return ofType(resources, "aws:iam/policy:Policy")
        .filter((policy) => !boundaries.has(policy))
        .flatMap((policy) =>
            matchingStatements(policy.props.policy, allows).flatMap(({ statement, name }): Finding[] => {
                const granted = grant(statement);
                return granted === undefined ? [] : [{ urn: policy.urn, message: `policy ${name} allows ${granted}` }];
            }),
        );
}
