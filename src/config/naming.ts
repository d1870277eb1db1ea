/**
 * Names of AWS resources: `<system>-<resource>-<environmentSuffix>`, checked against the rules
 * AWS enforces at create time (src/aws/names.ts, the table the policy pack checks too). Under the
 * mock runtime Pulumi does not autoname, so every AWS-named resource gets an explicit, checked name.
 */
import { NAME_KINDS, nameProblems, type NameKind, type NameLimit } from "../aws/names";
import type { ConfigIssue } from "./load";

export type { NameKind } from "../aws/names";
/** Each kind's rule is the row of src/aws/names.ts that the pack's DEPLOY.NameLimits checks. */
export const NAME_RULES = NAME_KINDS;
export type NameRule = NameLimit;

/** The environment suffix: short, lowercase, DNS-safe, so it fits every name kind above. */
export const SUFFIX_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SUFFIX_MAX = 16;

export class NameError extends Error {
    constructor(
        readonly resource: string,
        readonly value: string,
        readonly rule: NameRule,
        readonly suffix: string,
    ) {
        super(
            `name "${value}" for ${resource} breaks AWS's rule (${rule.min}–${rule.max} characters, ${rule.charsetText}): ` +
                `it ${nameProblems(rule, value).join("; ")}; environment suffix "${suffix}" — use a shorter suffix (${rule.source})`,
        );
        this.name = "NameError";
    }
}

/** Returns the reason a name breaks its rule, or undefined when AWS accepts it. */
export function nameProblem(value: string, kind: NameKind): string | undefined {
    const problems = nameProblems(NAME_KINDS[kind], value);
    return problems.length === 0 ? undefined : problems.join("; ");
}

/**
 * Issues explicit names for one system in one environment. Every call checks the result, so a
 * name AWS would reject fails the plan with a message naming the resource and the limit.
 */
export class Namer {
    constructor(
        readonly system: string,
        readonly suffix: string,
    ) {}

    /** `<system>-<resource>-<suffix>`, checked against `kind`'s rule. */
    name(resource: string, kind: NameKind = "generic"): string {
        return this.check(`${this.system}-${resource}-${this.suffix}`, resource, kind);
    }

    /** A name whose shape the original design fixes (e.g. `unit-test-project-<env>`), checked the same way. */
    custom(value: string, resource: string, kind: NameKind = "generic"): string {
        return this.check(value, resource, kind);
    }

    private check(value: string, resource: string, kind: NameKind): string {
        if (nameProblem(value, kind) !== undefined) {
            throw new NameError(resource, value, NAME_RULES[kind], this.suffix);
        }
        return value;
    }
}

/**
 * The issue to report when `<system>-<resource>-<suffix>`, a CodeStar connection's name, is longer
 * than AWS allows; `sourceProvider` is the setting that makes the stack create the connection.
 */
export function connectionSuffixIssue(system: string, resource: string, suffix: string, sourceProvider: string): ConfigIssue | undefined {
    const connection = `${system}-${resource}-${suffix}`;
    if (nameProblem(connection, "connection") === undefined) return undefined;
    const room = NAME_RULES.connection.max - `${system}-${resource}-`.length;
    return {
        key: "environmentSuffix",
        value: suffix,
        message: `must be at most ${room} characters with sourceProvider "${sourceProvider}": the connection name ${connection} is limited to ${NAME_RULES.connection.max}`,
    };
}
