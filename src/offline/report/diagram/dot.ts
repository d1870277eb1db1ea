/** A diagram as a Graphviz DOT graph: palette, cluster and edge styles, escaping. */
import { type Category, type ClusterKind, type Diagram, type DiagramCluster, type DiagramNode, type EdgeKind } from "./model";


export interface Palette {
    readonly fill: string;
    readonly stroke: string;
}

export const CATEGORY_COLORS: Readonly<Record<Category, Palette>> = {
    network: { fill: "#F1EDFB", stroke: "#6A4FC2" },
    compute: { fill: "#FDF1E6", stroke: "#C8620F" },
    database: { fill: "#E9F0FC", stroke: "#2F5BBF" },
    storage: { fill: "#EDF6E5", stroke: "#4D8A1E" },
    integration: { fill: "#FBEAF1", stroke: "#BF2767" },
    security: { fill: "#FCECEE", stroke: "#C62E3F" },
    delivery: { fill: "#E5F3F5", stroke: "#1D7485" },
    monitoring: { fill: "#FFF8E1", stroke: "#A07800" },
    note: { fill: "#F4F5F7", stroke: "#8A94A3" },
};

export const CLUSTER_STYLE: Readonly<Record<ClusterKind, { fill: string; stroke: string; style: string }>> = {
    vpc: { fill: "#FBFDF9", stroke: "#3F8624", style: "rounded" },
    public: { fill: "#F0F8EC", stroke: "#7CB36A", style: "rounded,dashed,filled" },
    private: { fill: "#EEF4FC", stroke: "#7FA4D6", style: "rounded,dashed,filled" },
    isolated: { fill: "#F5F0FB", stroke: "#A58BD0", style: "rounded,dashed,filled" },
    subnets: { fill: "#F6F7F8", stroke: "#A0A8B3", style: "rounded,dashed,filled" },
    ecs: { fill: "#FFF9F2", stroke: "#E08A3C", style: "rounded,filled" },
    pipeline: { fill: "#F3FAFB", stroke: "#1D7485", style: "rounded,filled" },
};

export const TIERS: ReadonlySet<ClusterKind> = new Set(["public", "private", "isolated", "subnets"]);

export const EDGE_STYLE: Readonly<Record<EdgeKind, string>> = {
    uses: `color="#4B5563"`,
    route: `color="#7CB36A", style=dashed, arrowhead=vee`,
    serves: `color="#C8620F", penwidth=1.4`,
    flow: `color="#1D7485", penwidth=2.2`,
    event: `color="#BF2767", style=dashed`,
    artifacts: `color="#4D8A1E", style=dotted`,
};

/** Text for an HTML-like Graphviz label: the five characters markup gives meaning to, as entities. */
export function escapeHtmlLabel(s: string): string {
    // Graphviz rejects control characters in a label; tabs and line breaks become spaces.
    const printable = [...s].map((ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? " " : ch)).join("");
    return printable
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;");
}

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as Graphviz's `\n`. */
export function quoteDot(s: string): string {
    return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}

export function nodeLabel(n: DiagramNode): string {
    const rows: string[] = [];
    if (n.kind !== "") rows.push(`<TR><TD><FONT POINT-SIZE="8" COLOR="#5B6472">${escapeHtmlLabel(n.kind)}</FONT></TD></TR>`);
    rows.push(`<TR><TD><B>${escapeHtmlLabel(n.title)}</B></TD></TR>`);
    for (const d of n.details) rows.push(`<TR><TD${n.list ? ` ALIGN="LEFT"` : ""}><FONT POINT-SIZE="8.5" COLOR="#303846">${escapeHtmlLabel(d)}</FONT></TD></TR>`);
    return `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">${rows.join("")}</TABLE>>`;
}

export function clusterLabel(c: DiagramCluster): string {
    return `<<B>${escapeHtmlLabel(c.label)}</B>${c.detail ? `  <FONT POINT-SIZE="8.5" COLOR="#5B6472">${escapeHtmlLabel(c.detail)}</FONT>` : ""}>`;
}

