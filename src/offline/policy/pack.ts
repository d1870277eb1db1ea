/**
 * The CrossGuard adapter: each control becomes a `ResourceValidationPolicy` (resource scope) or a
 * `StackValidationPolicy` (stack scope) that runs it through `runControl`, the same code path the
 * offline engine uses. The profile and waivers are the stack's own, from the engine's
 * ConfigureStack call (stack.ts); a `--policy-pack-config` entry may still override a control's
 * `profile` and `exceptions`. Each finding is reported at the level of the control in that
 * profile. This module never constructs the `PolicyPack`: that starts a gRPC server, and only
 * `index.ts`, the pack entry, may do it.
 */
import type {
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity as PackSeverity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { UnknownValueError } from "@pulumi/policy";
import { UNKNOWN } from "../model/references";
import { exceptionCovers } from "./engine";
import { findingText, runControl } from "./evaluate";
import type { PolicySettings } from "./settings";
import { stackSettings } from "./stack";
import type { Level } from "../model/types";
import type { CheckContext, Control, Finding, PolicyException, PolicyTarget, Profile, Severity } from "./types";

/** What `args.getConfig()` returns for one control (every key optional: a CLI user may omit any). */
export interface PackConfig {
    readonly profile?: Profile;
    readonly region?: string;
    readonly exceptions?: readonly { readonly resource?: string; readonly reason?: string }[];
}

/** The config each policy accepts; `enforcementLevel` is CrossGuard's own and must not be declared. */
export const PACK_CONFIG_SCHEMA: PolicyConfigSchema = {
    properties: {
        profile: { type: "string", enum: ["dev", "prod"], description: "Stack profile; the stack's own (its profile config, PROFILE, its name) when omitted." },
        region: { type: "string", description: "AWS region, when the provider does not say." },
        exceptions: {
            type: "array",
            description: "Waivers; the stack's own policyExceptions when omitted.",
            items: {
                type: "object",
                properties: { resource: { type: "string" }, reason: { type: "string", minLength: 1 } },
                required: ["reason"],
            },
        },
    },
};

/** Region used when neither config nor provider names one: the AWS SDKs' fallback. */
export const FALLBACK_REGION = "us-east-1";

const SEVERITY: Readonly<Record<Severity, PackSeverity>> = {
    Critical: "critical",
    High: "high",
    Medium: "medium",
    Low: "low",
    Informational: "low",
};

/** The shape `toPolicyTarget` reads: `ResourceValidationArgs` and `PolicyResource` both fit it. */
export interface CrossGuardResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly props: Record<string, unknown>;
    readonly opts?: { readonly protect?: boolean; readonly parent?: string };
    readonly parent?: { readonly urn: string };
    readonly dependencies?: readonly { readonly urn: string }[];
    readonly propertyDependencies?: Readonly<Record<string, readonly { readonly urn: string }[]>>;
}

/**
 * A plain copy of CrossGuard's props with `UNKNOWN` where preview cannot know a value. The props
 * themselves throw `UnknownValueError` on such a value, which makes CrossGuard skip the whole
 * policy; the plan index reads this copy instead and answers the reference from dependencies.
 */
export function knownInputs(value: unknown): unknown {
    if (typeof value !== "object" || value === null) return value;
    const read = (key: string | number): unknown => {
        try {
            return knownInputs((value as Record<string | number, unknown>)[key]);
        } catch (e) {
            if (e instanceof UnknownValueError) return UNKNOWN;
            throw e;
        }
    };
    if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => read(i));
    return Object.fromEntries(Object.keys(value).map((k) => [k, read(k)]));
}

export function toPolicyTarget(resource: CrossGuardResource): PolicyTarget {
    const parent = resource.parent?.urn ?? resource.opts?.parent;
    const propertyDependencies = Object.fromEntries(
        Object.entries(resource.propertyDependencies ?? {}).map(([key, deps]) => [key, deps.map((d) => d.urn)]),
    );
    return {
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        props: resource.props,
        inputs: knownInputs(resource.props) as Record<string, unknown>,
        dependsOn: (resource.dependencies ?? []).map((d) => d.urn),
        propertyDependencies,
        ...(resource.opts?.protect === undefined ? {} : { protect: resource.opts.protect }),
        ...(parent === undefined || parent === "" ? {} : { parent }),
    };
}

function regionFromProps(props: Record<string, unknown> | undefined): string | undefined {
    const region = props?.["region"];
    return typeof region === "string" && region !== "" ? region : undefined;
}

/**
 * The profile and region to check with: the control's pack config first, then the stack's
 * settings, then the strict default (prod); the region from config, the provider, then AWS's.
 */
