/**
 * The report page: one self-contained HTML document (inline CSS and SVG, no script, no font or
 * image fetched) with, per stack, the architecture diagram, the resource inventory, the policy
 * results, the cost table and the outputs. Every text that comes from a plan is escaped.
 */
import { diffPanel } from "./changes";
import { accessWaived } from "../access/violations";
import type { AccessReport } from "../model/access";
import type { CostItem, PlannedResource, StackPlan, Violation } from "../model/types";
import { CATEGORY_COLORS, type Category } from "./diagram";

export interface ReportInput {
    readonly plans: readonly StackPlan[];
    /** One inline `<svg>` per plan, in the order of `plans`. */
    readonly diagrams: readonly string[];
    readonly generatedAt: Date;
}

/** Text or an attribute value for HTML: `&`, `<`, `>`, `"` and `'` as entities. */
export function escapeHtml(s: string): string {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const esc = escapeHtml;

/** A type token that may wrap after its `:` and `/` rather than mid-word. */
function typeHtml(type: string): string {
    return esc(type).replace(/([:/])/g, "$1<wbr>");
}

const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });

function usd(n: number): string {
    return USD.format(n);
}

/** Unit prices run from dollars down to fractions of a cent per request: keep their significant digits. */
function unitUsd(n: number): string {
    if (n === 0 || Math.abs(n) >= 0.01) return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(n);
    return `$${Number(n.toPrecision(3)).toString()}`;
}

function num(n: number): string {
    return n.toLocaleString("en-US", { maximumFractionDigits: 3 });
}

export type StackStatus = "ok" | "fail" | "error";

export function stackStatus(plan: StackPlan): StackStatus {
    if (plan.error !== null) return "error";
    return plan.violations.some((v) => v.level === "mandatory") ? "fail" : "ok";
}

const STATUS_TEXT: Readonly<Record<StackStatus, string>> = { ok: "passed", fail: "mandatory violations", error: "error" };

