/**
 * The offline policy engine: runs every control over a planned stack, at the level the profile
 * sets, and applies the exceptions written in stack config. The planner calls it on every plan;
 * `pulumi preview --policy-pack src/offline/policy` runs the same controls through `pack.ts`, configured
 * by `policyPackConfig` so a CLI user gets the same levels and waivers.
 */
import { ACCESS_POLICIES, ACCESS_POLICY_TABLE, accessViolations } from "../access/violations";
import type { AccessReport } from "../model/access";
import type { AppliedException, Level, PlannedResource, PolicySummary, Violation } from "../model/types";
import { appliesTo, findingText, runControl } from "./evaluate";
import { allControls } from "./registry";
import type { CheckContext, Control, Finding, PolicyException, PolicyTarget, Profile } from "./types";

export interface EvaluateOptions {
    readonly profile: Profile;
    readonly region: string;
    readonly exceptions: readonly PolicyException[];
    /** The controls to run; every control of the pack when omitted. */
    readonly controls?: readonly Control[];
    /** The access check's report: its `ACCESS.*` findings are waived by the same exceptions. */
    readonly access?: AccessReport;
}

export interface PolicyEvaluation {
    readonly violations: Violation[];
    readonly exceptions: AppliedException[];
    readonly summary: PolicySummary;
    /** Problems that must fail the plan: bad exceptions, controls that threw. */
    readonly errors: string[];
}

/** A planned resource as a control sees it. */
export function toPolicyTarget(resource: PlannedResource): PolicyTarget {
    return {
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        props: resource.inputs,
        dependsOn: resource.dependsOn,
        protect: resource.protect,
        ...(resource.parent === undefined ? {} : { parent: resource.parent }),
    };
}

/** The logical name at the end of a URN (`...::<type>::<name>`). */
export function logicalName(urn: string): string {
    const at = urn.lastIndexOf("::");
    return at === -1 ? urn : urn.slice(at + 2);
}

/** true when the exception covers the finding: same resource (URN or logical name), or stack-wide. */
export function exceptionCovers(exception: Pick<PolicyException, "resource">, finding: Finding): boolean {
    if (exception.resource === undefined) return true;
    if (finding.urn === undefined) return false;
    return finding.urn === exception.resource || logicalName(finding.urn) === exception.resource;
}

function exceptionLabel(exception: PolicyException, index: number): string {
    const on = exception.resource === undefined ? "stack-wide" : `on ${exception.resource}`;
    return `policyExceptions[${index}] (${exception.policy}, ${on})`;
}

/** A finding as the plan reports it: the finding's own source where it has one, else the control's. */
function toViolation(control: Control, level: Violation["level"], finding: Finding): Violation {
    const source = finding.source ?? control.source;
    return {
        policy: control.id,
        level,
        ...(finding.urn === undefined ? {} : { urn: finding.urn }),
        message: findingText(finding),
        remediation: control.remediation,
        ...(source === undefined ? {} : { source }),
        ...(finding.input === undefined ? {} : { input: finding.input }),
        ...(finding.value === undefined ? {} : { value: finding.value }),
        ...(finding.rule === undefined ? {} : { rule: finding.rule }),
    };
}

interface LiveException {
    readonly exception: PolicyException;
    readonly index: number;
    used: boolean;
}

/** The stack's exceptions, checked once, applied finding by finding, and what they waived. */
class Waivers {
    readonly errors: string[] = [];
    readonly applied = new Map<string, AppliedException>();
    private readonly live: LiveException[] = [];

    constructor(exceptions: readonly PolicyException[], known: ReadonlySet<string>) {
        exceptions.forEach((exception, index) => {
            if (!known.has(exception.policy)) {
                this.errors.push(`${exceptionLabel(exception, index)}: no control has the id "${exception.policy}".`);
            } else if (typeof exception.reason !== "string" || exception.reason.trim() === "") {
                this.errors.push(`${exceptionLabel(exception, index)}: the reason is empty; say why the control is waived here.`);
            } else {
                this.live.push({ exception, index, used: false });
            }
        });
        // A resource-scoped exception is the more specific waiver, so it is tried first.
        this.live.sort((a, b) => Number(a.exception.resource === undefined) - Number(b.exception.resource === undefined) || a.index - b.index);
    }

    /** true when an exception waives `finding` of control `id`; the waiver is recorded. */
    waive(id: string, finding: Finding): boolean {
        const waiver = this.live.find((l) => l.exception.policy === id && exceptionCovers(l.exception, finding));
        if (waiver === undefined) return false;
        waiver.used = true;
        const urn = waiver.exception.resource === undefined ? undefined : finding.urn;
        this.applied.set(`${id}\u0000${urn ?? ""}\u0000${waiver.index}`, { policy: id, ...(urn === undefined ? {} : { urn }), reason: waiver.exception.reason });
        return true;
    }

