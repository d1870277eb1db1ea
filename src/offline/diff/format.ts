/**
 * A diff for people: one line a change in the terminal, and a pull-request comment in Markdown
 * (a summary table, details collapsed per stack, kept under GitHub's comment limit).
 */
import type { StackPlan } from "../model/types";
import { isEmpty, type ChangedResource, type PropertyChange, type StackDiff } from "./diff";

/** GitHub refuses a comment body over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;
/** The hidden line that marks the comment a workflow updates instead of adding another. */
export const COMMENT_MARKER = "<!-- commerce-infrastructure:plan-diff -->";


const resourceName = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);
const resourceType = (urn: string): string => {
    const chain = urn.split("::")[2] ?? "";
    return chain.slice(chain.lastIndexOf("$") + 1);
};
const usd = (n: number): string => `${n < 0 ? "-" : "+"}$${Math.abs(n).toFixed(2)}`;

function value(v: unknown): string {
    const text = typeof v === "string" ? v : JSON.stringify(v);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function describeChange(p: PropertyChange): string {
    const arrow = !("before" in p) ? `(added) ${value(p.after)}` : !("after" in p) ? `${value(p.before)} (removed)` : `${value(p.before)} → ${value(p.after)}`;
    return `${p.path} ${arrow}${p.replaces ? " [replaces]" : p.mayReplace ? " [may replace]" : ""}`;
}

function changedLine(c: ChangedResource, maxProps = 3): string {
    const shown = c.properties.slice(0, maxProps).map(describeChange).join("; ");
    const more = c.properties.length > maxProps ? `; and ${c.properties.length - maxProps} more` : "";
    return `${c.replaces ? "±" : "~"} ${c.type} ${resourceName(c.urn)}${c.replaces ? " (replaced)" : ""}${c.losesData ? " — DATA IS LOST" : ""}: ${shown}${more}`;
}

/** Summary counts of one stack's diff. */
export function counts(d: StackDiff): { added: number; removed: number; changed: number; replaced: number; atRisk: number } {
    return { added: d.added.length, removed: d.removed.length, changed: d.changed.length, replaced: d.changed.filter((c) => c.replaces).length, atRisk: d.dataAtRisk.length };
}

/** The terminal section: changes only, a line each. */
export function formatDiff(plan: StackPlan, baseLabel: string): string {
    const d = plan.diff;
    if (!d) return "";
    const head = `Diff of ${plan.project}/${plan.stack} against ${baseLabel}`;
    if (!d.baseFound) return `${head}: a new stack (${d.added.length} resources, ${usd(d.costDeltaUsd)} a month)`;
    if (isEmpty(d)) return `${head}: no change`;
    const n = counts(d);
    const lines = [`${head}: ${n.added} added, ${n.removed} removed, ${n.changed} changed (${n.replaced} replaced), cost ${usd(d.costDeltaUsd)} a month`];
    const atRisk = new Set(d.dataAtRisk);
    for (const urn of d.added) lines.push(`  + ${resourceType(urn)} ${resourceName(urn)}`);
    for (const urn of d.removed) lines.push(`  - ${resourceType(urn)} ${resourceName(urn)}${atRisk.has(urn) ? " — DATA IS LOST" : ""}`);
    for (const c of d.changed) lines.push(`  ${changedLine(c)}`);
    for (const l of d.cost.lines) lines.push(`  $ ${usd(l.deltaUsd)} ${l.description}${l.urn ? ` (${resourceName(l.urn)})` : ""}`);
    for (const v of d.findings.added) lines.push(`  ! new ${v.level} ${v.policy}${v.urn ? ` ${resourceName(v.urn)}` : ""}: ${v.message}`);
    for (const v of d.findings.resolved) lines.push(`  ✓ resolved ${v.level} ${v.policy}${v.urn ? ` ${resourceName(v.urn)}` : ""}`);
    for (const e of d.exceptions.added) lines.push(`  w new waiver ${e.policy}${e.urn ? ` ${resourceName(e.urn)}` : ""}: ${e.reason}`);
    for (const e of d.exceptions.removed) lines.push(`  w waiver removed ${e.policy}${e.urn ? ` ${resourceName(e.urn)}` : ""}`);
    return lines.join("\n");
}

const md = (s: string): string => s.replace(/[|<>]/g, (c) => ({ "|": "\\|", "<": "&lt;", ">": "&gt;" })[c]!).replace(/\n/g, " ");

function stackDetails(plan: StackPlan): string[] {
    const d = plan.diff!;
    const atRisk = new Set(d.dataAtRisk);
    const out: string[] = [];
    for (const urn of d.added) out.push(`- ➕ \`${resourceType(urn)}\` **${md(resourceName(urn))}**`);
    for (const urn of d.removed) out.push(`- ➖ \`${resourceType(urn)}\` **${md(resourceName(urn))}**${atRisk.has(urn) ? " ⚠️ holds data" : ""}`);
    for (const c of d.changed) {
        out.push(`- ${c.replaces ? "🔁" : "✏️"} \`${c.type}\` **${md(resourceName(c.urn))}**${c.replaces ? " (replaced)" : ""}${c.losesData ? " ⚠️ holds data" : ""}`);
        for (const p of c.properties) out.push(`  - \`${md(p.path)}\`: ${md(describeChange(p).slice(p.path.length + 1))}`);
    }
    for (const l of d.cost.lines) out.push(`- 💲 ${usd(l.deltaUsd)} ${md(l.description)}`);
    for (const v of d.findings.added) out.push(`- ❗ new ${v.level} **${v.policy}**${v.urn ? ` ${md(resourceName(v.urn))}` : ""}: ${md(v.message)}`);
    for (const v of d.findings.resolved) out.push(`- ✅ resolved ${v.level} **${v.policy}**${v.urn ? ` ${md(resourceName(v.urn))}` : ""}`);
    for (const e of d.exceptions.added) out.push(`- 📝 new waiver **${e.policy}**${e.urn ? ` ${md(resourceName(e.urn))}` : ""}: ${md(e.reason)}`);
    for (const e of d.exceptions.removed) out.push(`- 📝 waiver removed **${e.policy}**${e.urn ? ` ${md(resourceName(e.urn))}` : ""}`);
    return out;
}

/**
 * The pull-request comment. Details are added stack by stack while they fit under `limit`; what
 * does not fit is named in a closing note, so a cut comment says it was cut.
 */
export function diffMarkdown(plans: readonly StackPlan[], baseLabel: string, limit = COMMENT_LIMIT): string {
    const withDiff = plans.filter((p) => p.diff);
    const header = [
        COMMENT_MARKER,
        `### Offline plan: what this change does (against \`${md(baseLabel)}\`)`,
        "",
        "| stack | added | removed | changed | replaced | data at risk | monthly cost | Δ cost | new findings | resolved |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ...withDiff.map((p) => {
            const d = p.diff!;
            const n = counts(d);
            return `| ${p.project}/${p.stack}${d.baseFound ? "" : " (new)"} | ${n.added} | ${n.removed} | ${n.changed} | ${n.replaced} | ${n.atRisk > 0 ? `⚠️ ${n.atRisk}` : 0} | $${d.cost.afterUsd.toFixed(2)} | ${usd(d.costDeltaUsd)} | ${d.findings.added.length} | ${d.findings.resolved.length} |`;
        }),
        "",
    ].join("\n");
    const footer = "\n_Planned offline under Pulumi's mock runtime: no cloud credentials were used._\n";
    let body = header;
    const cut: string[] = [];
    for (const p of withDiff) {
        if (!p.diff!.baseFound || isEmpty(p.diff!)) continue;
        const lines = stackDetails(p);
        const section = `<details><summary>${p.project}/${p.stack}: ${lines.length} change${lines.length === 1 ? "" : "s"}</summary>\n\n${lines.join("\n")}\n\n</details>\n`;
        const reserve = 200 + cut.length * 80;
        if (cut.length === 0 && body.length + section.length + footer.length + reserve <= limit) body += section;
        else cut.push(`${p.project}/${p.stack}`);
    }
    if (cut.length > 0) body += `\n> The details of ${cut.join(", ")} were cut to stay under GitHub's ${limit.toLocaleString("en-US")}-character comment limit; the plan artifact has them all.\n`;
    return body + footer;
}
