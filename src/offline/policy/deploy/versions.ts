/**
 * Every version a planned resource pins, with how it stands on the plan's day: the inputs read
 * by DEPLOY.VersionOffered (mandatory) and DEPLOY.VersionSupport (advisory), judged against the
 * one lifecycle table in src/aws/lifecycles.ts.
 */
import { parse } from "yaml";
import {
    BUILDSPEC_RUNTIMES,
    BUILDSPEC_RUNTIMES_SOURCE,
    cacheVersionProblem,
    lifecycleOf,
    rdsVersionProblem,
    type LifecycleFinding,
    type VersionFamily,
} from "../../../aws/lifecycles";
import type { CheckContext, PolicyTarget, ResourceFinding } from "../types";
import { obj, str } from "./read";
import { readInput } from "./unknown";

export const VERSIONED_TYPES = [
    "aws:lambda/function:Function",
    "aws:rds/instance:Instance",
    "aws:rds/cluster:Cluster",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:elasticache/cluster:Cluster",
    "aws:codebuild/project:Project",
    "aws:ecs/service:Service",
];

export interface VersionFinding extends LifecycleFinding {
    readonly input: string;
    readonly value: string;
}

function judged(input: string, value: string, finding: LifecycleFinding | undefined): VersionFinding[] {
    return finding === undefined ? [] : [{ ...finding, input, value }];
}

function buildspecFindings(image: string | undefined, buildspec: string, today: Date): VersionFinding[] {
    let spec: unknown;
    try {
        spec = parse(buildspec);
    } catch {
        return [];
    }
    const installed = obj(obj(obj(obj(spec)?.["phases"])?.["install"])?.["runtime-versions"]) ?? {};
    const offered = image === undefined ? undefined : BUILDSPEC_RUNTIMES[image];
    const out: VersionFinding[] = [];
    for (const [language, raw] of Object.entries(installed)) {
        const value = String(raw);
        const input = `source.buildspec phases.install.runtime-versions.${language}`;
        const list = offered?.[language];
        if (list !== undefined && !list.includes(value) && value !== "latest") {
            const text = `${image} does not offer ${language} ${value} (it offers ${list.join(", ")})`;
            out.push({ level: "mandatory", input, value, text, rule: `runtime versions of ${image}`, source: BUILDSPEC_RUNTIMES_SOURCE });
            continue;
        }
        if (language === "nodejs" || language === "python") out.push(...judged(input, value, lifecycleOf(`buildspec:${language}`, value, today)));
    }
    return out;
}

/** The pinned versions of one resource, each judged on `ctx.today` (the clock when unset). */
export function versionFindings(resource: PolicyTarget, ctx: CheckContext): VersionFinding[] {
    const today = ctx.today ?? new Date();
    const p = resource.props;
    const read = (path: string) => readInput(p, path);
    switch (resource.type) {
        case "aws:lambda/function:Function": {
            const runtime = str(read("runtime"));
            return runtime === undefined ? [] : judged("runtime", runtime, lifecycleOf("lambda", runtime, today));
        }
        case "aws:rds/instance:Instance":
        case "aws:rds/cluster:Cluster": {
            const engine = str(read("engine"));
            const version = str(read("engineVersion"));
            if (engine === undefined || version === undefined) return [];
            const family = `rds:${engine}` as VersionFamily;
            const problem = rdsVersionProblem(engine, version, str(read("engineLifecycleSupport")), today);
            return judged("engineVersion", version, problem ?? lifecycleOf(family, version, today));
        }
        case "aws:elasticache/replicationGroup:ReplicationGroup":
        case "aws:elasticache/cluster:Cluster": {
            const engine = (str(read("engine")) ?? "redis").toLowerCase();
            const version = str(read("engineVersion"));
            if (version === undefined) return [];
            return judged("engineVersion", version, cacheVersionProblem(engine, version) ?? lifecycleOf(`elasticache:${engine}` as VersionFamily, version, today));
        }
        case "aws:codebuild/project:Project": {
            const image = str(read("environment.image"));
            const buildspec = str(read("source.buildspec"));
            return [
                ...(image === undefined ? [] : judged("environment.image", image, lifecycleOf("codebuild:image", image, today))),
                ...(buildspec === undefined || !buildspec.includes("runtime-versions") ? [] : buildspecFindings(image, buildspec, today)),
            ];
        }
        case "aws:ecs/service:Service": {
            const platform = str(read("platformVersion"));
            return platform === undefined ? [] : judged("platformVersion", platform, lifecycleOf("ecs:platform", platform, today));
        }
        default:
            return [];
    }
}

/** The finding with its input, value, rule and source, each also in the message. */
export function versionMessage(resource: PolicyTarget, f: VersionFinding): ResourceFinding {
    const message = `${resource.name}: input ${f.input} = "${f.value}": ${f.text} [rule: ${f.rule}; source: ${f.source}].`;
    return { message, input: f.input, value: f.value, rule: f.rule, source: f.source };
}
