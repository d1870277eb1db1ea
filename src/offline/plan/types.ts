/**
 * The shapes the offline planner produces. They are the contract between the planner, the
 * policy engine, the cost model and the report: each reads `PlannedResource`s and nothing
 * else, so each can be tested on small hand-written fixtures.
 */
import type { AccessReport } from "../access/types";

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

/** One stack's plan: the element of `plans` in the `--json` document (shared/DESIGN.md). */
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
    readonly error: string | null;
}

export interface PlanDocument {
    readonly plans: readonly StackPlan[];
}
