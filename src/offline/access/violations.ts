/**
 * The access report as policy violations: a denied call and a document the reference says can do
 * nothing are mandatory (the service fails at run time); a grant no call needs is advisory.
 */
import type { Violation } from "../model/types";
import type { AccessReport } from "./types";

export const ACCESS_POLICIES = { denied: "ACCESS.Denied", documents: "ACCESS.Reference", unused: "ACCESS.UnusedGrant" } as const;

export function accessViolations(report: AccessReport): Violation[] {
    return [
        ...report.denied.map((d) => ({ policy: ACCESS_POLICIES.denied, level: "mandatory" as const, urn: d.urn, message: d.message })),
        ...report.documents.map((d) => ({ policy: ACCESS_POLICIES.documents, level: "mandatory" as const, urn: d.urn, message: d.message })),
        ...report.unused.map((u) => ({ policy: ACCESS_POLICIES.unused, level: "advisory" as const, urn: u.urn, message: u.message })),
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
