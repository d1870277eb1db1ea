/**
 * Names of AWS resources: `<system>-<resource>-<environmentSuffix>`, checked against the limits
 * AWS enforces at create time (each service's API reference). Under the mock runtime
 * Pulumi does not autoname, so every AWS-named resource gets an explicit, checked name.
 */

export interface NameRule {
    readonly max: number;
    readonly min?: number;
    /** Characters and shape AWS accepts. */
    readonly pattern: RegExp;
    /** The rule in words, for error messages. */
    readonly description: string;
}

const hyphenated = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const lowerStartsWithLetter = /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * Per kind of resource. Sources: the AWS API reference of each service (the `source` of each row
 * of NAME_LIMITS in src/offline/policy/deploy/DEPLOY.NameLimits.ts).
 */
export const NAME_RULES = {
    loadBalancer: { max: 32, pattern: hyphenated, description: "letters, digits and hyphens, not starting or ending with a hyphen" },
    targetGroup: { max: 32, pattern: hyphenated, description: "letters, digits and hyphens, not starting or ending with a hyphen" },
    elasticacheReplicationGroup: { max: 40, pattern: lowerStartsWithLetter, description: "lowercase letters, digits and hyphens, starting with a letter" },
    connection: { max: 32, pattern: /^[A-Za-z0-9_.-]+$/, description: "letters, digits, '.', '_' and '-'" },
    iamRole: { max: 64, pattern: /^[\w+=,.@-]+$/, description: "letters, digits and +=,.@_-" },
    iamPolicy: { max: 128, pattern: /^[\w+=,.@-]+$/, description: "letters, digits and +=,.@_-" },
    lambdaFunction: { max: 64, pattern: /^[A-Za-z0-9_-]+$/, description: "letters, digits, hyphens and underscores" },
    rdsInstance: { max: 63, pattern: lowerStartsWithLetter, description: "lowercase letters, digits and hyphens, starting with a letter" },
    s3Bucket: { max: 63, min: 3, pattern: /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/, description: "lowercase letters, digits, dots and hyphens" },
    codePipeline: { max: 100, pattern: /^[A-Za-z0-9.@_-]+$/, description: "letters, digits and .@_-" },
    codeBuildProject: { max: 150, min: 2, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, description: "letters, digits, hyphens and underscores, starting with a letter or digit" },
    ecrRepository: { max: 256, min: 2, pattern: /^[a-z0-9]+(?:[._/-][a-z0-9]+)*$/, description: "lowercase letters, digits and ._/- separators" },
    dynamodbTable: { max: 255, min: 3, pattern: /^[A-Za-z0-9_.-]+$/, description: "letters, digits and _.-" },
    kinesisStream: { max: 128, pattern: /^[A-Za-z0-9_.-]+$/, description: "letters, digits and _.-" },
    eventRule: { max: 64, pattern: /^[A-Za-z0-9_.-]+$/, description: "letters, digits and _.-" },
    generic: { max: 255, pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, description: "letters, digits and _.-" },
} as const satisfies Record<string, NameRule>;

export type NameKind = keyof typeof NAME_RULES;

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
            `name "${value}" for ${resource} breaks AWS's rule (at most ${rule.max} characters, ${rule.description}); ` +
                `it is ${value.length} characters with environment suffix "${suffix}" — use a shorter suffix`,
        );
        this.name = "NameError";
    }
}

/** Returns the reason a name breaks its rule, or undefined when AWS accepts it. */
export function nameProblem(value: string, kind: NameKind): string | undefined {
    const rule: NameRule = NAME_RULES[kind];
    if (value.length > rule.max) return `longer than ${rule.max} characters`;
    if (rule.min !== undefined && value.length < rule.min) return `shorter than ${rule.min} characters`;
    if (!rule.pattern.test(value)) return `not ${rule.description}`;
    if (kind === "elasticacheReplicationGroup" || kind === "rdsInstance") {
        if (value.includes("--")) return "contains two consecutive hyphens";
    }
    if (kind === "s3Bucket" && /^\d+\.\d+\.\d+\.\d+$/.test(value)) return "formatted as an IP address";
    return undefined;
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
