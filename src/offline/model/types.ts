/**
 * The shapes the offline planner produces. They are the contract between the planner, the
 * policy engine, the cost model and the report: each reads `PlannedResource`s and nothing
 * else, so each can be tested on small hand-written fixtures.
 */
import type { AccessReport } from "./access";

/** One resource a program registered under the mock runtime. */
export interface PlannedResource {
    /** `urn:pulumi:<stack>::<project>::<parent types$>type::<name>` */
    readonly urn: string;
    /** The Pulumi type token, e.g. `aws:rds/instance:Instance`. */
    readonly type: string;
    /** The logical (Pulumi) name. */
    readonly name: string;
    /** URN of the parent resource; the root stack for top-level resources. */
    readonly parent?: string;
    /** The inputs as the program gave them, fully resolved (secrets unwrapped). */
    readonly inputs: Record<string, unknown>;
    /** The inputs the program gave as secrets (missing when none): shown masked wherever a plan is compared. */
    readonly secretInputs?: readonly string[];
    /** true for provider resources (`aws:x/y:Z`), false for components. */
    readonly custom: boolean;
    /** The `protect` resource option. */
    readonly protect: boolean;
    /** URNs this resource waits for: `dependsOn` plus the resources whose outputs it takes as inputs. */
    readonly dependsOn: readonly string[];
}

export type Level = "mandatory" | "advisory" | "disabled";

export interface Violation {
    readonly policy: string;
    readonly level: Exclude<Level, "disabled">;
    /** Missing for a violation of the stack as a whole. */
    readonly urn?: string;
    readonly message: string;
    /** What to set to what to pass the control (the control's own remediation). */
    readonly remediation?: string;
    /**
     * Where the rule is written: the finding's own source where it has one (the lifecycle page,
     * API reference or data file of a deployability check), else the control's (the AWS or
     * cdk-nag document it follows).
     */
    readonly source?: string;
    /** The input the finding is about, for a check of one input (`engineVersion`, `ingress[0].description`). */
    readonly input?: string;
    /** That input's value as text; missing for a secret or an unset input. */
    readonly value?: string;
    /** The rule the value breaks, in words. */
    readonly rule?: string;
}

export interface AppliedException {
    readonly policy: string;
    /** The resource the exception waived the control for; missing when it waives it stack-wide. */
    readonly urn?: string;
    readonly reason: string;
}

export interface CostItem {
    /** The resource the line prices; missing for a stack-wide line. */
    readonly urn?: string;
    readonly type: string;
    /** What is priced, in the AWS user's words: "NAT gateway hours", "db.t3.micro Multi-AZ". */
    readonly description: string;
    readonly quantity: number;
    readonly unit: string;
    readonly unitPriceUsd: number;
    readonly monthlyUsd: number;
    /** true when the region had no figure and us-east-1's was used. */
    readonly approximate: boolean;
    /** The usage assumption behind a usage-driven line, e.g. "100 GB processed a month". */
    readonly assumption?: string;
    readonly source?: string;
}

export interface CostReport {
    readonly monthlyUsd: number;
    readonly currency: "USD";
    readonly items: readonly CostItem[];
    /** Things deliberately priced at zero, with why (e.g. reserved concurrency). */
    readonly notes: readonly string[];
}

export interface PolicySummary {
    readonly checked: number;
    readonly passed: number;
    readonly waived: number;
    readonly failed: number;
}

/** One stack's plan: the element of `plans` in the planner's `--json` document (README.md). */
export interface StackPlan {
    readonly project: string;
    readonly stack: string;
    readonly region: string;
    /** The policy profile the plan was checked at. */
    readonly profile?: "dev" | "prod";
    readonly resources: readonly PlannedResource[];
    readonly outputs: Record<string, unknown>;
    readonly violations: readonly Violation[];
    readonly exceptions: readonly AppliedException[];
    readonly policySummary?: PolicySummary;
    /** The access check (src/offline/access): calls checked, denied, grants unused. */
    readonly access?: AccessReport;
    readonly cost: CostReport | null;
    /** The stack's `budgetUsd` and `budgetIncreaseUsd`, where it sets them. */
    readonly budget?: { readonly monthlyUsd?: number; readonly increaseUsd?: number };
    /** What changed against the base plan of the same stack, with `--base`. */
    readonly diff?: StackDiff;
    readonly error: string | null;
    /** Things to fix before deploying that fail no control, e.g. a stack value still the repository's example. */
    readonly warnings?: readonly string[];
}

/* One stack's changes against a base plan of it (`npm start -- --base`). */
export interface PropertyChange {
    /** The input's path: `instanceClass`, `tags.Owner`, `stages[2].actions[0].configuration.ProjectName`. */
    readonly path: string;
    /** Missing when the input was added; secrets are shown as `[secret]`. */
    readonly before?: unknown;
    /** Missing when the input was removed. */
    readonly after?: unknown;
    /** Changing this input makes `pulumi up` replace the resource. */
    readonly replaces: boolean;
    /** CloudFormation says the change may replace the resource, depending on the values. */
    readonly mayReplace?: boolean;
    /** Where the replacement decision comes from. */
    readonly source?: string;
}

export interface ChangedResource {
    readonly urn: string;
    readonly type: string;
    readonly replaces: boolean;
    /** Replaced and holding data (a database, bucket, stream, table, key, or `protect`). */
    readonly losesData: boolean;
    readonly properties: readonly PropertyChange[];
}

export interface CostLineDelta {
    readonly urn?: string;
    readonly description: string;
    readonly beforeUsd: number;
    readonly afterUsd: number;
    readonly deltaUsd: number;
}

export interface StackDiff {
    /** false when the base has no plan of this stack: everything is added. */
    readonly baseFound: boolean;
    readonly added: readonly string[];
    readonly removed: readonly string[];
    readonly changed: readonly ChangedResource[];
    /** Removed or replaced resources that hold data. */
    readonly dataAtRisk: readonly string[];
    readonly costDeltaUsd: number;
    readonly cost: { readonly beforeUsd: number; readonly afterUsd: number; readonly lines: readonly CostLineDelta[] };
    readonly findings: { readonly added: readonly Violation[]; readonly resolved: readonly Violation[] };
    readonly exceptions: { readonly added: readonly AppliedException[]; readonly removed: readonly AppliedException[] };
}

export interface PlanDocument {
    readonly plans: readonly StackPlan[];
}
