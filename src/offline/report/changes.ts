/** The report's "Changes" panel of a stack planned with `--base`. */
import { escapeHtml as esc } from "./html";
import type { StackPlan } from "../model/types";
import { counts, describeChange } from "../diff/format";
import { isEmpty } from "../diff/diff";

const name = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);
const usd = (n: number): string => `${n < 0 ? "−" : "+"}$${Math.abs(n).toFixed(2)}`;

export function diffPanel(plan: StackPlan): string {
    const d = plan.diff;
    if (!d) return "";
    if (!d.baseFound) return `<section class="panel"><h3>Changes</h3><p class="muted">A new stack: the base has no plan of it.</p></section>`;
    if (isEmpty(d)) return `<section class="panel"><h3>Changes</h3><p class="muted">No change against the base.</p></section>`;
    const n = counts(d);
    const atRisk = new Set(d.dataAtRisk);
    const items = [
        ...d.added.map((u) => `<li class="added">added <code>${esc(name(u))}</code></li>`),
        ...d.removed.map((u) => `<li class="removed">removed <code>${esc(name(u))}</code>${atRisk.has(u) ? ` <strong>holds data</strong>` : ""}</li>`),
        ...d.changed.map(
            (c) =>
                `<li class="${c.replaces ? "replaced" : "changed"}">${c.replaces ? "replaced" : "changed"} <code>${esc(name(c.urn))}</code>${c.losesData ? ` <strong>holds data</strong>` : ""}<ul>${c.properties.map((p) => `<li><code>${esc(describeChange(p))}</code></li>`).join("")}</ul></li>`,
        ),
        ...d.findings.added.map((v) => `<li>new ${esc(v.level)} finding <code>${esc(v.policy)}</code>: ${esc(v.message)}</li>`),
        ...d.findings.resolved.map((v) => `<li>resolved <code>${esc(v.policy)}</code></li>`),
        ...d.exceptions.added.map((e) => `<li>new waiver <code>${esc(e.policy)}</code>: ${esc(e.reason)}</li>`),
        ...d.exceptions.removed.map((e) => `<li>waiver removed <code>${esc(e.policy)}</code></li>`),
    ];
    return `<section class="panel"><h3>Changes <span class="total">${esc(usd(d.costDeltaUsd))} a month</span></h3>
<p>${n.added} added, ${n.removed} removed, ${n.changed} changed (${n.replaced} replaced)${n.atRisk > 0 ? `, <strong>${n.atRisk} holding data at risk</strong>` : ""}</p>
<ul class="changes">${items.join("")}</ul></section>`;
}
