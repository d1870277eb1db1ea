/** What the diagram is made of (nodes, clusters, edges), which resource types it knows, and the readers it uses. */
import type { PlannedResource } from "../../model/types";

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

export type Kind =
    | "vpc" | "subnet" | "nat" | "igw" | "endpoint" | "routeTable" | "route" | "routeAssociation" | "subnetGroup"
    | "ecsCluster" | "ecsService" | "taskDefinition" | "lambda" | "alb" | "targetGroup" | "listener" | "listenerRule" | "targetAttachment"
    | "rds" | "rdsClusterInstance" | "cache" | "stream" | "table" | "bucket" | "registry" | "secret" | "secretRotation" | "queue"
    | "topic" | "subscription" | "eventRule" | "eventTarget" | "eventBus" | "notificationRule" | "eventSourceMapping"
    | "kms" | "kmsAlias" | "role" | "rolePolicy" | "policy" | "policyAttachment"
    | "pipeline" | "buildProject" | "sourceRepo" | "deployApp" | "deployGroup" | "connection" | "image" | "alarm";

/** Type tokens the diagram knows, by what they are. `aws:alb/*` are the old aliases of `aws:lb/*`. */
export const KIND_BY_TYPE: Readonly<Record<string, Kind>> = {
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
export const USED_KINDS: readonly Kind[] = ["rds", "cache", "stream", "table", "bucket", "registry", "secret", "queue", "topic", "eventBus", "lambda"];


export function str(v: unknown): string | undefined {
    return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
}

export function obj(v: unknown): Record<string, unknown> | undefined {
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function objs(v: unknown): Record<string, unknown>[] {
    if (Array.isArray(v)) return v.map(obj).filter((o): o is Record<string, unknown> => o !== undefined);
    const one = obj(v);
    return one ? [one] : [];
}

export function tag(r: PlannedResource, key: string): string | undefined {
    const tags = obj(r.inputs.tags) ?? {};
    const found = Object.keys(tags).find((k) => k.toLowerCase() === key.toLowerCase());
    return found === undefined ? undefined : str(tags[found]);
}

export function plural(n: number, word: string, many = `${word}s`): string {
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

export const TIER_LABEL: Readonly<Record<SubnetTier, string>> = {
    public: "Public subnets",
    private: "Private subnets",
    isolated: "Isolated subnets",
    subnets: "Subnets",
};