    /** An error for each exception that waived nothing, saying why when its control is disabled. */
    unused(disabled: (id: string) => boolean, profile: Profile): string[] {
        return this.live
            .filter((x) => !x.used)
            .sort((a, b) => a.index - b.index)
            .map((l) => {
                const why = disabled(l.exception.policy) ? `the control is disabled in the ${profile} profile` : "the control reports nothing it covers";
                return `${exceptionLabel(l.exception, l.index)}: waives nothing (${why}); remove it.`;
            });
    }
}

/** The access check's findings as the engine applies them: per policy id, its level and findings. */
function accessFindings(report: AccessReport | undefined): { id: string; violations: Violation[] }[] {
    if (report === undefined) return [];
    const all = accessViolations(report);
    return Object.values(ACCESS_POLICIES).map((id) => ({ id, violations: all.filter((v) => v.policy === id) }));
}

/**
 * Runs each control not disabled for the profile, applies the exceptions, and counts controls:
 * `checked` read at least one resource of the stack (or reported something), `passed` reported
 * nothing, `waived` had every finding waived, `failed` kept at least one finding. The access
 * check's findings (`opts.access`) are waived by the same exceptions and counted as three
 * controls, one per `ACCESS.*` id.
 */
export function evaluatePolicies(resources: readonly PlannedResource[], opts: EvaluateOptions): PolicyEvaluation {
    const controls = opts.controls ?? allControls;
    const known = new Map(controls.map((c) => [c.id, c]));
    const access = accessFindings(opts.access);
    const waivers = new Waivers(opts.exceptions, new Set([...known.keys(), ...access.map((a) => a.id)]));
    const targets = resources.map(toPolicyTarget);
    const ctx: CheckContext = { profile: opts.profile, region: opts.region };
    const errors: string[] = [...waivers.errors];
    const violations: Violation[] = [];
    const summary = { checked: 0, passed: 0, waived: 0, failed: 0 };
    const tally = (id: string, found: readonly Violation[]) => {
        summary.checked += 1;
        const kept = found.filter((v) => !waivers.waive(id, v));
        violations.push(...kept);
        if (found.length === 0) summary.passed += 1;
        else if (kept.length > 0) summary.failed += 1;
        else summary.waived += 1;
    };

    for (const control of controls) {
        const level: Level = control.levels[opts.profile];
        if (level === "disabled") continue;
        let findings: Finding[];
        try {
            findings = runControl(control, targets, ctx);
        } catch (error) {
            errors.push(`${control.id}: the control failed: ${error instanceof Error ? error.message : String(error)}`);
            continue;
        }
        if (!appliesTo(control, targets) && findings.length === 0) continue;
        tally(control.id, findings.map((f) => toViolation(control, level, f)));
    }
    for (const a of access) tally(a.id, a.violations);

    errors.push(...waivers.unused((id) => known.get(id)?.levels[opts.profile] === "disabled", opts.profile));
    return { violations, exceptions: [...waivers.applied.values()], summary, errors };
}

/** One control's entry in the `--policy-pack-config` file. */
export interface PackPolicyConfig {
    readonly enforcementLevel: Level;
    readonly profile: Profile;
    readonly exceptions: readonly { readonly resource?: string; readonly reason: string }[];
}

/**
 * The JSON object for `pulumi preview --policy-pack src/offline/policy --policy-pack-config <file>`:
 * one entry per control (and per access policy) with the profile's level and the exceptions that
 * name it.
 */
export function policyPackConfig(
    profile: Profile,
    exceptions: readonly PolicyException[],
    controls: readonly Control[] = allControls,
): Record<string, PackPolicyConfig> {
    const entry = (id: string, enforcementLevel: Level): PackPolicyConfig => ({
        enforcementLevel,
        profile,
        exceptions: exceptions.filter((e) => e.policy === id).map((e) => (e.resource === undefined ? { reason: e.reason } : { resource: e.resource, reason: e.reason })),
    });
    const config: Record<string, PackPolicyConfig> = {};
    for (const control of controls) config[control.id] = entry(control.id, control.levels[profile]);
    // The access check's policies are not controls, but the pack serves them with the same config.
    for (const policy of ACCESS_POLICY_TABLE) config[policy.id] = entry(policy.id, policy.level);
    return config;
}
