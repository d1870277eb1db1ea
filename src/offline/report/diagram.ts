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
import type { PlannedResource, StackPlan } from "../model/types";
import { PlanIndex } from "../model/plan";
import { awsName } from "../model/references";

export type Category = "network" | "compute" | "database" | "storage" | "integration" | "security" | "delivery" | "monitoring" | "note";

/** What an arrow says: a dependency at run time, a route, traffic, the order of pipeline stages, an event, where artifacts go. */
export type EdgeKind = "uses" | "route" | "serves" | "flow" | "event" | "artifacts";

export interface DiagramNode {
    readonly id: string;
    readonly category: Category;
    /** What it is, in the AWS user's words: "RDS postgres 15", "NAT gateway". */
    readonly kind: string;
    readonly title: string;
    readonly details: readonly string[];
    /** Details read as a list (pipeline actions) rather than a caption. */
    readonly list?: boolean;
    readonly cluster?: string;
    /** The planned resources the node stands for. */
    readonly urns: readonly string[];
}

export type ClusterKind = "vpc" | "public" | "private" | "isolated" | "subnets" | "ecs" | "pipeline";

export interface DiagramCluster {
    readonly id: string;
    readonly kind: ClusterKind;
    readonly label: string;
    readonly detail?: string;
    readonly parent?: string;
}

export interface DiagramEdge {
    readonly from: string;
    readonly to: string;
    readonly kind: EdgeKind;
    readonly label?: string;
    /** The edge leaves (ltail) or enters (lhead) a cluster as a whole (a pipeline). */
    readonly ltail?: string;
    readonly lhead?: string;
}

export interface Diagram {
    readonly name: string;
    readonly nodes: readonly DiagramNode[];
    readonly clusters: readonly DiagramCluster[];
    readonly edges: readonly DiagramEdge[];
}

type Kind =
    | "vpc" | "subnet" | "nat" | "igw" | "endpoint" | "routeTable" | "route" | "routeAssociation" | "subnetGroup"
    | "ecsCluster" | "ecsService" | "taskDefinition" | "lambda" | "alb" | "targetGroup" | "listener" | "listenerRule" | "targetAttachment"
    | "rds" | "rdsClusterInstance" | "cache" | "stream" | "table" | "bucket" | "registry" | "secret" | "secretRotation" | "queue"
    | "topic" | "subscription" | "eventRule" | "eventTarget" | "eventBus" | "notificationRule" | "eventSourceMapping"
    | "kms" | "kmsAlias" | "role" | "rolePolicy" | "policy" | "policyAttachment"
    | "pipeline" | "buildProject" | "sourceRepo" | "deployApp" | "deployGroup" | "connection" | "image" | "alarm";

/** Type tokens the diagram knows, by what they are. `aws:alb/*` are the old aliases of `aws:lb/*`. */
const KIND_BY_TYPE: Readonly<Record<string, Kind>> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "endpoint",
    "aws:ec2/routeTable:RouteTable": "routeTable",
    "aws:ec2/route:Route": "route",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "routeAssociation",
    "aws:rds/subnetGroup:SubnetGroup": "subnetGroup",
    "aws:elasticache/subnetGroup:SubnetGroup": "subnetGroup",
    "aws:ecs/cluster:Cluster": "ecsCluster",
    "aws:ecs/service:Service": "ecsService",
    "aws:ecs/taskDefinition:TaskDefinition": "taskDefinition",
    "aws:lambda/function:Function": "lambda",
    "aws:lb/loadBalancer:LoadBalancer": "alb",
    "aws:alb/loadBalancer:LoadBalancer": "alb",
    "aws:lb/targetGroup:TargetGroup": "targetGroup",
    "aws:alb/targetGroup:TargetGroup": "targetGroup",
    "aws:lb/listener:Listener": "listener",
    "aws:alb/listener:Listener": "listener",
    "aws:lb/listenerRule:ListenerRule": "listenerRule",
    "aws:alb/listenerRule:ListenerRule": "listenerRule",
    "aws:lb/targetGroupAttachment:TargetGroupAttachment": "targetAttachment",
    "aws:alb/targetGroupAttachment:TargetGroupAttachment": "targetAttachment",
    "aws:rds/instance:Instance": "rds",
    "aws:rds/cluster:Cluster": "rds",
    "aws:rds/clusterInstance:ClusterInstance": "rdsClusterInstance",
    "aws:elasticache/replicationGroup:ReplicationGroup": "cache",
    "aws:elasticache/cluster:Cluster": "cache",
    "aws:elasticache/serverlessCache:ServerlessCache": "cache",
    "aws:kinesis/stream:Stream": "stream",
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": "stream",
    "aws:dynamodb/table:Table": "table",
    "aws:s3/bucket:Bucket": "bucket",
    "aws:s3/bucketV2:BucketV2": "bucket",
    "aws:ecr/repository:Repository": "registry",
    "aws:secretsmanager/secret:Secret": "secret",
    "aws:secretsmanager/secretRotation:SecretRotation": "secretRotation",
    "aws:sqs/queue:Queue": "queue",
    "aws:sns/topic:Topic": "topic",
    "aws:sns/topicSubscription:TopicSubscription": "subscription",
    "aws:cloudwatch/eventRule:EventRule": "eventRule",
    "aws:cloudwatch/eventTarget:EventTarget": "eventTarget",
    "aws:cloudwatch/eventBus:EventBus": "eventBus",
    "aws:codestarnotifications/notificationRule:NotificationRule": "notificationRule",
    "aws:lambda/eventSourceMapping:EventSourceMapping": "eventSourceMapping",
    "aws:kms/key:Key": "kms",
    "aws:kms/alias:Alias": "kmsAlias",
    "aws:iam/role:Role": "role",
    "aws:iam/rolePolicy:RolePolicy": "rolePolicy",
    "aws:iam/policy:Policy": "policy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "policyAttachment",
    "aws:codepipeline/pipeline:Pipeline": "pipeline",
    "aws:codebuild/project:Project": "buildProject",
    "aws:codecommit/repository:Repository": "sourceRepo",
    "aws:codedeploy/application:Application": "deployApp",
    "aws:codedeploy/deploymentGroup:DeploymentGroup": "deployGroup",
    "aws:codestarconnections/connection:Connection": "connection",
    "aws:codeconnections/connection:Connection": "connection",
    "docker-build:index:Image": "image",
    "docker:index/image:Image": "image",
    "aws:cloudwatch/metricAlarm:MetricAlarm": "alarm",
    "aws:cloudwatch/compositeAlarm:CompositeAlarm": "alarm",
};

