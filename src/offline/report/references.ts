/**
 * Which planned resources another one points at, for the diagram's arrows. Two sources: the
 * planner's `dependsOn` (the resources whose outputs a resource takes, recorded by the mock
 * runtime), and the strings in its inputs. Under the mock runtime an id is `<logical name>-id`,
 * an ARN carries the logical or the AWS name as one of its `:`/`/` segments, and programs also
 * pass AWS names, endpoints (`<name>.abc123.<region>...`) and URLs built from them.
 *
 * One component often gives several resources the same logical name (a cluster, a task
 * definition and a service all called `orders-service`), and two services may share an AWS
 * name (an ECR repository and a Kinesis stream both `fastcart-orders-prod`). So a string that
 * matches more than one candidate is kept only for the candidates the planner's `dependsOn`
 * confirms, and dropped otherwise: a missing arrow is better than a wrong one.
 */
import type { PlannedResource } from "../model/types";

/** Inputs that carry the name AWS knows a resource by, which others pass instead of its id. */
const NAME_INPUTS = [
    "name",
    "bucket",
    "identifier",
    "clusterIdentifier",
    "replicationGroupId",
    "clusterId",
    "functionName",
    "repositoryName",
    "family",
    "deploymentGroupName",
    "tableName",
] as const;

/** Inputs that never point at another resource but often repeat names: scanning them invents arrows. */
const IGNORED_INPUTS = new Set(["tags", "tagsAll", "description", "alarmDescription", "displayName"]);

/** Secrets Manager appends `-` and six random characters to a secret's name in its ARN. */
const SECRET_SUFFIX = /^(.+)-[A-Za-z0-9]{6}$/;

const SECRET_TYPE = "aws:secretsmanager/secret:Secret";

/** The service an ARN names, for the type modules whose ARNs use another word than the module. */
const ARN_SERVICES: Readonly<Record<string, readonly string[]>> = {
    cloudwatch: ["events", "logs"],
    lb: ["elasticloadbalancing"],
    alb: ["elasticloadbalancing"],
    kinesis: ["firehose"],
    codestarconnections: ["codestar-connections", "codeconnections"],
    codeconnections: ["codestar-connections"],
    sfn: ["states"],
};

/**
 * true when an ARN of `service` can name a resource of `type`: an ARN is only a reference to
 * its own service's resources, so a log group named after a pipeline does not point at it.
 */
export function arnServiceFits(service: string, type: string): boolean {
    const [pkg, mod] = type.split(":");
    if (pkg !== "aws" || mod === undefined) return false;
    const module = mod.split("/")[0]!;
    return module === service || (ARN_SERVICES[module] ?? []).includes(service);
}

/** The AWS name of a resource when its inputs give one; the first of the usual name inputs. */
export function awsName(r: PlannedResource): string | undefined {
    for (const key of NAME_INPUTS) {
        const v = r.inputs[key];
        if (typeof v === "string" && v !== "") return v;
    }
    return undefined;
}

function tokensOf(r: PlannedResource): string[] {
    const tokens = new Set<string>([r.name, `${r.name}-id`]);
    // The mock runtime gives a KMS key the id `<name>-key-id`, and ARNs end with it.
    if (r.type === "aws:kms/key:Key") tokens.add(`${r.name}-key-id`);
    for (const key of NAME_INPUTS) {
        const v = r.inputs[key];
        if (typeof v === "string" && v !== "") tokens.add(v);
    }
    return [...tokens];
}

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

export class References {
    private readonly byToken = new Map<string, PlannedResource[]>();
    private readonly byUrn = new Map<string, PlannedResource>();

    constructor(resources: readonly PlannedResource[]) {
        for (const r of resources) {
            if (!r.custom) continue;
            this.byUrn.set(r.urn, r);
            for (const t of tokensOf(r)) {
                const list = this.byToken.get(t);
                if (list) list.push(r);
                else this.byToken.set(t, [r]);
            }
        }
    }

    /** The candidates one string points at: the whole string, or one of its segments, is a token. */
    private matches(s: string, candidates: ReadonlySet<PlannedResource>): Set<PlannedResource> {
        const found = new Set<PlannedResource>();
        const service = s.startsWith("arn:") ? s.split(":")[2] : undefined;
        const fits = (r: PlannedResource) => candidates.has(r) && (service === undefined || arnServiceFits(service, r.type));
        const lookups = new Set([s, ...s.split(/[:/.@]/)]);
        for (const l of lookups) {
            if (l === "") continue;
            for (const r of this.byToken.get(l) ?? []) if (fits(r)) found.add(r);
            const stem = SECRET_SUFFIX.exec(l)?.[1];
            if (stem !== undefined) {
                for (const r of this.byToken.get(stem) ?? []) if (r.type === SECRET_TYPE && fits(r)) found.add(r);
            }
        }
        return found;
    }

    /** The candidates that `value`, one input of `source`, points at. */
    in(source: PlannedResource, value: unknown, candidates: Iterable<PlannedResource>): PlannedResource[] {
        const pool = new Set(candidates);
        pool.delete(source);
        const confirmed = new Set(source.dependsOn);
        const out = new Set<PlannedResource>();
        for (const s of stringsIn(value)) {
            const found = this.matches(s, pool);
            if (found.size === 1) found.forEach((r) => out.add(r));
            else for (const r of found) if (confirmed.has(r.urn)) out.add(r);
        }
        return [...out];
    }

    /** The candidates `source` points at: through its `dependsOn` or any of its inputs. */
    of(source: PlannedResource, candidates: Iterable<PlannedResource>): PlannedResource[] {
        const pool = new Set(candidates);
        pool.delete(source);
        const out = new Set(this.in(source, source.inputs, pool));
        for (const urn of source.dependsOn) {
            const r = this.byUrn.get(urn);
            if (r && pool.has(r)) out.add(r);
        }
        return [...out];
    }
}