/** An SVG id prefix for one diagram, so several diagrams on one page keep distinct ids. */
export function svgIdPrefix(name: string): string {
    return `d_${name.replace(/[^A-Za-z0-9]+/g, "_")}`;
}

/**
 * Nodes in the order to write them. With `rankdir=LR`, dot stacks the nodes of a rank from the
 * bottom up in input order; written in reverse, subnets and NAT gateways read a, b, c from the
 * top and the subnet → NAT arrows run straight instead of crossing.
 */
export function inputOrder(nodes: readonly DiagramNode[]): DiagramNode[] {
    return [...nodes].reverse();
}

export function toDot(d: Diagram): string {
    const prefix = svgIdPrefix(d.name);
    const out: string[] = [];
    out.push(`digraph ${quoteDot(d.name)} {`);
    out.push(`  id=${quoteDot(prefix)};`);
    out.push(`  graph [rankdir=LR, compound=true, fontname="Helvetica", fontsize=10, nodesep=0.22, ranksep=0.45, pad=0.15, bgcolor="transparent", labeljust=l];`);
    out.push(`  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, margin="0.10,0.05", penwidth=1.2];`);
    out.push(`  edge [fontname="Helvetica", fontsize=8, arrowsize=0.7, fontcolor="#5B6472"];`);
    const nodeLine = (n: DiagramNode, indent: string) => {
        const c = CATEGORY_COLORS[n.category];
        const tooltip = n.urns.length > 0 ? n.urns.join("\n") : n.title;
        return `${indent}${n.id} [label=${nodeLabel(n)}, fillcolor="${c.fill}", color="${c.stroke}", tooltip=${quoteDot(tooltip)}];`;
    };
    const emitCluster = (c: DiagramCluster, indent: string) => {
        const s = CLUSTER_STYLE[c.kind];
        out.push(`${indent}subgraph ${c.id} {`);
        out.push(`${indent}  id=${quoteDot(`${prefix}_${c.id}`)}; label=${clusterLabel(c)}; style="${s.style}"; color="${s.stroke}"; fillcolor="${s.fill}"; penwidth=1.3; fontsize=10; margin=10;`);
        for (const child of d.clusters.filter((x) => x.parent === c.id)) emitCluster(child, `${indent}  `);
        const members = d.nodes.filter((x) => x.cluster === c.id);
        for (const n of inputOrder(members)) out.push(nodeLine(n, `${indent}  `));
        if (TIERS.has(c.kind)) {
            // Subnets (and NAT gateways) of a tier in one column in AZ order, so the arrows between tiers
            // run straight. An invisible edge within a rank puts its head above its tail under rankdir=LR.
            for (const kind of new Set(members.map((m) => m.kind))) {
                const row = members.filter((m) => m.kind === kind).sort((a, b) => b.title.localeCompare(a.title));
                if (row.length > 1) out.push(`${indent}  { rank=same; ${row.map((m) => m.id).join(" -> ")} [style=invis]; }`);
            }
        }
        out.push(`${indent}}`);
    };
    for (const c of d.clusters.filter((x) => x.parent === undefined)) emitCluster(c, "  ");
    for (const n of inputOrder(d.nodes.filter((x) => x.cluster === undefined))) out.push(nodeLine(n, "  "));
    for (const e of d.edges) {
        const attrs = [EDGE_STYLE[e.kind]];
        if (e.label) attrs.push(`label=${quoteDot(e.label)}`);
        if (e.ltail) attrs.push(`ltail=${e.ltail}`);
        if (e.lhead) attrs.push(`lhead=${e.lhead}`);
        out.push(`  ${e.from} -> ${e.to} [${attrs.join(", ")}];`);
    }
    out.push("}");
    return out.join("\n") + "\n";
}
