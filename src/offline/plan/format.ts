/**
 * The human-readable plan: per stack, what would be created, its outputs, the policy results
 * and the monthly cost; then one summary line per stack. Each part is one function returning
 * lines, so a new section is one more function in `SECTIONS`.
 */
import { accessSummary } from "../access/violations";
import type { StackPlan, Violation } from "../model/types";

function usd(n: number): string {
    return `$${n.toFixed(2)}`;
}

/** Cloud resources and the components grouping them; the progress line and the section say the same. */
export function resourceCounts(plan: Pick<StackPlan, "resources">): { cloud: number; components: number } {
    const cloud = plan.resources.filter((r) => r.custom).length;
    return { cloud, components: plan.resources.length - cloud };
}

/** Findings by level: what the summary table's columns count. */
export function findingCounts(plan: Pick<StackPlan, "violations" | "exceptions">): { mandatory: number; advisory: number; waived: number } {
    const mandatory = plan.violations.filter((v) => v.level === "mandatory").length;
    return { mandatory, advisory: plan.violations.length - mandatory, waived: plan.exceptions.length };
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** One line: what to change, and the source where the finding's message does not already name it. */
export function violationHint(v: Pick<Violation, "remediation" | "source"> & Partial<Pick<Violation, "message">>): string | undefined {
    const source = v.source && !(v.message ?? "").includes(v.source) ? `source: ${v.source}` : undefined;
    const parts = [v.remediation ? `fix: ${v.remediation}` : undefined, source].filter((p) => p !== undefined);
    return parts.length > 0 ? parts.join("; ") : undefined;
}

function resourceLines(plan: StackPlan): string[] {
    const counts = resourceCounts(plan);
    const byType = new Map<string, number>();
    for (const r of plan.resources) if (r.custom) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    const lines = [`Resources: ${counts.cloud} cloud resources in ${counts.components} components`];
    for (const [type, count] of [...byType.entries()].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`  ${String(count).padStart(3)}  ${type}`);
    return lines;
}

function outputLines(plan: StackPlan): string[] {
    const outputs = Object.entries(plan.outputs);
    if (outputs.length === 0) return [];
    return ["Outputs:", ...outputs.map(([k, v]) => `  ${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)];
}

function policyLines(plan: StackPlan): string[] {
    const lines: string[] = [];
    if (plan.policySummary) {
        const s = plan.policySummary;
        const f = findingCounts(plan);
        // Findings first, as the summary table counts them; then the controls they come from.
        lines.push(
            `Policy: ${plural(f.mandatory, "mandatory finding")}, ${plural(f.advisory, "advisory finding")}, ${f.waived} waived ` +
                `(${plural(s.checked, "control")} checked: ${s.passed} passed, ${s.waived} waived, ${s.failed} with findings)`,
        );
    }
    for (const v of plan.violations) {
        lines.push(`  ${v.level === "mandatory" ? "FAIL" : "warn"} ${v.policy}${v.urn ? ` ${v.urn.split("::").pop()}` : ""}: ${v.message}`);
        const hint = violationHint(v);
        if (hint) lines.push(`       ${hint}`);
    }
    for (const e of plan.exceptions) lines.push(`  waived ${e.policy}${e.urn ? ` ${e.urn.split("::").pop()}` : ""}: ${e.reason}`);
    return lines;
}

function costLines(plan: StackPlan): string[] {
    if (!plan.cost) return [];
    const lines = [`Cost: about ${usd(plan.cost.monthlyUsd)} a month (on-demand list prices; usage lines from stated assumptions)`];
    const top = [...plan.cost.items].sort((a, b) => b.monthlyUsd - a.monthlyUsd).slice(0, 5);
    for (const item of top) {
        lines.push(`  ${usd(item.monthlyUsd).padStart(10)}  ${item.description}${item.approximate ? " (approx.)" : ""}${item.assumption ? ` — ${item.assumption}` : ""}`);
    }
    return lines;
}

/** The sections of a stack's plan, in order; another engineer's section is one more entry. */
/** The calls AWS services will make on the stack's behalf, and how many its policies deny. */
function accessLines(plan: StackPlan): string[] {
    return plan.access ? [accessSummary(plan.access, plan.violations)] : [];
}

export const SECTIONS: ((plan: StackPlan) => string[])[] = [resourceLines, outputLines, policyLines, accessLines, costLines];

export function formatPlan(plan: StackPlan): string {
    const title = `${plan.project} / ${plan.stack}  (${plan.region}${plan.profile ? `, ${plan.profile} profile` : ""})`;
    const lines = ["", title, "=".repeat(title.length)];
    if (plan.error !== null) {
        lines.push(`ERROR: ${plan.error}`);
        if (plan.resources.length === 0) return lines.join("\n");
    }
    for (const w of plan.warnings ?? []) lines.push(`WARNING: ${w}`);
    for (const section of SECTIONS) lines.push(...section(plan));
    return lines.join("\n");
}

export function formatSummary(plans: readonly StackPlan[]): string {
    const rows = plans.map((p) => {
        const { mandatory, advisory, waived } = findingCounts(p);
        const status = p.error !== null ? "ERROR" : mandatory > 0 ? "FAIL" : "ok";
        return [
            `${p.project}/${p.stack}`,
            String(resourceCounts(p).cloud),
            String(mandatory),
            String(advisory),
            String(waived),
            p.cost ? usd(p.cost.monthlyUsd) : "-",
            status,
        ];
    });
    const header = ["stack", "resources", "mandatory", "advisory", "waived", "monthly", "status"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    return ["", "Summary (findings by level; resources are cloud resources)", fmt(header), ...rows.map(fmt)].join("\n");
}
