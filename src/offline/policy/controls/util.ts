/**
 * Small helpers the security controls share: reading planned inputs, matching one planned
 * resource to another by the values programs pass, and the policy-document questions several
 * controls ask (is a statement public, is it pinned down by a condition).
 */
import type { Level } from "../../model/types";
import { asArray, principals, statements, type Statement } from "../documents";
import type { CheckContext, Finding, PolicyTarget, Profile } from "../types";

export type Levels = Readonly<Record<Profile, Level>>;

export const MANDATORY: Levels = { dev: "mandatory", prod: "mandatory" };
/** Enforced in prod; reported without blocking in dev (used where the fix costs money). */
export const DEV_ADVISORY: Levels = { dev: "advisory", prod: "mandatory" };
export const ADVISORY: Levels = { dev: "advisory", prod: "advisory" };

/** A planned value as a message shows it: `unset`, or its JSON form. */
export function show(value: unknown): string {
    return value === undefined || value === null ? "unset" : JSON.stringify(value);
}

/** A nested input block (`networkConfiguration`, `logsConfig.s3Logs`, ...), or undefined. */
export function block(value: unknown): Record<string, unknown> | undefined {
    return typeof value === "object" && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
}

/** A list input as an array of blocks; absent lists are empty. */
export function blocks(value: unknown): Record<string, unknown>[] {
    return Array.isArray(value) ? value.map((v) => block(v)).filter((v) => v !== undefined) : [];
}

/** A list input as an array of strings; absent lists are empty. */
export function strings(value: unknown): string[] {
    return asArray(value as string | string[] | undefined).filter((v): v is string => typeof v === "string");
}

/** Parses a JSON string (as `pulumi.jsonStringify` leaves it); an object is returned as is. */
export function parseJson(value: unknown): unknown {
    if (typeof value !== "string") return value;
    try {
        return JSON.parse(value) as unknown;
    } catch {
        return undefined;
    }
}

/** The container definitions of an `aws.ecs.TaskDefinition`, given as a JSON string or an array. */
export function containers(taskDefinition: PolicyTarget): Record<string, unknown>[] {
    return blocks(parseJson(taskDefinition.props.containerDefinitions));
}

/** How a message names one container: its `name`, else its position. */
export function containerName(container: Record<string, unknown>, index: number): string {
    return typeof container.name === "string" ? container.name : `#${index + 1}`;
}

export function ofType(resources: readonly PolicyTarget[], ...types: string[]): PolicyTarget[] {
    return resources.filter((r) => types.includes(r.type));
}

/** Inputs that carry a resource's AWS name, which other resources may pass instead of its id. */
const NAME_INPUTS = ["name", "bucket", "identifier", "replicationGroupId", "family"] as const;

/** Secrets Manager appends `-` and six random characters to a secret's name in its ARN (and id). */
const SECRET_SUFFIX = /-[A-Za-z0-9]{6}$/;

/**
 * true when `value` (an input of one resource) points at `target` (another planned resource).
 * Under the mock runtime an id is `<logical name>-id` and an ARN ends with the logical name;
 * programs also pass explicit AWS names, or ARNs built from them. So a value refers to the
 * target when it (or, for a list, any element) equals the target's logical name, its mock id
 * or one of its name inputs, or when one of the `:`- or `/`-separated segments of an ARN-like
 * string does (for a secret, once the random suffix is dropped). Whole segments, not
 * substrings, so `orders-db` does not match `orders-db-logs`.
 */
export function refersTo(value: unknown, target: PolicyTarget): boolean {
    if (Array.isArray(value)) return value.some((v) => refersTo(v, target));
    if (typeof value !== "string" || value === "") return false;
    const names = new Set<string>([target.name, `${target.name}-id`]);
    for (const key of NAME_INPUTS) {
        const name = target.props[key];
        if (typeof name === "string" && name !== "") names.add(name);
    }
    const secret = target.type === "aws:secretsmanager/secret:Secret";
    return (
        names.has(value) ||
        value.split(/[:/]/).some((segment) => names.has(segment) || (secret && names.has(segment.replace(SECRET_SUFFIX, ""))))
    );
}

/** The planned resources of `types` that `value` refers to. */
export function referenced(value: unknown, resources: readonly PolicyTarget[], ...types: string[]): PolicyTarget[] {
    return ofType(resources, ...types).filter((r) => refersTo(value, r));
}

/** The Availability Zones of the subnets a list of subnet references resolves to. */
export function subnetZones(
    subnetRefs: readonly string[],
    resources: readonly PolicyTarget[],
): { zones: Set<string>; unresolved: string[] } {
    const zones = new Set<string>();
    const unresolved: string[] = [];
    for (const ref of subnetRefs) {
        const subnet = referenced(ref, resources, "aws:ec2/subnet:Subnet")[0];
        const zone = subnet?.props.availabilityZone ?? subnet?.props.availabilityZoneId;
        if (typeof zone === "string" && zone !== "") zones.add(zone);
        else unresolved.push(ref);
    }
    return { zones, unresolved };
}

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