/** What a compute resource's arrows may point at: the stores, queues and functions it uses. */
const USED_KINDS: readonly Kind[] = ["rds", "cache", "stream", "table", "bucket", "registry", "secret", "queue", "topic", "eventBus", "lambda"];

// ---- reading inputs ---------------------------------------------------------------------------

function str(v: unknown): string | undefined {
    return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
}

function obj(v: unknown): Record<string, unknown> | undefined {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function objs(v: unknown): Record<string, unknown>[] {
    if (Array.isArray(v)) return v.map(obj).filter((o): o is Record<string, unknown> => o !== undefined);
    const one = obj(v);
    return one ? [one] : [];
}

function tag(r: PlannedResource, key: string): string | undefined {
    const tags = obj(r.inputs.tags) ?? {};
    const found = Object.keys(tags).find((k) => k.toLowerCase() === key.toLowerCase());
    return found === undefined ? undefined : str(tags[found]);
}

function plural(n: number, word: string, many = `${word}s`): string {
    return `${n} ${n === 1 ? word : many}`;
}

/** Breaks a comma-separated list into lines of about `width` characters so a node stays narrow. */
export function wrapList(items: readonly string[], width = 34): string[] {
    const lines: string[] = [];
    let line = "";
    for (const item of items) {
        const next = line === "" ? item : `${line}, ${item}`;
        if (line !== "" && next.length > width) {
            lines.push(`${line},`);
            line = item;
        } else {
            line = next;
        }
    }
    if (line !== "") lines.push(line);
    return lines;
}

export type SubnetTier = "public" | "private" | "isolated" | "subnets";

/** A subnet's tier from its `Tier` tag, else from its names. */
export function subnetTier(r: PlannedResource): SubnetTier {
    const candidates = [tag(r, "Tier"), tag(r, "Name"), r.name].filter((s): s is string => s !== undefined).map((s) => s.toLowerCase());
    for (const s of candidates) {
        if (/public/.test(s)) return "public";
        if (/isolated|database|data\b|\bdb\b/.test(s)) return "isolated";
        if (/private|app/.test(s)) return "private";
    }
    return "subnets";
}

const TIER_LABEL: Readonly<Record<SubnetTier, string>> = {
    public: "Public subnets",
    private: "Private subnets",
    isolated: "Isolated subnets",
    subnets: "Subnets",
};

// ---- the model --------------------------------------------------------------------------------

interface Placement {
    readonly vpc?: PlannedResource;
    readonly tier?: SubnetTier;
    /** How many Availability Zones its subnets span. */
    readonly zones: number;
}

/** A node while the diagram is being built: resources folded into it add their URNs. */
type BuildingNode = DiagramNode & { readonly urns: string[] };

class Builder {
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
function titleOf(r: PlannedResource): string {
    return awsName(r) ?? tag(r, "Name") ?? r.name;
}

/** A name inside a VPC without the VPC's own name in front: `public-a` rather than `fastcart-vpc-prod-public-a`. */
function shortName(r: PlannedResource, vpc: PlannedResource | undefined): string {
    const full = titleOf(r);
    if (!vpc) return full;
    const prefix = `${titleOf(vpc)}-`;
    return full.startsWith(prefix) && full.length > prefix.length ? full.slice(prefix.length) : full;
}

function addNetwork(b: Builder): void {
    for (const vpc of b.ofKind("vpc")) {
        b.clusters.push({ id: b.vpcCluster(vpc), kind: "vpc", label: `VPC ${titleOf(vpc)}`, ...(str(vpc.inputs.cidrBlock) ? { detail: str(vpc.inputs.cidrBlock)! } : {}) });
        b.nodeOf.set(vpc, b.vpcCluster(vpc));
    }
    for (const subnet of b.ofKind("subnet")) {
        const vpc = b.vpcOf(subnet);
        const tier = subnetTier(subnet);
        const details = [str(subnet.inputs.cidrBlock), str(subnet.inputs.availabilityZone) ?? str(subnet.inputs.availabilityZoneId)].filter((s): s is string => s !== undefined);
        b.addNode(subnet, { category: "network", kind: tier === "subnets" ? "Subnet" : `${tier[0]!.toUpperCase()}${tier.slice(1)} subnet`, title: shortName(subnet, vpc), details }, b.clusterFor(vpc, tier));
    }
    for (const igw of b.ofKind("igw")) {
        const vpc = b.vpcOf(igw);
        b.addNode(igw, { category: "network", kind: "Internet gateway", title: shortName(igw, vpc), details: [] }, b.clusterFor(vpc));
    }
    for (const nat of b.ofKind("nat")) {
        const subnet = b.refs.pointedAtBy(nat, b.ofKind("subnet"))[0];
        const vpc = subnet ? b.vpcOf(subnet) : undefined;
        const details = [
            ...(str(nat.inputs.connectivityType) === "private" ? ["private connectivity"] : []),
            ...(subnet ? [`in ${shortName(subnet, vpc)}`] : []),
        ];
        const id = b.addNode(nat, { category: "network", kind: "NAT gateway", title: shortName(nat, vpc), details }, b.clusterFor(vpc, subnet ? subnetTier(subnet) : undefined));
        for (const eip of b.refs.pointedAtBy(nat, b.resources.filter((r) => r.type === "aws:ec2/eip:Eip"))) b.fold(eip, id);
    }
    // One node per VPC for its endpoints: a dozen interface endpoints would otherwise crowd out the system.
    const endpointsByVpc = new Map<PlannedResource, PlannedResource[]>();
    for (const ep of b.ofKind("endpoint")) {
        const vpc = b.vpcOf(ep);
        if (!vpc) continue;
        endpointsByVpc.set(vpc, [...(endpointsByVpc.get(vpc) ?? []), ep]);
    }
    for (const [vpc, eps] of endpointsByVpc) {
        const services = eps.map((e) => (str(e.inputs.serviceName) ?? e.name).replace(/^com\.amazonaws\.[a-z0-9-]+\./, ""));
        const id = b.addNode(eps[0]!, { category: "network", kind: "VPC endpoints", title: plural(eps.length, "endpoint"), details: wrapList(services) }, b.clusterFor(vpc));
        for (const ep of eps.slice(1)) b.fold(ep, id);
    }
}

/** Subnet → NAT gateway or internet gateway, from each subnet's route table; NAT gateway → internet gateway through its own subnet. */
function addRoutes(b: Builder): void {
    const gateways = b.ofKind("nat", "igw");
    const tables = b.ofKind("routeTable");
    const targetsOfTable = new Map<PlannedResource, PlannedResource[]>();
    const add = (table: PlannedResource, targets: PlannedResource[]) => targetsOfTable.set(table, [...new Set([...(targetsOfTable.get(table) ?? []), ...targets])]);
    for (const table of tables) add(table, b.refs.pointedAt(table, table.inputs.routes, gateways));
    for (const route of b.ofKind("route")) {
        const table = b.refs.pointedAt(route, route.inputs.routeTableId, tables)[0];
        if (table) add(table, b.refs.pointedAt(route, [route.inputs.natGatewayId, route.inputs.gatewayId], gateways));
    }
    const routesOfSubnet = new Map<PlannedResource, PlannedResource[]>();
    for (const assoc of b.ofKind("routeAssociation")) {
        const subnet = b.refs.pointedAt(assoc, assoc.inputs.subnetId, b.ofKind("subnet"))[0];
        const table = b.refs.pointedAt(assoc, assoc.inputs.routeTableId, tables)[0];
        if (subnet && table) routesOfSubnet.set(subnet, [...(routesOfSubnet.get(subnet) ?? []), ...(targetsOfTable.get(table) ?? [])]);
    }
    for (const [subnet, targets] of routesOfSubnet) {
        for (const t of targets) b.addEdge({ from: b.id(subnet), to: b.id(t), kind: "route" });
    }
    for (const nat of b.ofKind("nat")) {
        const subnet = b.refs.pointedAtBy(nat, b.ofKind("subnet"))[0];
        for (const t of (subnet ? routesOfSubnet.get(subnet) : undefined) ?? []) {
            if (b.kindOf(t) === "igw") b.addEdge({ from: b.id(nat), to: b.id(t), kind: "route" });
        }
    }
}

function taskSize(td: PlannedResource | undefined): string[] {
    if (!td) return [];
    const cpu = Number(td.inputs.cpu);
    const memory = Number(td.inputs.memory);
    const arch = str(obj(td.inputs.runtimePlatform)?.cpuArchitecture);
    const size = Number.isFinite(cpu) && Number.isFinite(memory) && cpu > 0 ? `${cpu / 1024} vCPU / ${memory >= 1024 ? `${memory / 1024} GB` : `${memory} MB`}` : undefined;
    return [size, arch].filter((s): s is string => s !== undefined);
}

function addCompute(b: Builder): void {
    const taskDefs = b.ofKind("taskDefinition");
    const services = b.ofKind("ecsService");
    const folded = new Set<PlannedResource>();
    const clusterOfService = new Map<PlannedResource, PlannedResource | undefined>();
    for (const svc of services) clusterOfService.set(svc, b.refs.pointedAt(svc, svc.inputs.cluster, b.ofKind("ecsCluster"))[0]);

    // An ECS cluster is drawn as a box around its services, inside the VPC or tier they all share.
    const ecsClusterIds = new Map<PlannedResource, string>();
    for (const cluster of b.ofKind("ecsCluster")) {
        const members = services.filter((s) => clusterOfService.get(s) === cluster);
        if (members.length === 0) {
            b.addNode(cluster, { category: "compute", kind: "ECS cluster", title: titleOf(cluster), details: ["no services"] });
            continue;
        }
        const placements = members.map((m) => b.placed(m).cluster);
        const parent = placements.every((p) => p === placements[0]) ? placements[0] : undefined;
        const id = `cluster_${b.id(cluster)}`;
        const insights = objs(cluster.inputs.settings).some((s) => s.name === "containerInsights" && s.value !== "disabled");
        b.clusters.push({ id, kind: "ecs", label: `ECS cluster ${titleOf(cluster)}`, ...(insights ? { detail: "Container Insights" } : {}), ...(parent ? { parent } : {}) });
        b.nodeOf.set(cluster, id);
        ecsClusterIds.set(cluster, id);
    }
    for (const svc of services) {
        const td = b.refs.pointedAt(svc, svc.inputs.taskDefinition, taskDefs)[0];
        const cluster = clusterOfService.get(svc);
        const count = Number(svc.inputs.desiredCount ?? 1);
        const launch = str(svc.inputs.launchType) ?? (objs(svc.inputs.capacityProviderStrategies).length > 0 ? "capacity providers" : "EC2");
        const controller = str(obj(svc.inputs.deploymentController)?.type);
        const at = b.placed(svc);
        const details = [
            `${plural(count, "task")}${taskSize(td).length > 0 ? ` × ${taskSize(td)[0]}` : ""}`,
            ...taskSize(td).slice(1),
            ...(controller === "CODE_DEPLOY" ? ["blue/green by CodeDeploy"] : []),
            ...at.where,
        ];
        const id = b.addNode(svc, { category: "compute", kind: `ECS service (${launch})`, title: titleOf(svc), details }, (cluster ? ecsClusterIds.get(cluster) : undefined) ?? at.cluster);
        if (td) {
            b.fold(td, id);
            folded.add(td);
        }
    }
    for (const td of taskDefs) {
        if (folded.has(td)) continue;
        b.addNode(td, { category: "compute", kind: "ECS task definition", title: titleOf(td), details: taskSize(td) });
    }
    for (const fn of b.ofKind("lambda")) {
        const image = str(fn.inputs.packageType) === "Image";
        const arch = Array.isArray(fn.inputs.architectures) ? fn.inputs.architectures.map(String).join(", ") : undefined;
        const reserved = Number(fn.inputs.reservedConcurrentExecutions);
        const details = [
            image ? "container image" : (str(fn.inputs.runtime) ?? "zip"),
            [`${str(fn.inputs.memorySize) ?? "128"} MB`, arch].filter(Boolean).join(" · "),
            ...(Number.isFinite(reserved) && reserved >= 0 ? [`reserved concurrency ${reserved}`] : []),
        ];
        b.addPlaced(fn, { category: "compute", kind: "Lambda function", title: titleOf(fn), details });
    }
    for (const img of b.ofKind("image")) {
        const tags = Array.isArray(img.inputs.tags) ? img.inputs.tags.map(String) : [];
        const first = tags[0]?.split("/").pop();
        b.addNode(img, { category: "delivery", kind: "Container image build", title: img.name, details: first ? [first] : [] });
    }
}

function addLoadBalancing(b: Builder): void {
    const listeners = b.ofKind("listener");
    for (const lb of b.ofKind("alb")) {
        const type = str(lb.inputs.loadBalancerType) ?? "application";
        const ports = listeners.filter((l) => b.refs.pointedAt(l, l.inputs.loadBalancerArn, [lb]).length > 0).map((l) => `${str(l.inputs.protocol) ?? ""} ${str(l.inputs.port) ?? ""}`.trim());
        const details = [lb.inputs.internal === true ? "internal" : "internet-facing", ...(ports.length > 0 ? wrapList(ports) : [])];
        b.addPlaced(lb, { category: "network", kind: `${type === "network" ? "Network" : type === "gateway" ? "Gateway" : "Application"} load balancer`, title: titleOf(lb), details });
    }
    for (const tg of b.ofKind("targetGroup")) {
        const details = [`${str(tg.inputs.protocol) ?? ""} ${str(tg.inputs.port) ?? ""}`.trim(), str(tg.inputs.targetType) ?? "instance"].filter((s) => s !== "");
        b.addPlaced(tg, { category: "network", kind: "Target group", title: titleOf(tg), details });
    }
}

function addDataAndMessaging(b: Builder): void {
    const clusterInstances = b.ofKind("rdsClusterInstance");
    for (const db of b.ofKind("rds")) {
        const engine = str(db.inputs.engine) ?? "database";
        const version = str(db.inputs.engineVersion);
        let details: string[];
        let kind: string;
        if (db.type === "aws:rds/cluster:Cluster") {
            const members = clusterInstances.filter((i) => b.refs.pointedAt(i, i.inputs.clusterIdentifier, [db]).length > 0);
            const classes = [...new Set(members.map((m) => str(m.inputs.instanceClass)).filter((s): s is string => s !== undefined))];
            kind = `Aurora ${engine.replace(/^aurora-?/, "") || "mysql"}${version ? ` ${version}` : ""}`;
            details = [`${plural(members.length, "instance")}${classes.length > 0 ? ` · ${classes.join(", ")}` : ""}`];
            const id = b.addPlaced(db, { category: "database", kind, title: titleOf(db), details });
            for (const m of members) b.fold(m, id);
            continue;
        }
        kind = `RDS ${engine}${version ? ` ${version}` : ""}`;
        details = [
            [str(db.inputs.instanceClass), db.inputs.multiAz === true ? "Multi-AZ" : "single-AZ"].filter(Boolean).join(" · "),
            ...(str(db.inputs.allocatedStorage) ? [`${str(db.inputs.allocatedStorage)} GB ${str(db.inputs.storageType) ?? ""}`.trim()] : []),
        ];
        b.addPlaced(db, { category: "database", kind, title: titleOf(db), details });
    }
    for (const cache of b.ofKind("cache")) {
        const engine = str(cache.inputs.engine) ?? "redis";
        const version = str(cache.inputs.engineVersion) ?? str(cache.inputs.majorEngineVersion);
        const nodes = Number(cache.inputs.numCacheClusters ?? cache.inputs.numCacheNodes ?? 1);
        const details =
            cache.type === "aws:elasticache/serverlessCache:ServerlessCache"
                ? ["serverless"]
                : [
                      `${nodes} × ${str(cache.inputs.nodeType) ?? "node"}`,
                      ...(cache.inputs.automaticFailoverEnabled === true ? ["automatic failover"] : []),
                      ...(cache.inputs.transitEncryptionEnabled === true ? ["TLS"] : []),
                  ];
        b.addPlaced(cache, { category: "database", kind: `ElastiCache ${engine}${version ? ` ${version}` : ""}`, title: titleOf(cache), details });
    }
    for (const s of b.ofKind("stream")) {
        if (s.type === "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream") {
            b.addNode(s, { category: "integration", kind: "Firehose delivery stream", title: titleOf(s), details: str(s.inputs.destination) ? [`to ${str(s.inputs.destination)}`] : [] });
            continue;
        }
        const mode = str(obj(s.inputs.streamModeDetails)?.streamMode);
        const details = [mode === "ON_DEMAND" ? "on-demand" : plural(Number(s.inputs.shardCount ?? 1), "shard"), `${str(s.inputs.retentionPeriod) ?? "24"} h retention`];
        b.addNode(s, { category: "integration", kind: "Kinesis data stream", title: titleOf(s), details });
    }
    for (const t of b.ofKind("table")) {
        const keys = [str(t.inputs.hashKey), str(t.inputs.rangeKey)].filter((s): s is string => s !== undefined);
        const details = [str(t.inputs.billingMode) === "PAY_PER_REQUEST" ? "on-demand" : "provisioned", ...(keys.length > 0 ? [`key ${keys.join(" + ")}`] : [])];
        b.addNode(t, { category: "database", kind: "DynamoDB table", title: titleOf(t), details });
    }
    for (const bucket of b.ofKind("bucket")) b.addNode(bucket, { category: "storage", kind: "S3 bucket", title: titleOf(bucket), details: [] });
    for (const repo of b.ofKind("registry")) {
        const scan = obj(repo.inputs.imageScanningConfiguration)?.scanOnPush === true;
        const details = [`${(str(repo.inputs.imageTagMutability) ?? "MUTABLE").toLowerCase().replace(/_/g, " ")} tags`, ...(scan ? ["scan on push"] : [])];
        b.addNode(repo, { category: "storage", kind: "ECR repository", title: titleOf(repo), details });
    }
    const rotations = b.ofKind("secretRotation");
    for (const secret of b.ofKind("secret")) {
        const rotation = rotations.find((r) => b.refs.pointedAt(r, r.inputs.secretId, [secret]).length > 0);
        const days = rotation ? str(obj(rotation.inputs.rotationRules)?.automaticallyAfterDays) : undefined;
        const id = b.addNode(secret, { category: "security", kind: "Secrets Manager secret", title: titleOf(secret), details: rotation ? [days ? `rotates every ${days} days` : "rotated"] : [] });
        if (rotation) b.fold(rotation, id);
    }
    for (const q of b.ofKind("queue")) {
        b.addNode(q, { category: "integration", kind: q.inputs.fifoQueue === true ? "SQS FIFO queue" : "SQS queue", title: titleOf(q), details: [] });
    }
    const subscriptions = b.ofKind("subscription");
    for (const topic of b.ofKind("topic")) {
        const subs = subscriptions.filter((s) => b.refs.pointedAt(s, s.inputs.topic, [topic]).length > 0);
        const protocols = new Map<string, number>();
        for (const s of subs) protocols.set(str(s.inputs.protocol) ?? "?", (protocols.get(str(s.inputs.protocol) ?? "?") ?? 0) + 1);
        const details = [...protocols].map(([p, n]) => `${n} ${p} subscription${n === 1 ? "" : "s"}`);
        b.addNode(topic, { category: "integration", kind: "SNS topic", title: titleOf(topic), details });
    }
    for (const bus of b.ofKind("eventBus")) b.addNode(bus, { category: "integration", kind: "EventBridge bus", title: titleOf(bus), details: [] });
    for (const rule of b.ofKind("eventRule")) {
        const schedule = str(rule.inputs.scheduleExpression);
        const pattern = obj(typeof rule.inputs.eventPattern === "string" ? safeJson(rule.inputs.eventPattern) : rule.inputs.eventPattern);
        const sources = pattern ? [pattern.source].flat().filter((s): s is string => typeof s === "string") : [];
        const detailTypes = pattern ? [pattern["detail-type"]].flat().filter((s): s is string => typeof s === "string") : [];
        const details = schedule ? [schedule] : [...wrapList(sources), ...wrapList(detailTypes)];
        b.addNode(rule, { category: "integration", kind: "EventBridge rule", title: titleOf(rule), details });
    }
    for (const rule of b.ofKind("notificationRule")) {
        const events = Array.isArray(rule.inputs.eventTypeIds) ? rule.inputs.eventTypeIds.length : 0;
        b.addNode(rule, { category: "integration", kind: "Notification rule", title: titleOf(rule), details: [plural(events, "event type"), ...(str(rule.inputs.detailType) ? [`${str(rule.inputs.detailType)!.toLowerCase()} detail`] : [])] });
    }
    const aliases = b.ofKind("kmsAlias");
    const users = b.resources.filter((r) => !["kmsAlias", "role", "rolePolicy", "policy", "policyAttachment", "kms"].includes(b.kindOf(r) ?? ""));
    for (const key of b.ofKind("kms")) {
        const own = aliases.filter((a) => b.refs.pointedAt(a, a.inputs.targetKeyId, [key]).length > 0);
        const encrypts = users.filter((u) => b.refs.pointedAtBy(u, [key]).length > 0).length;
        const details = [
            ...own.map((a) => str(a.inputs.name) ?? a.name),
            key.inputs.enableKeyRotation === true ? "yearly rotation" : "no rotation",
            `used by ${plural(encrypts, "resource")}`,
        ];
        const id = b.addNode(key, { category: "security", kind: "KMS key", title: titleOf(key) === key.name && own.length > 0 ? key.name : titleOf(key), details });
        for (const a of own) b.fold(a, id);
    }
}

function safeJson(s: string): unknown {
    try {
        return JSON.parse(s) as unknown;
    } catch {
        return undefined;
    }
}

interface PipelineDrawing {
    readonly cluster: string;
    readonly first: string;
    readonly last: string;
}

function addDelivery(b: Builder): Map<PlannedResource, PipelineDrawing> {
    for (const p of b.ofKind("buildProject")) {
        const env = obj(p.inputs.environment) ?? {};
        const image = str(env.image)?.split("/").pop();
        const details = [[str(env.computeType)?.replace(/^BUILD_GENERAL1_/, "").toLowerCase(), image].filter(Boolean).join(" · "), ...(env.privilegedMode === true ? ["Docker builds"] : [])].filter((s) => s !== "");
        b.addPlaced(p, { category: "delivery", kind: "CodeBuild project", title: titleOf(p), details });
    }
    for (const repo of b.ofKind("sourceRepo")) b.addNode(repo, { category: "delivery", kind: "CodeCommit repository", title: titleOf(repo), details: str(repo.inputs.defaultBranch) ? [`branch ${str(repo.inputs.defaultBranch)}`] : [] });
    for (const c of b.ofKind("connection")) b.addNode(c, { category: "delivery", kind: "CodeStar connection", title: titleOf(c), details: str(c.inputs.providerType) ? [str(c.inputs.providerType)!] : [] });
    const apps = b.ofKind("deployApp");
    const appsWithGroups = new Set<PlannedResource>();
    for (const g of b.ofKind("deployGroup")) {
        const app = b.refs.pointedAt(g, g.inputs.appName, apps)[0];
        const style = obj(g.inputs.deploymentStyle);
        const details = [
            ...(app ? [`app ${titleOf(app)}`] : []),
            ...(str(style?.deploymentType) === "BLUE_GREEN" ? ["blue/green"] : []),
            ...(str(g.inputs.deploymentConfigName) ? [str(g.inputs.deploymentConfigName)!.replace(/^CodeDeployDefault\./, "")] : []),
        ];
        const id = b.addNode(g, { category: "delivery", kind: "CodeDeploy deployment group", title: titleOf(g), details });
        if (app) {
            b.fold(app, id);
            appsWithGroups.add(app);
        }
    }
    for (const app of apps) {
        if (!appsWithGroups.has(app)) b.addNode(app, { category: "delivery", kind: "CodeDeploy application", title: titleOf(app), details: str(app.inputs.computePlatform) ? [str(app.inputs.computePlatform)!] : [] });
    }

    const drawings = new Map<PlannedResource, PipelineDrawing>();
    for (const pipeline of b.ofKind("pipeline")) {
        const stages = objs(pipeline.inputs.stages);
        const cluster = `cluster_${b.id(pipeline)}`;
        const type = str(pipeline.inputs.pipelineType);
        b.clusters.push({ id: cluster, kind: "pipeline", label: `CodePipeline ${titleOf(pipeline)}`, ...(type ? { detail: type } : {}) });
        const ids: string[] = [];
        stages.forEach((stage, j) => {
            const actions = objs(stage.actions).sort((x, y) => Number(x.runOrder ?? 1) - Number(y.runOrder ?? 1));
            const id = `${b.id(pipeline)}s${j}`;
            const lines = actions.map((a) => `${str(a.runOrder) ?? "1"}. ${str(a.name) ?? "action"} (${str(a.provider) ?? str(a.category) ?? "?"})`);
            b.nodes.push({ id, category: "delivery", kind: `Stage ${j + 1}`, title: str(stage.name) ?? `stage ${j + 1}`, details: lines, list: true, cluster, urns: [pipeline.urn] });
            ids.push(id);
        });
        if (ids.length === 0) {
            const id = `${b.id(pipeline)}s`;
            b.nodes.push({ id, category: "delivery", kind: "Pipeline", title: titleOf(pipeline), details: ["no stages"], cluster, urns: [pipeline.urn] });
            ids.push(id);
        }
        b.nodeOf.set(pipeline, ids[0]!);
        drawings.set(pipeline, { cluster, first: ids[0]!, last: ids[ids.length - 1]! });
    }
    return drawings;
}

/** The resources whose permissions and settings a compute resource runs with: its task definition, roles and their policies. */
function runsWith(b: Builder, r: PlannedResource): PlannedResource[] {
    const sources = [r, ...b.resources.filter((x) => b.kindOf(x) === "taskDefinition" && b.nodeOf.get(x) === b.nodeOf.get(r) && x !== r)];
    const roles = new Set(sources.flatMap((s) => b.refs.pointedAtBy(s, b.ofKind("role"))));
    const policies = b.ofKind("policy");
    for (const role of roles) {
        sources.push(role);
        for (const att of b.ofKind("rolePolicy", "policyAttachment")) {
            if (b.refs.pointedAt(att, att.inputs.role, [role]).length === 0) continue;
            if (b.kindOf(att) === "rolePolicy") sources.push(att);
            else sources.push(...b.refs.pointedAt(att, att.inputs.policyArn, policies));
        }
    }
    return sources;
}

function addUses(b: Builder): void {
    const targets = b.ofKind(...USED_KINDS);
    for (const r of b.ofKind("ecsService", "taskDefinition", "lambda", "buildProject")) {
        const from = b.nodeOf.get(r);
        if (!from || (b.kindOf(r) === "taskDefinition" && from !== b.id(r))) continue;
        const used = new Set(runsWith(b, r).flatMap((s) => b.refs.pointedAtBy(s, targets)));
        for (const t of used) {
            const to = b.nodeOf.get(t);
            if (to) b.addEdge({ from, to, kind: "uses" });
        }
    }
}

function addTraffic(b: Builder): void {
    const tgs = b.ofKind("targetGroup");
    const listeners = b.ofKind("listener");
    for (const l of listeners) {
        const lb = b.refs.pointedAt(l, l.inputs.loadBalancerArn, b.ofKind("alb"))[0];
        if (!lb) continue;
        for (const tg of b.refs.pointedAt(l, l.inputs.defaultActions, tgs)) {
            b.addEdge({ from: b.id(lb), to: b.id(tg), kind: "serves", label: `${str(l.inputs.protocol) ?? ""} ${str(l.inputs.port) ?? ""}`.trim() });
        }
    }
    for (const rule of b.ofKind("listenerRule")) {
        const listener = b.refs.pointedAt(rule, rule.inputs.listenerArn, listeners)[0];
        const lb = listener ? b.refs.pointedAt(listener, listener.inputs.loadBalancerArn, b.ofKind("alb"))[0] : undefined;
        if (!lb) continue;
        for (const tg of b.refs.pointedAt(rule, rule.inputs.actions, tgs)) b.addEdge({ from: b.id(lb), to: b.id(tg), kind: "serves" });
    }
    for (const svc of b.ofKind("ecsService")) {
        for (const tg of b.refs.pointedAt(svc, svc.inputs.loadBalancers, tgs)) b.addEdge({ from: b.id(tg), to: b.id(svc), kind: "serves" });
    }
    for (const att of b.ofKind("targetAttachment")) {
        const tg = b.refs.pointedAt(att, att.inputs.targetGroupArn, tgs)[0];
        const target = b.refs.pointedAt(att, att.inputs.targetId, b.ofKind("lambda", "ecsService"))[0];
        if (tg && target) b.addEdge({ from: b.id(tg), to: b.nodeOf.get(target)!, kind: "serves" });
    }
    for (const g of b.ofKind("deployGroup")) {
        const services = b.refs.pointedAt(g, g.inputs.ecsService, b.ofKind("ecsService"));
        for (const svc of services) b.addEdge({ from: b.id(g), to: b.id(svc), kind: "uses", label: "deploys" });
        // Blue/green: the service takes traffic through either target group of the pair, the idle one included.
        for (const tg of b.refs.pointedAt(g, g.inputs.loadBalancerInfo, tgs)) {
            for (const svc of services) b.addEdge({ from: b.id(tg), to: b.id(svc), kind: "serves" });
        }
    }
    for (const img of b.ofKind("image")) {
        for (const repo of b.refs.pointedAtBy(img, b.ofKind("registry"))) b.addEdge({ from: b.id(img), to: b.id(repo), kind: "uses", label: "push" });
    }
}

/** Stage → the project, repository, function or deployment group an action names; a source flows into its stage. */
function addPipelineEdges(b: Builder, drawings: ReadonlyMap<PlannedResource, PipelineDrawing>): void {
    const shown = b.resources.filter((r) => b.nodeOf.has(r) && b.kindOf(r) !== "pipeline" && b.kindOf(r) !== "vpc");
    for (const [pipeline, drawing] of drawings) {
        objs(pipeline.inputs.stages).forEach((stage, j) => {
            const stageId = `${b.id(pipeline)}s${j}`;
            for (const action of objs(stage.actions)) {
                for (const t of b.refs.pointedAt(pipeline, action.configuration, shown)) {
                    const node = b.nodeOf.get(t)!;
                    if (str(action.category) === "Source") b.addEdge({ from: node, to: stageId, kind: "uses" });
                    else b.addEdge({ from: stageId, to: node, kind: "uses" });
                }
            }
        });
        for (let j = 1; j < objs(pipeline.inputs.stages).length; j++) {
            b.addEdge({ from: `${b.id(pipeline)}s${j - 1}`, to: `${b.id(pipeline)}s${j}`, kind: "flow" });
        }
        const stores = [...objs(pipeline.inputs.artifactStores), ...objs(pipeline.inputs.artifactStore)];
        for (const bucket of b.refs.pointedAt(pipeline, stores.map((s) => s.location), b.ofKind("bucket"))) {
            b.addEdge({ from: drawing.last, to: b.id(bucket), kind: "artifacts", label: "artifacts", ltail: drawing.cluster });
        }
    }
}

/** Events: what a rule listens to and where it sends; alarms → topic; topic → subscriber; stream → function. */
function addEvents(b: Builder, drawings: ReadonlyMap<PlannedResource, PipelineDrawing>): void {
    const shown = b.resources.filter((r) => b.nodeOf.has(r) && b.kindOf(r) !== "vpc");
    const into = (r: PlannedResource): Pick<DiagramEdge, "to" | "lhead"> => {
        const d = drawings.get(r);
        return d ? { to: d.first, lhead: d.cluster } : { to: b.nodeOf.get(r)! };
    };
    const outOf = (r: PlannedResource): Pick<DiagramEdge, "from" | "ltail"> => {
        const d = drawings.get(r);
        return d ? { from: d.last, ltail: d.cluster } : { from: b.nodeOf.get(r)! };
    };
    const rules = b.ofKind("eventRule");
    for (const rule of rules) {
        for (const src of b.refs.pointedAt(rule, [rule.inputs.eventPattern, rule.inputs.eventBusName], shown)) {
            if (src !== rule) b.addEdge({ ...outOf(src), to: b.id(rule), kind: "event" });
        }
    }
    for (const target of b.ofKind("eventTarget")) {
        const rule = b.refs.pointedAt(target, target.inputs.rule, rules)[0];
        const dest = b.refs.pointedAt(target, target.inputs.arn, shown.filter((r) => r !== rule))[0];
        if (rule && dest) b.addEdge({ from: b.id(rule), ...into(dest), kind: "event" });
    }
    for (const rule of b.ofKind("notificationRule")) {
        for (const src of b.refs.pointedAt(rule, rule.inputs.resource, shown)) b.addEdge({ ...outOf(src), to: b.id(rule), kind: "event" });
        for (const dest of b.refs.pointedAt(rule, objs(rule.inputs.targets).map((t) => t.address), shown)) b.addEdge({ from: b.id(rule), ...into(dest), kind: "event" });
    }
    for (const sub of b.ofKind("subscription")) {
        const topic = b.refs.pointedAt(sub, sub.inputs.topic, b.ofKind("topic"))[0];
        const dest = b.refs.pointedAt(sub, sub.inputs.endpoint, shown.filter((r) => r !== topic))[0];
        if (topic && dest) b.addEdge({ from: b.id(topic), ...into(dest), kind: "event" });
    }
    for (const m of b.ofKind("eventSourceMapping")) {
        const src = b.refs.pointedAt(m, m.inputs.eventSourceArn, shown)[0];
        const fn = b.refs.pointedAt(m, m.inputs.functionName, b.ofKind("lambda"))[0];
        if (src && fn) b.addEdge({ from: b.nodeOf.get(src)!, to: b.id(fn), kind: "event" });
    }
    // Alarms are many and alike: one node for all of them, with an arrow to each topic they notify.
    const alarms = b.ofKind("alarm");
    if (alarms.length > 0) {
        const metrics = [...new Set(alarms.map((a) => str(a.inputs.metricName) ?? a.name))];
        const id = b.addNode(alarms[0]!, { category: "monitoring", kind: "CloudWatch alarms", title: plural(alarms.length, "alarm"), details: wrapList(metrics) });
        for (const a of alarms.slice(1)) b.fold(a, id);
        const topics = b.ofKind("topic");
        for (const a of alarms) {
            for (const t of b.refs.pointedAt(a, [a.inputs.alarmActions, a.inputs.okActions, a.inputs.insufficientDataActions], topics)) b.addEdge({ from: id, to: b.id(t), kind: "event" });
        }
    }
}

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

// ---- DOT ------------------------------------------------------------------------------------------

interface Palette {
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

const CLUSTER_STYLE: Readonly<Record<ClusterKind, { fill: string; stroke: string; style: string }>> = {
    vpc: { fill: "#FBFDF9", stroke: "#3F8624", style: "rounded" },
    public: { fill: "#F0F8EC", stroke: "#7CB36A", style: "rounded,dashed,filled" },
    private: { fill: "#EEF4FC", stroke: "#7FA4D6", style: "rounded,dashed,filled" },
    isolated: { fill: "#F5F0FB", stroke: "#A58BD0", style: "rounded,dashed,filled" },
    subnets: { fill: "#F6F7F8", stroke: "#A0A8B3", style: "rounded,dashed,filled" },
    ecs: { fill: "#FFF9F2", stroke: "#E08A3C", style: "rounded,filled" },
    pipeline: { fill: "#F3FAFB", stroke: "#1D7485", style: "rounded,filled" },
};

const TIERS: ReadonlySet<ClusterKind> = new Set(["public", "private", "isolated", "subnets"]);

const EDGE_STYLE: Readonly<Record<EdgeKind, string>> = {
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

function nodeLabel(n: DiagramNode): string {
    const rows: string[] = [];
    if (n.kind !== "") rows.push(`<TR><TD><FONT POINT-SIZE="8" COLOR="#5B6472">${escapeHtmlLabel(n.kind)}</FONT></TD></TR>`);
    rows.push(`<TR><TD><B>${escapeHtmlLabel(n.title)}</B></TD></TR>`);
    for (const d of n.details) rows.push(`<TR><TD${n.list ? ` ALIGN="LEFT"` : ""}><FONT POINT-SIZE="8.5" COLOR="#303846">${escapeHtmlLabel(d)}</FONT></TD></TR>`);
    return `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">${rows.join("")}</TABLE>>`;
}

function clusterLabel(c: DiagramCluster): string {
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
function inputOrder(nodes: readonly DiagramNode[]): DiagramNode[] {
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

/** The DOT graph of one plan's architecture. */
export function stackDot(plan: Pick<StackPlan, "project" | "stack" | "resources">): string {
    return toDot(buildDiagram(plan));
}
