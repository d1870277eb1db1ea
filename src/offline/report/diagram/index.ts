/**
 * The architecture diagram of one planned stack: which resources to draw, how to group them
 * (VPC, subnet tier, ECS cluster, pipeline) and which arrows carry meaning, as a small model;
 * then the model as a Graphviz DOT graph. Everything is read from the planned resources by type
 * token, so any project's plan gets a diagram without knowing its program.
 *
 * Only the resources an architect would draw become nodes. The rest serve to find the arrows:
 * routes and their associations give subnet → NAT gateway, listeners give load balancer →
 * target group, a task definition and the IAM policies of its roles give service → data store,
 * event targets give rule → topic. Resources nobody draws (security group rules, policy
 * attachments, log groups) are left to the inventory beside the diagram.
 */
import type { StackPlan } from "../../model/types";
import { toDot } from "./dot";
import { plural, type Diagram } from "./model";
import { Builder } from "./builder";
import { addNetwork, addRoutes } from "./network";
import { addCompute, addDataAndMessaging, addLoadBalancing } from "./services";
import { addDelivery, addEvents, addPipelineEdges, addTraffic, addUses } from "./edges";
export { CATEGORY_COLORS, escapeHtmlLabel, quoteDot, svgIdPrefix, toDot } from "./dot";
export { subnetTier, wrapList, type Category, type Diagram, type DiagramCluster, type DiagramEdge, type DiagramNode, type EdgeKind } from "./model";

/** The diagram of one plan. A plan with nothing to draw gets one node that says so. */
export function buildDiagram(plan: Pick<StackPlan, "project" | "stack" | "resources">): Diagram {
    const b = new Builder(plan.resources);
    addNetwork(b);
    addCompute(b);
    addLoadBalancing(b);
    addDataAndMessaging(b);
    const pipelines = addDelivery(b);
    addRoutes(b);
    addUses(b);
    addTraffic(b);
    addPipelineEdges(b, pipelines);
    addEvents(b, pipelines);
    // A VPC cluster or tier with no nodes would vanish from the layout; keep only clusters something sits in.
    const used = new Set<string>();
    for (const n of b.nodes) {
        let c = n.cluster;
        while (c !== undefined && !used.has(c)) {
            used.add(c);
            c = b.clusters.find((x) => x.id === c)?.parent;
        }
    }
    const nodes = [...b.nodes];
    if (nodes.length === 0) {
        const custom = plan.resources.filter((r) => r.custom).length;
        nodes.push({ id: "empty", category: "note", kind: "", title: custom === 0 ? "Nothing planned" : "Nothing to draw", details: [custom === 0 ? "the program registered no resources" : `${plural(custom, "resource")} of types the diagram does not draw`], urns: [] });
    }
    return { name: `${plan.project}/${plan.stack}`, nodes, clusters: b.clusters.filter((c) => used.has(c.id)), edges: b.edges };
}

/** The DOT graph of one plan's architecture. */
export function stackDot(plan: Pick<StackPlan, "project" | "stack" | "resources">): string {
    return toDot(buildDiagram(plan));
}
