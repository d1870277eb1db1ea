/** The diagram while it is built: nodes, clusters and edges added once each, resources folded into nodes, references through the plan index. */
import type { PlannedResource } from "../../model/types";
import { PlanIndex } from "../../model/plan";
import { awsName } from "../../model/references";
import { type DiagramCluster, type DiagramEdge, type DiagramNode, KIND_BY_TYPE, type Kind, type SubnetTier, TIER_LABEL, plural, str, subnetTier, tag } from "./model";


export interface Placement {
    readonly vpc?: PlannedResource;
    readonly tier?: SubnetTier;
    /** How many Availability Zones its subnets span. */
    readonly zones: number;
}

/** A node while the diagram is being built: resources folded into it add their URNs. */
export type BuildingNode = DiagramNode & { readonly urns: string[] };

export class Builder {
    readonly nodes: BuildingNode[] = [];
    readonly clusters: DiagramCluster[] = [];
    readonly edges: DiagramEdge[] = [];
    private readonly edgeKeys = new Set<string>();
    private readonly index = new Map<PlannedResource, number>();
    /** The node a planned resource is drawn as (its own, or the one it is folded into). */
    readonly nodeOf = new Map<PlannedResource, string>();
    private readonly tierClusters = new Set<string>();
    readonly refs: PlanIndex<PlannedResource>;
    readonly resources: readonly PlannedResource[];

    constructor(resources: readonly PlannedResource[]) {
        this.resources = resources.filter((r) => r.custom);
        this.resources.forEach((r, i) => this.index.set(r, i));
        this.refs = new PlanIndex(this.resources);
    }

    ofKind(...kinds: Kind[]): PlannedResource[] {
        return this.resources.filter((r) => kinds.includes(KIND_BY_TYPE[r.type] as Kind));
    }

    kindOf(r: PlannedResource): Kind | undefined {
        return KIND_BY_TYPE[r.type];
    }

    id(r: PlannedResource): string {
        return `n${this.index.get(r)}`;
    }

    addNode(r: PlannedResource, node: Omit<DiagramNode, "id" | "urns" | "cluster">, cluster?: string): string {
        const id = this.id(r);
        this.nodes.push({ ...node, id, urns: [r.urn], ...(cluster ? { cluster } : {}) });
        this.nodeOf.set(r, id);
        return id;
    }

    /** A node for a resource that may sit in a VPC: in the VPC's box, with where it sits as its last line. */
    addPlaced(r: PlannedResource, node: Omit<DiagramNode, "id" | "urns" | "cluster">): string {
        const at = this.placed(r);
        return this.addNode(r, { ...node, details: [...node.details, ...at.where] }, at.cluster);
    }

    fold(r: PlannedResource, into: string): void {
        this.nodeOf.set(r, into);
        const node = this.nodes.find((n) => n.id === into);
        node?.urns.push(r.urn);
    }

    addEdge(edge: DiagramEdge): void {
        if (edge.from === edge.to) return;
        const key = `${edge.from}>${edge.to}`;
        if (this.edgeKeys.has(key)) return;
        this.edgeKeys.add(key);
        this.edges.push(edge);
    }

    /** The subnets a resource sits in: named directly, or through a DB or cache subnet group. */
    subnetsOf(r: PlannedResource): PlannedResource[] {
        const subnets = this.ofKind("subnet");
        const direct = this.refs.pointedAtBy(r, subnets);
        const viaGroups = this.refs.pointedAtBy(r, this.ofKind("subnetGroup")).flatMap((g) => this.refs.pointedAtBy(g, subnets));
        return [...new Set([...direct, ...viaGroups])];
    }

    vpcOf(r: PlannedResource): PlannedResource | undefined {
        const found = this.refs.pointedAtBy(r, this.ofKind("vpc"));
        return found.length === 1 ? found[0] : undefined;
    }

    placement(r: PlannedResource): Placement {
        const subnets = this.subnetsOf(r);
        if (subnets.length === 0) {
            const vpc = this.vpcOf(r);
            return vpc ? { vpc, zones: 0 } : { zones: 0 };
        }
        const vpcs = new Set(subnets.map((s) => this.vpcOf(s)));
        const vpc = vpcs.size === 1 ? [...vpcs][0] : undefined;
        const tiers = new Set(subnets.map(subnetTier));
        const zones = new Set(subnets.map((s) => str(s.inputs.availabilityZone) ?? str(s.inputs.availabilityZoneId)).filter((z) => z !== undefined));
        return { ...(vpc ? { vpc } : {}), ...(tiers.size === 1 ? { tier: [...tiers][0]! } : {}), zones: zones.size };
    }

    /**
     * Where a resource inside a VPC is drawn: in the VPC's box, with its tier and zones as a line
     * of text. Drawing it inside the tier's box instead would stretch that box across the whole
     * layout and send the subnet → NAT arrows around it.
     */
    placed(r: PlannedResource): { readonly cluster?: string; readonly where: string[] } {
        const p = this.placement(r);
        const cluster = p.vpc ? this.vpcCluster(p.vpc) : undefined;
        const tier = p.tier === undefined ? undefined : p.tier === "subnets" ? "subnets" : `${p.tier} subnets`;
        const where = tier ? [`${tier}${p.zones > 0 ? `, ${plural(p.zones, "AZ")}` : ""}`] : [];
        return { ...(cluster ? { cluster } : {}), where };
    }

    vpcCluster(vpc: PlannedResource): string {
        return `cluster_${this.id(vpc)}`;
    }

    /** The box of a VPC, or of one subnet tier inside it (created on first use). */
    clusterFor(vpc: PlannedResource | undefined, tier?: SubnetTier): string | undefined {
        if (!vpc) return undefined;
        const vpcCluster = this.vpcCluster(vpc);
        if (!tier) return vpcCluster;
        const id = `${vpcCluster}_${tier}`;
        if (!this.tierClusters.has(id)) {
            this.tierClusters.add(id);
            this.clusters.push({ id, kind: tier, label: TIER_LABEL[tier], parent: vpcCluster });
        }
        return id;
    }
}

/** A resource's display name: its AWS name, else its `Name` tag, else its logical name. */
export function titleOf(r: PlannedResource): string {
    return awsName(r) ?? tag(r, "Name") ?? r.name;
}

/** A name inside a VPC without the VPC's own name in front: `public-a` rather than `fastcart-vpc-prod-public-a`. */
export function shortName(r: PlannedResource, vpc: PlannedResource | undefined): string {
    const full = titleOf(r);
    if (!vpc) return full;
    const prefix = `${titleOf(vpc)}-`;
    return full.startsWith(prefix) && full.length > prefix.length ? full.slice(prefix.length) : full;
}