/** The page anchor of a stack's section. */
export function stackAnchor(plan: Pick<StackPlan, "project" | "stack">): string {
    return `stack-${`${plan.project}-${plan.stack}`.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

/** The resource a URN names, for display: its logical name, and its type when the plan has it. */
function resourceCell(urn: string | undefined, byUrn: ReadonlyMap<string, PlannedResource>): string {
    if (urn === undefined) return `<span class="muted">whole stack</span>`;
    const r = byUrn.get(urn);
    const name = r?.name ?? urn.split("::").pop() ?? urn;
    const type = r?.type ?? urn.split("::")[2]?.split("$").pop() ?? "";
    return `<span title="${esc(urn)}">${esc(name)}</span>${type ? `<br><code class="type">${typeHtml(type)}</code>` : ""}`;
}

function table(head: readonly string[], rows: readonly string[], cls = ""): string {
    return `<table${cls ? ` class="${cls}"` : ""}><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function value(v: unknown): string {
    return typeof v === "string" ? v : JSON.stringify(v, null, 1).replace(/\n\s*/g, " ");
}

function inventory(plan: StackPlan): string {
    const cloud = plan.resources.filter((r) => r.custom);
    const components = plan.resources.length - cloud.length;
    const byType = new Map<string, number>();
    for (const r of cloud) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    const rows = [...byType.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([type, n]) => `<tr><td class="num">${n}</td><td><code>${typeHtml(type)}</code></td></tr>`);
    const nameOf = new Map(plan.resources.map((r) => [r.urn, r.name]));
    const all = plan.resources.map(
        (r) =>
            `<tr><td>${esc(r.name)}${r.protect ? ` <span class="badge protect" title="protect: true">protected</span>` : ""}</td><td><code>${typeHtml(r.type)}</code></td><td>${r.parent ? esc(nameOf.get(r.parent) ?? r.parent.split("::").pop() ?? "") : ""}</td></tr>`,
    );
    return `<section class="panel"><h3>Inventory</h3>
<p class="muted">${cloud.length} cloud resources of ${byType.size} types, in ${components} components</p>
${rows.length > 0 ? table(["#", "type"], rows, "inventory") : `<p class="muted">No resources.</p>`}
${all.length > 0 ? `<details><summary>All ${plan.resources.length} resources, components included</summary>${table(["name", "type", "parent"], all, "full")}</details>` : ""}
</section>`;
}

function levelBadge(v: Violation): string {
    return `<span class="badge ${v.level}">${v.level}</span>`;
}

/** Failed controls in red only when one of them blocks the plan; advisory failures in amber. */
function failedChip(failed: number, mandatory: boolean): string {
    if (failed === 0) return `<li>0 failed</li>`;
    return mandatory ? `<li class="failed">${failed} failed</li>` : `<li class="advisory">${failed} failed, advisory only</li>`;
}

/** The input, value and rule of a finding on one input, as fields beside its message. */
function detailHtml(v: Violation): string {
    if (v.input === undefined && v.rule === undefined) return "";
    const input = v.input === undefined ? "" : `<b>Input:</b> <code>${esc(v.input)}</code>${v.value === undefined ? "" : ` = <code>${esc(v.value)}</code>`}`;
    const rule = v.rule === undefined ? "" : `${input === "" ? "" : " · "}<b>Rule:</b> ${esc(v.rule)}`;
    return `<div class="detail">${input}${rule}</div>`;
}

/** The finding's detail, then the control's remediation and the source, as the terminal shows them. */
function fixHtml(v: Violation): string {
    return `${detailHtml(v)}${v.remediation ? `<div class="fix"><b>Fix:</b> ${esc(v.remediation)}</div>` : ""}${v.source ? `<div class="source">Source: ${esc(v.source)}</div>` : ""}`;
}

/** Calls checked, denied and unused grants; a waived denial is counted apart, not as a failure. */
function accessChips(a: AccessReport, waived: { denied: number; unused: number }): string {
    const denied = a.denied.length - waived.denied;
    const unused = a.unused.length - waived.unused;
    const chip = (n: number, what: string, bad: string) => `<li class="${n > 0 ? bad : "ok"}">${n} ${what}</li>`;
    const waivedChip = waived.denied + waived.unused > 0 ? `<li class="waived">${waived.denied + waived.unused} waived</li>` : "";
    return `<ul class="chips access"><li>${a.checked} calls checked</li>${chip(denied, "denied", "failed")}${chip(unused, "unused grants", "advisory")}${waivedChip}</ul>`;
}

function policy(plan: StackPlan, byUrn: ReadonlyMap<string, PlannedResource>): string {
    const s = plan.policySummary;
    const summary = s
        ? `<ul class="chips"><li>${s.checked} checked</li><li class="ok">${s.passed} passed</li><li class="waived">${s.waived} waived</li>${failedChip(s.failed, plan.violations.some((v) => v.level === "mandatory"))}</ul>`
        : `<p class="muted">No policy summary: the policy pack did not run on this plan.</p>`;
    const a = plan.access;
    const access = a
        ? accessChips(a, accessWaived(a, plan.violations))
        : "";
    const order = { mandatory: 0, advisory: 1 } as const;
    const violations = [...plan.violations].sort((a, b) => order[a.level] - order[b.level] || a.policy.localeCompare(b.policy));
    const vRows = violations.map((v) => `<tr class="${v.level}"><td>${levelBadge(v)}</td><td class="control"><code>${esc(v.policy)}</code></td><td>${resourceCell(v.urn, byUrn)}</td><td>${esc(v.message)}${fixHtml(v)}</td></tr>`);
    const eRows = plan.exceptions.map((e) => `<tr><td class="control"><code>${esc(e.policy)}</code></td><td>${resourceCell(e.urn, byUrn)}</td><td>${esc(e.reason)}</td></tr>`);
    return `<section class="panel"><h3>Policy</h3>${summary}${access}
${vRows.length > 0 ? `<h4>Violations</h4>${table(["level", "control", "resource", "message"], vRows, "violations")}` : `<p class="muted">No violations.</p>`}
${eRows.length > 0 ? `<h4>Exceptions</h4>${table(["control", "resource", "reason"], eRows, "exceptions")}` : `<p class="muted">No exceptions.</p>`}
</section>`;
}

function costRow(item: CostItem, byUrn: ReadonlyMap<string, PlannedResource>): string {
    const notes = [
        ...(item.approximate ? [`<span class="badge approx" title="The price table has no figure for this region: us-east-1's price is used.">≈ us-east-1 price</span>`] : []),
        ...(item.assumption ? [`<span class="assumption">${esc(item.assumption)}</span>`] : []),
    ];
    return `<tr><td class="num money">${item.approximate ? "≈ " : ""}${esc(usd(item.monthlyUsd))}</td><td>${esc(item.description)}</td><td>${resourceCell(item.urn, byUrn)}</td><td class="num">${esc(num(item.quantity))} ${esc(item.unit)}</td><td class="num">${esc(unitUsd(item.unitPriceUsd))}</td><td>${notes.join(" ")}</td></tr>`;
}

function cost(plan: StackPlan, byUrn: ReadonlyMap<string, PlannedResource>): string {
    if (!plan.cost) return `<section class="panel"><h3>Cost</h3><p class="muted">Not priced${plan.error !== null ? ": see the error above" : ""}.</p></section>`;
    const items = [...plan.cost.items].sort((a, b) => b.monthlyUsd - a.monthlyUsd);
    const approx = items.filter((i) => i.approximate).length;
    const sources = [...new Set(items.map((i) => i.source).filter((s): s is string => s !== undefined))];
    return `<section class="panel"><h3>Cost <span class="total">about ${esc(usd(plan.cost.monthlyUsd))} a month</span></h3>
<p class="muted">On-demand list prices in ${esc(plan.cost.currency)}; usage-driven lines follow the assumption beside them${approx > 0 ? `; ${approx} of ${items.length} lines use us-east-1's price (marked ≈)` : ""}.</p>
${table(["monthly", "item", "resource", "quantity", "unit price", "price note and usage assumption"], items.map((i) => costRow(i, byUrn)), "cost")}
<p class="grand-total">Total: <strong>${esc(usd(plan.cost.monthlyUsd))}</strong> a month</p>
${plan.cost.notes.length > 0 ? `<h4>Notes</h4><ul class="notes">${plan.cost.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : ""}
${sources.length > 0 ? `<details><summary>Price sources (${sources.length})</summary><ul class="sources">${sources.map((s) => `<li>${esc(s)}</li>`).join("")}</ul></details>` : ""}
</section>`;
}

function outputs(plan: StackPlan): string {
    const entries = Object.entries(plan.outputs);
    if (entries.length === 0) return `<section class="panel"><h3>Outputs</h3><p class="muted">No outputs.</p></section>`;
    return `<section class="panel"><h3>Outputs</h3>${table(["name", "value"], entries.map(([k, v]) => `<tr><td><code>${esc(k)}</code></td><td><code class="value">${esc(value(v))}</code></td></tr>`), "outputs")}</section>`;
}

function stackSection(plan: StackPlan, diagram: string): string {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const status = stackStatus(plan);
    const cloud = plan.resources.filter((r) => r.custom).length;
    const meta = [
        esc(plan.region),
        ...(plan.profile ? [`${esc(plan.profile)} profile`] : []),
        `${cloud} cloud resources`,
        ...(plan.cost ? [`about ${esc(usd(plan.cost.monthlyUsd))} a month`] : []),
    ];
    return `<section class="stack" id="${esc(stackAnchor(plan))}">
<h2>${esc(plan.project)} <span class="sep">/</span> ${esc(plan.stack)} <span class="badge status-${status}">${STATUS_TEXT[status]}</span></h2>
<p class="meta">${meta.join(" · ")}</p>
${plan.error !== null ? `<div class="error" role="alert"><strong>The plan failed</strong><pre>${esc(plan.error)}</pre></div>` : ""}
<figure class="diagram" aria-label="${esc(`Architecture of ${plan.project}/${plan.stack}`)}"><input type="checkbox" class="zoom" id="${esc(`${stackAnchor(plan)}-zoom`)}"><label for="${esc(`${stackAnchor(plan)}-zoom`)}">actual size</label><div class="canvas">${diagram}</div></figure>
<div class="columns">${inventory(plan)}${policy(plan, byUrn)}</div>
${diffPanel(plan)}
${cost(plan, byUrn)}
${outputs(plan)}
</section>`;
}

function summaryTable(plans: readonly StackPlan[]): string {
    const rows = plans.map((p) => {
        const status = stackStatus(p);
        const mandatory = p.violations.filter((v) => v.level === "mandatory").length;
        return `<tr><td><a href="#${esc(stackAnchor(p))}">${esc(p.project)}/${esc(p.stack)}</a></td><td>${esc(p.region)}</td><td>${esc(p.profile ?? "")}</td><td class="num">${p.resources.filter((r) => r.custom).length}</td><td class="num">${mandatory}</td><td class="num">${p.violations.length - mandatory}</td><td class="num">${p.exceptions.length}</td><td class="num money">${p.cost ? esc(usd(p.cost.monthlyUsd)) : "–"}</td><td><span class="badge status-${status}">${STATUS_TEXT[status]}</span></td></tr>`;
    });
    return table(["stack", "region", "profile", "resources", "mandatory", "advisory", "waived", "monthly", "status"], rows, "summary");
}

const LEGEND_NAMES: Readonly<Record<Category, string>> = {
    network: "network",
    compute: "compute",
    database: "database",
    storage: "storage",
    integration: "streams and messaging",
    security: "keys and secrets",
    delivery: "delivery",
    monitoring: "monitoring",
    note: "note",
};

function legend(): string {
    const boxes = (Object.keys(LEGEND_NAMES) as Category[])
        .filter((c) => c !== "note")
        .map((c) => `<li><span class="swatch" style="background:${CATEGORY_COLORS[c].fill};border-color:${CATEGORY_COLORS[c].stroke}"></span>${esc(LEGEND_NAMES[c])}</li>`);
    const arrows = [
        ["uses", "solid grey", "uses at run time"],
        ["serves", "solid orange", "sends traffic to"],
        ["flow", "thick teal", "next pipeline stage"],
        ["event", "dashed pink", "event or notification"],
        ["route", "dashed green", "default route"],
        ["artifacts", "dotted green", "stores artifacts in"],
    ].map(([k, title, text]) => `<li><span class="arrow ${k}" title="${esc(title!)}"></span>${esc(text!)}</li>`);
    return `<div class="legend"><ul>${boxes.join("")}</ul><ul>${arrows.join("")}</ul></div>`;
}

const CSS = `
:root { --fg:#1f2933; --muted:#5b6472; --line:#e3e7ec; --bg:#f6f7f9; --card:#fff; --ok:#2e7d32; --fail:#c62828; --warn:#a15c00; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--fg); font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif; }
main { max-width:1320px; margin:0 auto; padding:24px 28px 48px; }
header.page { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:20px 24px; margin-bottom:24px; }
h1 { font-size:24px; margin:0 0 4px; }
h2 { font-size:20px; margin:0 0 2px; display:flex; align-items:center; gap:10px; flex-wrap:wrap; }
h2 .sep { color:var(--muted); font-weight:400; }
h3 { font-size:15px; margin:0 0 8px; display:flex; align-items:baseline; gap:12px; }
h3 .total { font-weight:400; color:var(--muted); }
h4 { font-size:13px; margin:14px 0 6px; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; }
.meta, .muted { color:var(--muted); margin:0 0 10px; }
.totals { display:flex; flex-wrap:wrap; gap:12px; margin:16px 0; padding:0; list-style:none; }
.totals li { background:var(--bg); border:1px solid var(--line); border-radius:8px; padding:10px 14px; min-width:140px; }
.totals .n { display:block; font-size:22px; font-weight:600; }
.totals .bad .n { color:var(--fail); }
.stack { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:20px 24px; margin:0 0 28px; }
.diagram { position:relative; margin:12px 0 18px; padding:12px; border:1px solid var(--line); border-radius:8px; background:#fff; }
.diagram .canvas { overflow-x:auto; }
.diagram svg { display:block; width:100%; max-width:var(--w); height:auto; margin:0 auto; }
.diagram .zoom { position:absolute; opacity:0; pointer-events:none; }
.diagram label { position:absolute; top:8px; right:10px; font-size:12px; color:#1d5fb8; cursor:pointer; background:#fff; border:1px solid var(--line); border-radius:12px; padding:1px 10px; z-index:1; }
.diagram .zoom:checked ~ .canvas svg { width:var(--w); max-width:none; }
.diagram .zoom:checked + label { background:#e8f0fb; }
.columns { display:grid; grid-template-columns:minmax(0,2fr) minmax(0,3fr); gap:18px; }
@media (max-width:1000px) { .columns { grid-template-columns:1fr; } }
/* Phone width (390 px): headings and cells wrap, and a table still too wide scrolls inside its panel
   rather than widening the page. */
@media (max-width:600px) {
  main { padding:12px 8px 32px; }
  header.page, .stack { padding:14px 12px; overflow-wrap:anywhere; }
  .totals { gap:8px; }
  .totals li { min-width:0; flex:1 1 130px; padding:8px 10px; }
  h2 { font-size:17px; overflow-wrap:anywhere; }
  h2 > * { flex-shrink:1; min-width:0; }
  th { white-space:normal; }
  th, td { padding:4px 5px; }
  table { display:block; max-width:100%; overflow-x:auto; }
  .columns > * { min-width:0; }
}
.fix { margin-top:4px; }
.source, .detail { margin-top:2px; color:var(--muted); font-size:12px; overflow-wrap:anywhere; }
.panel { border-top:1px solid var(--line); padding-top:12px; margin-top:14px; }
.columns .panel { margin-top:0; }
table { border-collapse:collapse; width:100%; font-size:13px; }
th { text-align:left; font-weight:600; color:var(--muted); border-bottom:2px solid var(--line); padding:5px 8px; white-space:nowrap; }
td { border-bottom:1px solid var(--line); padding:5px 8px; vertical-align:top; overflow-wrap:anywhere; }
tbody tr:nth-child(even) { background:#fafbfc; }
td.num { text-align:right; white-space:nowrap; font-variant-numeric:tabular-nums; }
code { font:12px/1.4 "DejaVu Sans Mono",Menlo,Consolas,monospace; }
code.type { color:var(--muted); font-size:11px; }
code.value { overflow-wrap:anywhere; }
td code { overflow-wrap:normal; }
td.control { white-space:nowrap; }
table.summary td:first-child a { font-weight:600; }
a { color:#1d5fb8; text-decoration:none; }
a:hover { text-decoration:underline; }
details { margin-top:8px; }
summary { cursor:pointer; color:#1d5fb8; }
.badge { display:inline-block; font-size:11px; font-weight:600; padding:1px 8px; border-radius:10px; border:1px solid transparent; white-space:nowrap; vertical-align:middle; }
.badge.status-ok { background:#e8f5e9; color:var(--ok); border-color:#a5d6a7; }
.badge.status-fail { background:#fdecea; color:var(--fail); border-color:#f5b7b1; }
.badge.status-error { background:#fdecea; color:#fff; background-color:var(--fail); }
.badge.mandatory { background:#fdecea; color:var(--fail); border-color:#f5b7b1; }
.badge.advisory { background:#fff4e0; color:var(--warn); border-color:#f3d19c; }
.badge.approx { background:#eef2f7; color:#44546a; border-color:#d5dde8; font-weight:500; }
.badge.protect { background:#eef2f7; color:#44546a; }
.assumption { color:var(--muted); }
.chips { display:flex; gap:8px; flex-wrap:wrap; list-style:none; padding:0; margin:0 0 8px; }
.chips li { background:var(--bg); border:1px solid var(--line); border-radius:12px; padding:1px 10px; font-size:13px; }
.chips .ok { color:var(--ok); } .chips .waived { color:#44546a; } .chips .failed { color:var(--fail); font-weight:600; } .chips .advisory { color:var(--warn); }
.error { background:#fdecea; border:1px solid #f5b7b1; border-radius:8px; padding:10px 14px; margin:10px 0; }
.error pre { white-space:pre-wrap; margin:6px 0 0; font:12px/1.45 "DejaVu Sans Mono",Menlo,Consolas,monospace; }
.grand-total { text-align:right; margin:8px 8px 0; }
ul.notes, ul.sources { margin:4px 0; padding-left:20px; color:var(--muted); font-size:13px; }
ul.sources { overflow-wrap:anywhere; }
.legend { display:flex; flex-wrap:wrap; gap:8px 28px; font-size:12px; color:var(--muted); margin-top:14px; }
.legend ul { display:flex; flex-wrap:wrap; gap:6px 14px; list-style:none; margin:0; padding:0; }
.legend li { display:flex; align-items:center; gap:6px; }
.swatch { width:16px; height:11px; border:1.5px solid; border-radius:3px; display:inline-block; }
.arrow { width:26px; height:0; border-top:2px solid #4b5563; display:inline-block; }
.arrow.serves { border-top-color:#c8620f; }
.arrow.flow { border-top:3px solid #1d7485; }
.arrow.event { border-top:2px dashed #bf2767; }
.arrow.route { border-top:2px dashed #7cb36a; }
.arrow.artifacts { border-top:2px dotted #4d8a1e; }
footer { color:var(--muted); font-size:12px; text-align:center; }
`;

export function renderReport(input: ReportInput): string {
    const { plans, diagrams, generatedAt } = input;
    if (diagrams.length !== plans.length) throw new Error(`the report needs one diagram per plan: ${plans.length} plans, ${diagrams.length} diagrams`);
    const projects = new Set(plans.map((p) => p.project));
    const resources = plans.reduce((n, p) => n + p.resources.filter((r) => r.custom).length, 0);
    const mandatory = plans.reduce((n, p) => n + p.violations.filter((v) => v.level === "mandatory").length, 0);
    const advisory = plans.reduce((n, p) => n + p.violations.filter((v) => v.level === "advisory").length, 0);
    const waived = plans.reduce((n, p) => n + p.exceptions.length, 0);
    const monthly = plans.reduce((n, p) => n + (p.cost?.monthlyUsd ?? 0), 0);
    const failed = plans.filter((p) => stackStatus(p) !== "ok").length;
    const when = generatedAt.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
    const totals = [
        [`${plans.length}`, `stacks in ${projects.size} project${projects.size === 1 ? "" : "s"}`, false],
        [`${failed}`, `stack${failed === 1 ? "" : "s"} failed`, failed > 0],
        [`${resources}`, "cloud resources", false],
        [`${mandatory}`, "mandatory violations", mandatory > 0],
        [`${advisory}`, "advisory findings", false],
        [`${waived}`, "exceptions", false],
        [usd(monthly), "a month, all stacks", false],
    ] as const;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="offline planner">
<title>Offline plan: ${plans.length} stacks, ${esc(usd(monthly))} a month</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="page">
<h1>Offline plan</h1>
<p class="meta">Generated ${esc(when)} · every program run under Pulumi's mock runtime, checked by the policy pack and priced by the cost model; no cloud account used</p>
<ul class="totals">${totals.map(([n, label, bad]) => `<li${bad ? ` class="bad"` : ""}><span class="n">${esc(n)}</span>${esc(label)}</li>`).join("")}</ul>
${summaryTable(plans)}
${legend()}
</header>
${plans.map((p, i) => stackSection(p, diagrams[i]!)).join("\n")}
<footer>Prices are on-demand list prices from the project's price table; diagrams are laid out by Graphviz from the planned resources.</footer>
</main>
</body>
</html>
`;
}
