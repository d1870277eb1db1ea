/**
 * The human-readable plan: per stack, what would be created, its outputs, the policy results
 * and the monthly cost; then one summary line per stack.
 */
import { accessSummary } from "../access/violations";
import type { StackPlan } from "./types";

function usd(n: number): string {
    return `$${n.toFixed(2)}`;
}

export function formatPlan(plan: StackPlan): string {
    const lines: string[] = [];
    const title = `${plan.project} / ${plan.stack}  (${plan.region}${plan.profile ? `, ${plan.profile} profile` : ""})`;
    lines.push("", title, "=".repeat(title.length));
    if (plan.error !== null) {
        lines.push(`ERROR: ${plan.error}`);
        if (plan.resources.length === 0) return lines.join("\n");
    }
    const aws = plan.resources.filter((r) => r.custom);
    const byType = new Map<string, number>();
    for (const r of aws) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    lines.push(`Resources: ${aws.length} cloud resources in ${plan.resources.length - aws.length} components`);
    for (const [type, count] of [...byType.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
        lines.push(`  ${String(count).padStart(3)}  ${type}`);
    }
    const outputs = Object.entries(plan.outputs);
    if (outputs.length > 0) {
        lines.push("Outputs:");
        for (const [k, v] of outputs) lines.push(`  ${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
    }
    if (plan.policySummary) {
        const s = plan.policySummary;
        lines.push(`Policy: ${s.checked} controls checked, ${s.passed} passed, ${s.waived} waived, ${s.failed} failed`);
    }
    if (plan.access) lines.push(accessSummary(plan.access));
    for (const v of plan.violations) {
        lines.push(`  ${v.level === "mandatory" ? "FAIL" : "warn"} ${v.policy}${v.urn ? ` ${v.urn.split("::").pop()}` : ""}: ${v.message}`);
    }
    for (const e of plan.exceptions) {
        lines.push(`  waived ${e.policy}${e.urn ? ` ${e.urn.split("::").pop()}` : ""}: ${e.reason}`);
    }
    if (plan.cost) {
        lines.push(`Cost: about ${usd(plan.cost.monthlyUsd)} a month (on-demand list prices; usage lines from stated assumptions)`);
        const top = [...plan.cost.items].sort((a, b) => b.monthlyUsd - a.monthlyUsd).slice(0, 5);
        for (const item of top) {
            lines.push(`  ${usd(item.monthlyUsd).padStart(10)}  ${item.description}${item.approximate ? " (approx.)" : ""}${item.assumption ? ` — ${item.assumption}` : ""}`);
        }
    }
    return lines.join("\n");
}

export function formatSummary(plans: readonly StackPlan[]): string {
    const rows = plans.map((p) => {
        const mandatory = p.violations.filter((v) => v.level === "mandatory").length;
        const advisory = p.violations.length - mandatory;
        const status = p.error !== null ? "ERROR" : mandatory > 0 ? "FAIL" : "ok";
        return [
            `${p.project}/${p.stack}`,
            String(p.resources.filter((r) => r.custom).length),
            String(mandatory),
            String(advisory),
            String(p.exceptions.length),
            p.cost ? usd(p.cost.monthlyUsd) : "-",
            status,
        ];
    });
    const header = ["stack", "resources", "mandatory", "advisory", "waived", "monthly", "status"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    return ["", "Summary", fmt(header), ...rows.map(fmt)].join("\n");
}
