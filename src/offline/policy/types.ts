/**
 * What a control is. A control is a pure function over planned resources; the same function
 * runs inside `pulumi preview --policy-pack src/offline/policy` (through the adapter in `pack.ts`) and
 * inside the offline planner (through `engine.ts`), so both report the same thing.
 */
import type { Level } from "../model/types";
import type { Referable } from "../model/references";

export type Profile = "dev" | "prod";

export type Severity = "Critical" | "High" | "Medium" | "Low" | "Informational";

/** A resource as a control sees it: the planned inputs, under the name `props` CrossGuard uses. */
export interface PolicyTarget extends Referable {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly props: Record<string, unknown>;
    readonly protect?: boolean;
    readonly parent?: string;
}

export interface CheckContext {
    readonly profile: Profile;
    /** The stack's AWS region, e.g. `eu-central-1`. */
    readonly region: string;
    /** The day lifecycles are judged on; the clock when unset (tests pin it). */
    readonly today?: Date;
    /** true when no config, provider or environment named the region and `region` is a fallback. */
    readonly regionAssumed?: boolean;
}

/** What a rule file declares; the pack's level table (levels.ts) adds how much it matters. */
export interface RuleMeta {
    /** The control id, also the file name: `RDS.3`, `AwsSolutions-KMS5`, `DEPLOY.NameLength`. */
    readonly id: string;
    readonly title: string;
    readonly kind: "security" | "deployability";
    readonly severity: Severity;
    /** PCI DSS requirements the control maps to (empty when none). */
    readonly pci: readonly string[];
    /** The resource types the control reads; a stack control lists every type it reads. */
    readonly resourceTypes: readonly string[];
    /** What to set to what, in `@pulumi/aws` v7 names. */
    readonly remediation: string;
    readonly source?: string;
}

/** A rule as the pack holds it: with its levels from the pack's table. */
export interface ControlMeta extends RuleMeta {
    /** Enforcement per profile; prod is never looser than dev. */
    readonly levels: Readonly<Record<Profile, Level>>;
    /** Why a profile's level differs, when it does (cost, destroyability). */
    readonly levelReason?: string;
}

/**
 * A finding on one input, in fields as well as in its message (which still says all of it, since
 * CrossGuard's reportViolation carries a message only).
 */
export interface FindingDetail {
    /** The input's path, `engineVersion` or `ingress[0].description`. */
    readonly input?: string;
    /** The value the input has, as text; missing for a secret or an unset input. */
    readonly value?: string;
    /** The rule the value breaks, in words. */
    readonly rule?: string;
    /** Where AWS states the rule (the page, the API reference, the data file). */
    readonly source?: string;
}

export interface Finding extends FindingDetail {
    /** The offending resource; missing when the stack as a whole is at fault. */
    readonly urn?: string;
    readonly message: string;
}

/** What a resource rule reports: a message, or a message with its detail. */
export type ResourceFinding = string | (FindingDetail & { readonly message: string });

export interface ResourceRule extends RuleMeta {
    readonly scope: "resource";
    /** Findings for one resource of one of `resourceTypes`; empty when compliant. */
    check(resource: PolicyTarget, ctx: CheckContext): ResourceFinding[];
}

export interface StackRule extends RuleMeta {
    readonly scope: "stack";
    /**
     * Findings over every resource of the stack; empty when compliant. Ask the list's index
     * (`planOf(resources)` in src/offline/model/plan.ts) for resources by type or reference,
     * never scan the list per resource: a check must stay linear in the stack's size.
     */
    check(resources: readonly PolicyTarget[], ctx: CheckContext): Finding[];
}

export type Rule = ResourceRule | StackRule;

export type ResourceControl = ResourceRule & ControlMeta;
export type StackControl = StackRule & ControlMeta;
export type Control = ResourceControl | StackControl;

/**
 * An exception written in stack config (`policyExceptions`): waives one control, for one
 * resource (by logical name or URN) or, without `resource`, for the whole stack.
 */
export interface PolicyException {
    readonly policy: string;
    readonly resource?: string;
    readonly reason: string;
}