export function contextOf(config: PackConfig, providerRegion: string | undefined, stack?: PolicySettings): CheckContext {
    const region = config.region ?? providerRegion ?? process.env["AWS_REGION"] ?? process.env["AWS_DEFAULT_REGION"];
    return {
        profile: config.profile ?? stack?.profile ?? "prod",
        region: region ?? FALLBACK_REGION,
        ...(region === undefined ? { regionAssumed: true } : {}),
    };
}

/** The waivers of `control` (a control or an access policy): its pack config's when given, else the stack's own. */
export function waiversOf(control: Pick<Control, "id">, config: PackConfig, stack?: PolicySettings): readonly { readonly resource?: string; readonly reason?: string }[] {
    if (config.exceptions !== undefined) return config.exceptions;
    return (stack?.exceptions ?? []).filter((e: PolicyException) => e.policy === control.id);
}

/** Findings no valid exception (one with a reason) waives. */
export function unwaived<F extends Finding>(findings: readonly F[], exceptions: PackConfig["exceptions"]): F[] {
    const waivers = (exceptions ?? []).filter((e) => typeof e.reason === "string" && e.reason.trim() !== "");
    return findings.filter((f) => !waivers.some((w) => exceptionCovers(w, f)));
}

const STRENGTH: Readonly<Record<Level, number>> = { disabled: 0, advisory: 1, mandatory: 2 };

/**
 * The level a policy is served at: its strongest in any profile, so CrossGuard runs it whatever
 * the stack's profile; each finding then carries the level of the stack's profile.
 */
export function servedLevel(control: Control): Level {
    return control.levels.dev === control.levels.prod || STRENGTH[control.levels.prod] > STRENGTH[control.levels.dev] ? control.levels.prod : control.levels.dev;
}

/**
 * Reports at `level`. @pulumi/policy's reportViolation takes a violation object with its own
 * level (its typings declare only the string form); test/preview.test.ts pins that it keeps it.
 */
export function report(reportViolation: ReportViolation, level: Level, message: string, urn?: string): void {
    (reportViolation as unknown as (v: { message: string; enforcementLevel: Level; urn?: string }) => void)({ message, enforcementLevel: level, ...(urn === undefined ? {} : { urn }) });
}

function policyMeta(control: Control) {
    const level: EnforcementLevel = servedLevel(control);
    return {
        name: control.id,
        description: control.title,
        enforcementLevel: level,
        severity: SEVERITY[control.severity],
        remediationSteps: control.remediation,
        tags: [control.kind, ...control.pci],
        configSchema: PACK_CONFIG_SCHEMA,
        ...(control.source?.startsWith("https://") ? { url: control.source } : {}),
    };
}

export function toPolicy(control: Control): ResourceValidationPolicy | StackValidationPolicy {
    if (control.scope === "resource") {
        return {
            ...policyMeta(control),
            validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
                if (!control.resourceTypes.includes(args.type)) return;
                const config = args.getConfig<PackConfig>();
                const stack = stackSettings(args.urn);
                const ctx = contextOf(config, regionFromProps(args.provider?.props) ?? regionFromProps(args.props), stack);
                const level = control.levels[ctx.profile];
                if (level === "disabled") return;
                for (const finding of unwaived(runControl(control, [toPolicyTarget(args)], ctx), waiversOf(control, config, stack))) {
                    report(reportViolation, level, findingText(finding));
                }
            },
        };
    }
    return {
        ...policyMeta(control),
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const config = args.getConfig<PackConfig>();
            const stack = stackSettings(args.resources[0]?.urn);
            const ctx = contextOf(config, stackRegion(args.resources), stack);
            const level = control.levels[ctx.profile];
            if (level === "disabled") return;
            const targets = args.resources.map((r) => toPolicyTarget(r));
            for (const finding of unwaived(runControl(control, targets, ctx), waiversOf(control, config, stack))) {
                report(reportViolation, level, findingText(finding), finding.urn);
            }
        },
    };
}

/** The region of the stack's AWS provider, as the resources report it. */
export function stackRegion(resources: readonly PolicyResource[]): string | undefined {
    for (const r of resources) {
        const region =
            regionFromProps(r.provider?.type === "pulumi:providers:aws" ? r.provider.props : undefined) ??
            regionFromProps(r.type === "pulumi:providers:aws" ? r.props : undefined);
        if (region !== undefined) return region;
    }
    return undefined;
}

export function toPolicies(controls: readonly Control[]): (ResourceValidationPolicy | StackValidationPolicy)[] {
    return controls.map(toPolicy);
}
