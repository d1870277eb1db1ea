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

/** One line for the terminal: what was checked and what failed. */
export function accessSummary(report: AccessReport): string {
    return `Access: ${report.checked} calls checked, ${report.denied.length} denied, ${report.documents.length} document problems, ${report.unused.length} unused grants`;
}