/** Glob matching with `*` only, as ECR repository filters use it. */
export function wildcardMatches(pattern: string, value: string): boolean {
    const re = new RegExp("^" + pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$");
    return re.test(value);
}

/** One ingress rule open to the internet, whatever resource declared it. */
export interface InternetIngress {
    /** How a message names the rule: `ingress[0]`, or the rule resource's own inputs. */
    readonly where: string;
    /** Lower-case protocol name: `tcp`, `udp`, `icmp`, or `-1` for all traffic. */
    readonly protocol: string;
    readonly fromPort: number;
    readonly toPort: number;
    readonly source: string;
}

const PROTOCOL_NAMES: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", all: "-1" };
const INTERNET = ["0.0.0.0/0", "::/0"];

function normaliseProtocol(value: unknown): string {
    const protocol = String(value ?? "-1").toLowerCase();
    return PROTOCOL_NAMES[protocol] ?? protocol;
}

function portOf(value: unknown, fallback: number): number {
    return typeof value === "number" ? value : typeof value === "string" && value !== "" ? Number(value) : fallback;
}

/**
 * The ingress rules open to `0.0.0.0/0` or `::/0` declared by an `aws.ec2.SecurityGroup`
 * (inline `ingress`), an `aws.ec2.SecurityGroupRule` of type `ingress`, or an
 * `aws.vpc.SecurityGroupIngressRule`. A rule for all traffic spans ports 0-65535.
 */
export function internetIngress(resource: PolicyTarget): InternetIngress[] {
    const p = resource.props;
    const rule = (where: string, protocol: string, from: unknown, to: unknown, sources: string[]): InternetIngress[] =>
        sources
            .filter((s) => INTERNET.includes(s))
            .map((source) => ({
                where,
                protocol,
                source,
                fromPort: protocol === "-1" ? 0 : portOf(from, 0),
                toPort: protocol === "-1" ? 65535 : portOf(to, 65535),
            }));
    switch (resource.type) {
        case "aws:ec2/securityGroup:SecurityGroup":
            return blocks(p.ingress).flatMap((r, i) =>
                rule(`ingress[${i}]`, normaliseProtocol(r.protocol), r.fromPort, r.toPort, [
                    ...strings(r.cidrBlocks),
                    ...strings(r.ipv6CidrBlocks),
                ]),
            );
        case "aws:ec2/securityGroupRule:SecurityGroupRule":
            if (p.type !== "ingress") return [];
            return rule("cidrBlocks/ipv6CidrBlocks", normaliseProtocol(p.protocol), p.fromPort, p.toPort, [
                ...strings(p.cidrBlocks),
                ...strings(p.ipv6CidrBlocks),
            ]);
        case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
            return rule("cidrIpv4/cidrIpv6", normaliseProtocol(p.ipProtocol), p.fromPort, p.toPort, [
                ...strings(p.cidrIpv4),
                ...strings(p.cidrIpv6),
            ]);
        default:
            return [];
    }
}

/** How a message names an ingress rule's ports. */
export function describeIngress(rule: InternetIngress): string {
    const ports = rule.protocol === "-1" ? "all traffic" : `${rule.protocol} ${rule.fromPort}-${rule.toPort}`;
    return `${rule.where} opens ${ports} to ${rule.source}`;
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
    const bounds = ofType(resources, "aws:iam/role:Role", "aws:iam/user:User").map((r) => r.props.permissionsBoundary);
    return new Set(ofType(resources, "aws:iam/policy:Policy").filter((p) => bounds.some((b) => refersTo(b, p))));
}

/** How a message names a statement: its `Sid`, else its position. */
export function statementName(statement: Statement, index: number): string {
    return typeof statement.Sid === "string" && statement.Sid !== "" ? `statement "${statement.Sid}"` : `statement ${index + 1}`;
}

/** A VPC endpoint's full service name for the stack's region, e.g. `com.amazonaws.us-east-1.ecr.api`. */
export function endpointService(region: string, service: string): string {
    return `com.amazonaws.${region}.${service}`;
}

/**
 * The check shared by the VPC-endpoint controls: every `aws.ec2.Vpc` needs an
 * `aws.ec2.VpcEndpoint` for `service` in it (of type `Interface` when `interfaceOnly`).
 */
export function requireVpcEndpoint(service: string, interfaceOnly: boolean, appliesWhen?: (resources: readonly PolicyTarget[]) => boolean) {
    return (resources: readonly PolicyTarget[], ctx: CheckContext): Finding[] => {
        if (appliesWhen && !appliesWhen(resources)) return [];
        const serviceName = endpointService(ctx.region, service);
        const endpoints = ofType(resources, "aws:ec2/vpcEndpoint:VpcEndpoint").filter(
            (e) => e.props.serviceName === serviceName && (!interfaceOnly || e.props.vpcEndpointType === "Interface"),
        );
        const wanted = `serviceName "${serviceName}"${interfaceOnly ? ' and vpcEndpointType "Interface"' : ""}`;
        return ofType(resources, "aws:ec2/vpc:Vpc")
            .filter((vpc) => !endpoints.some((e) => refersTo(e.props.vpcId, vpc)))
            .map((vpc) => ({ urn: vpc.urn, message: `no aws.ec2.VpcEndpoint with vpcId set to this VPC has ${wanted}` }));
    };
}

/** Resource types that pull container images from ECR. */
export const IMAGE_CONSUMERS = ["aws:ecs/taskDefinition:TaskDefinition", "aws:ecr/repository:Repository", "aws:lambda/function:Function"];

/** true when something in the stack pulls images from ECR: a task definition, a repository, an image-based Lambda. */
export function pullsImages(resources: readonly PolicyTarget[]): boolean {
    return resources.some(
        (r) =>
            r.type === "aws:ecs/taskDefinition:TaskDefinition" ||
            r.type === "aws:ecr/repository:Repository" ||
            (r.type === "aws:lambda/function:Function" && r.props.packageType === "Image"),
    );
}

/** The resources of `type` whose `key` input refers to `target`: the side resources of a bucket, topic or bus. */
export function attachedTo(resources: readonly PolicyTarget[], type: string, target: PolicyTarget, key = "bucket"): PolicyTarget[] {
    return ofType(resources, type).filter((r) => refersTo(r.props[key], target));
}

const PUBLIC_ACCESS_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** The public-access-block flags an `aws.s3.BucketPublicAccessBlock` (or account block) leaves off; unset means false. */
export function publicAccessGaps(settings: PolicyTarget): string[] {
    return PUBLIC_ACCESS_FLAGS.filter((flag) => settings.props[flag] !== true);
}

/** What S3.2 (read) and S3.3 (write) look for in a bucket's ACLs and policies. */
const PUBLIC_ACCESS: Record<"read" | "write", { cannedAcls: string[]; permissions: string[]; actions: RegExp }> = {
    read: {
        cannedAcls: ["public-read", "public-read-write"],
        permissions: ["READ", "FULL_CONTROL"],
        actions: /^(s3:(get|list).*|s3:\*|\*)$/i,
    },
    write: {
        cannedAcls: ["public-read-write"],
        permissions: ["WRITE", "WRITE_ACP", "FULL_CONTROL"],
        actions: /^(s3:(put|delete).*|s3:\*|\*)$/i,
    },
};

const PUBLIC_GROUPS = /\/groups\/global\/(AllUsers|AuthenticatedUsers)$/;

/**
 * How a bucket is open to the public for `access`: canned ACLs and grants to the AllUsers or
 * AuthenticatedUsers groups (aws.s3.BucketAcl, or the deprecated Bucket acl and grants), and
 * Allow statements for Principal "*" without a fixed-value condition (aws.s3.BucketPolicy, or
 * the deprecated Bucket policy). A BucketPublicAccessBlock with every flag on overrides all of it.
 */
export function publicBucketAccess(
    bucket: PolicyTarget,
    resources: readonly PolicyTarget[],
    access: "read" | "write",
): string[] {
    const rule = PUBLIC_ACCESS[access];
    const blocked = attachedTo(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket).some(
        (b) => publicAccessGaps(b).length === 0,
    );
    if (blocked) return [];
    const acls = attachedTo(resources, "aws:s3/bucketAcl:BucketAcl", bucket);
    const cannedAcls = [
        ...acls.map((a) => ({ where: `aws.s3.BucketAcl ${a.name} acl`, acl: a.props.acl })),
        { where: "acl", acl: bucket.props.acl },
    ];
    const grants = [
        ...acls.flatMap((a) =>
            blocks(block(a.props.accessControlPolicy)?.grants).map((g) => ({
                where: `aws.s3.BucketAcl ${a.name} accessControlPolicy`,
                uri: block(g.grantee)?.uri,
                permissions: strings(g.permission),
            })),
        ),
        ...blocks(bucket.props.grants).map((g) => ({ where: "grants", uri: g.uri, permissions: strings(g.permissions) })),
    ];
    const policies = [
        ...attachedTo(resources, "aws:s3/bucketPolicy:BucketPolicy", bucket).map((p) => ({
            where: `aws.s3.BucketPolicy ${p.name} policy`,
            document: p.props.policy,
        })),
        { where: "policy", document: bucket.props.policy },
    ];
    return [
        ...cannedAcls.filter((a) => rule.cannedAcls.includes(String(a.acl))).map((a) => `${a.where} is "${String(a.acl)}"`),
        ...grants
            .filter((g) => PUBLIC_GROUPS.test(String(g.uri)) && g.permissions.some((p) => rule.permissions.includes(p)))
            .map((g) => `${g.where} grants ${access} to ${String(g.uri)}`),
        ...policies.flatMap(({ where, document }) =>
            statements(document)
                .map((s, i) => ({ s, i }))
                .filter(({ s }) => allows(s) && isPublicPrincipal(s) && !restrictedByFixedValues(s))
                .filter(({ s }) => asArray(s.Action).some((a) => rule.actions.test(a)))
                .map(({ s, i }) => `${where} ${statementName(s, i)} lets Principal "*" ${access}`),
        ),
    ];
}
