/**
 * The access report as policy violations: a denied call and a document the reference says can do
 * nothing are mandatory (the service fails at run time); a grant no call needs is advisory.
 */
import type { Violation } from "../model/types";
import type { AccessReport } from "./types";

export const ACCESS_POLICIES = { denied: "ACCESS.Denied", documents: "ACCESS.Reference", unused: "ACCESS.UnusedGrant" } as const;

/** The access check's three policies as the plan and the pack both apply them: level and purpose. */
export const ACCESS_POLICY_TABLE: readonly { readonly id: string; readonly level: "mandatory" | "advisory"; readonly description: string }[] = [
    { id: ACCESS_POLICIES.denied, level: "mandatory", description: "Every call an AWS service makes on the stack's behalf is allowed by the policies that decide it." },
    { id: ACCESS_POLICIES.documents, level: "mandatory", description: "Every policy document names actions, resources, condition keys and principals that exist and fit together." },
    { id: ACCESS_POLICIES.unused, level: "advisory", description: "Every grant is needed by a call some integration of the stack makes." },
];

const levelOf = (id: string) => ACCESS_POLICY_TABLE.find((p) => p.id === id)!.level;

export function accessViolations(report: AccessReport): Violation[] {
    return [
        ...report.denied.map((d) => ({ policy: ACCESS_POLICIES.denied, level: levelOf(ACCESS_POLICIES.denied), urn: d.urn, message: d.message })),
        ...report.documents.map((d) => ({ policy: ACCESS_POLICIES.documents, level: levelOf(ACCESS_POLICIES.documents), urn: d.urn, message: d.message })),
        ...report.unused.map((u) => ({ policy: ACCESS_POLICIES.unused, level: levelOf(ACCESS_POLICIES.unused), urn: u.urn, message: u.message })),
    ];
}

/**
 * How many of the report's denied calls and unused grants a stack exception waived: those the
 * plan's violations (after waivers) no longer hold.
 */
export function accessWaived(report: AccessReport, violations: readonly Pick<Violation, "policy">[]): { denied: number; unused: number } {
    const left = (policy: string) => violations.filter((v) => v.policy === policy).length;
    return { denied: Math.max(0, report.denied.length - left(ACCESS_POLICIES.denied)), unused: Math.max(0, report.unused.length - left(ACCESS_POLICIES.unused)) };
}

/** One line for the terminal: what was checked and what failed, and what of it was waived. */
export function accessSummary(report: AccessReport, violations: readonly Pick<Violation, "policy">[]): string {
    const waived = accessWaived(report, violations);
    const of = (n: number) => (n > 0 ? ` (${n} waived)` : "");
    return `Access: ${report.checked} calls checked, ${report.denied.length} denied${of(waived.denied)}, ${report.documents.length} document problems, ${report.unused.length} unused grants${of(waived.unused)}`;
}
