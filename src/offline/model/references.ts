/**
 * Which planned resource a string points at: the one rule the policy pack, the cost model and
 * the report share. A resource is known by tokens: its logical name, the ids the mock runtime
 * derives from it (`<name>-id`, a KMS key's `<name>-key-id`), its URN and the AWS name its
 * inputs give it. A string points at a resource when the whole string, or one of its `:` `/`
 * `.` `@` separated segments, is one of its tokens: whole segments, never substrings, so
 * `orders-db` does not claim `orders-db-logs`. Two AWS quirks are honoured: Secrets Manager
 * appends `-` and six random characters to a secret's name in its ARN, and an ARN only names
 * resources of its own service (a log group named after a pipeline does not point at it).
 *
 * During a real `pulumi preview` a value the provider has not computed yet is unknown; the
 * CrossGuard adapter marks it `UNKNOWN`, and the plan index (plan.ts) answers such a reference
 * from the resource's dependencies instead.
 */

/** A value `pulumi preview` cannot know yet (an id or ARN of a resource still to be created). */
export const UNKNOWN: unique symbol = Symbol("unknown during preview");

export function isUnknown(value: unknown): value is typeof UNKNOWN {
    return value === UNKNOWN;
}

/** What the index needs of a resource; `PlannedResource` and the pack's `PolicyTarget` both fit. */
export interface Referable {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** The inputs, with `UNKNOWN` where preview could not know a value. */
    readonly inputs?: Readonly<Record<string, unknown>>;
    /** The inputs as a control reads them (CrossGuard's name); used when `inputs` is absent. */
    readonly props?: Readonly<Record<string, unknown>>;
    /** URNs of the resources this one waits for. */
    readonly dependsOn?: readonly string[];
    /** Per input, the URNs of the resources whose outputs it takes (CrossGuard gives these). */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

export function inputsOf(r: Referable): Readonly<Record<string, unknown>> {
    return r.inputs ?? r.props ?? {};
}

/** Inputs that carry the name AWS knows a resource by, which others pass instead of its id. */
export const NAME_INPUTS = [
    "name",
    "bucket",
    "identifier",
    "clusterIdentifier",
    "replicationGroupId",
    "clusterId",
    "functionName",
    "repositoryName",
    "deploymentGroupName",
    "family",
    "dashboardName",
    "tableName",
] as const;

/** The AWS name a resource's inputs give it: the first of the usual name inputs that is set. */
export function awsName(r: Referable): string | undefined {
    const inputs = inputsOf(r);
    for (const key of NAME_INPUTS) {
        const v = inputs[key];
        if (typeof v === "string" && v !== "") return v;
    }
    return undefined;
}

const SECRET_TYPE = "aws:secretsmanager/secret:Secret";
const SECRET_SUFFIX = /^(.+)-[A-Za-z0-9]{6}$/;

/** Every token a resource is known by. */
export function tokensOf(r: Referable): string[] {
    const tokens = new Set<string>([r.name, `${r.name}-id`, r.urn]);
    // The mock runtime gives a KMS key the id `<name>-key-id`, and its ARN ends with it.
    if (r.type === "aws:kms/key:Key") tokens.add(`${r.name}-key-id`);
    const inputs = inputsOf(r);
    for (const key of NAME_INPUTS) {
        const v = inputs[key];
        if (typeof v === "string" && v !== "") tokens.add(v);
    }
    tokens.delete("");
    return [...tokens];
}

/** The service an ARN names, for the type modules whose ARNs use another word than the module. */
const ARN_SERVICES: Readonly<Record<string, readonly string[]>> = {
    cloudwatch: ["events", "logs"],
    lb: ["elasticloadbalancing"],
    alb: ["elasticloadbalancing"],
    kinesis: ["firehose"],
    codestarconnections: ["codestar-connections", "codeconnections"],
    codeconnections: ["codestar-connections"],
    sfn: ["states"],
    vpc: ["ec2"],
};

/** true when an ARN of `service` can name a resource of `type`. */
export function arnServiceFits(service: string, type: string): boolean {
    const [pkg, mod] = type.split(":");
    if (pkg !== "aws" || mod === undefined) return false;
    const module = mod.split("/")[0] ?? mod;
    return module === service || (ARN_SERVICES[module] ?? []).includes(service);
}

/** How strongly a lookup key points: the whole string, its last segment, or another segment. */
export type Strength = 3 | 2 | 1;

/** One way to look a string up: a token, how strongly it points, whether only secrets may match. */
export interface LookupKey {
    readonly token: string;
    readonly strength: Strength;
    readonly secretsOnly: boolean;
}

/** The keys a string is looked up by: itself, then its segments, then secret-name stems. */
export function lookupKeys(s: string): LookupKey[] {
    if (s === "") return [];
    const keys: LookupKey[] = [{ token: s, strength: 3, secretsOnly: false }];
    const segments = s.split(/[:/.@]/).filter((x) => x !== "" && x !== s);
    const last = s.split(/[:/]/).pop();
    for (const segment of new Set(segments)) {
        keys.push({ token: segment, strength: segment === last ? 2 : 1, secretsOnly: false });
    }
    for (const segment of new Set([s, ...segments])) {
        const stem = SECRET_SUFFIX.exec(segment)?.[1];
        if (stem !== undefined) keys.push({ token: stem, strength: segment === s || segment === last ? 2 : 1, secretsOnly: true });
    }
    return keys;
}

/** The service of an ARN (`arn:aws:<service>:...`), or undefined for anything else. */
export function arnService(s: string): string | undefined {
    return s.startsWith("arn:") ? s.split(":")[2] : undefined;
}

/** true when `key`, found for string `s`, may name resource `r`. */
export function keyFits(s: string, key: LookupKey, r: Referable): boolean {
    if (key.secretsOnly && r.type !== SECRET_TYPE) return false;
    const service = arnService(s);
    return service === undefined || arnServiceFits(service, r.type);
}

/** The strings a reference value holds: a string, or the strings of a list (nested lists too). */
export function referenceStrings(value: unknown): string[] {
    if (typeof value === "string") return value === "" ? [] : [value];
    if (Array.isArray(value)) return value.flatMap(referenceStrings);
    return [];
}

/**
 * true when `value` (a string, or a list of them) points at `target`, by the rule above. An
 * unknown value points at nothing here; the plan index answers it from dependencies.
 */
export function refersTo(value: unknown, target: Referable): boolean {
    if (isUnknown(value)) return false;
    const tokens = new Set(tokensOf(target));
    return referenceStrings(value).some((s) => lookupKeys(s).some((k) => tokens.has(k.token) && keyFits(s, k, target)));
}

/** Inputs that never point at another resource but often repeat names: scanning them invents references. */
const IGNORED_INPUTS = new Set(["tags", "tagsAll", "description", "alarmDescription", "displayName"]);

/** Every string inside a value; JSON documents given as strings (policies, container definitions) are opened. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
    if (typeof value === "string") {
        const trimmed = value.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                stringsIn(JSON.parse(trimmed) as unknown, out);
                return out;
            } catch {
                // Not JSON after all: the string itself is the value.
            }
        }
        out.push(value);
    } else if (Array.isArray(value)) {
        for (const v of value) stringsIn(v, out);
    } else if (typeof value === "object" && value !== null) {
        for (const [k, v] of Object.entries(value)) if (!IGNORED_INPUTS.has(k)) stringsIn(v, out);
    }
    return out;
}
