import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { PlannedResource } from "../model/types";
import { buildDiagram, escapeHtmlLabel, quoteDot, stackDot, subnetTier, toDot, wrapList, type Diagram, type DiagramNode } from "./diagram";
import * as fs from "node:fs";
import { renderSvg, svgCacheFile } from "./render";

const REGION = "eu-central-1";
const ACCOUNT = "123456789012";

/** A resource as the mock runtime records it; `deps` are logical names of resources it waits for. */
function res(type: string, name: string, inputs: Record<string, unknown> = {}, deps: string[] = []): PlannedResource {
    return { urn: urn(type, name), type, name, inputs, custom: true, protect: false, dependsOn: deps.map((d) => d) };
}

function urn(type: string, name: string): string {
    return `urn:pulumi:test::fixture::${type}::${name}`;
}

function arn(service: string, resource: string): string {
    return `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
}

function plan(resources: PlannedResource[]) {
    return { project: "fixture", stack: "test", resources };
}

function node(d: Diagram, title: string): DiagramNode {
    const found = d.nodes.filter((n) => n.title === title);
    assert.equal(found.length, 1, `expected one node titled ${title}, found ${found.map((n) => n.kind).join(", ") || "none"}`);
    return found[0]!;
}

function hasEdge(d: Diagram, from: string, to: string): boolean {
    const a = node(d, from).id;
    const b = node(d, to).id;
    return d.edges.some((e) => e.from === a && e.to === b);
}

/** The text of `subgraph <id> { ... }` in a DOT document, braces matched. */
function subgraph(dot: string, id: string): string {
    const start = dot.indexOf(`subgraph ${id} {`);
    assert.ok(start >= 0, `no subgraph ${id}`);
    let depth = 0;
    for (let i = dot.indexOf("{", start); i < dot.length; i++) {
        if (dot[i] === "{") depth++;
        if (dot[i] === "}" && --depth === 0) return dot.slice(start, i + 1);
    }
    throw new Error(`subgraph ${id} is not closed`);
}

/** A two-AZ VPC: public subnets tagged by tier, private ones named only, one NAT gateway per AZ. */
function network(): PlannedResource[] {
    const out: PlannedResource[] = [
        res("aws:ec2/vpc:Vpc", "net", { cidrBlock: "10.0.0.0/16", tags: { Name: "shop-vpc-test" } }),
        res("aws:ec2/internetGateway:InternetGateway", "net", { vpcId: "net-id", tags: { Name: "shop-vpc-test-igw" } }, [urn("aws:ec2/vpc:Vpc", "net")]),
        res("aws:ec2/routeTable:RouteTable", "net-public", { vpcId: "net-id" }),
        res("aws:ec2/route:Route", "net-public-default", { routeTableId: "net-public-id", destinationCidrBlock: "0.0.0.0/0", gatewayId: "net-id" }),
    ];
    for (const az of ["a", "b"]) {
        out.push(
            res("aws:ec2/subnet:Subnet", `net-public-${az}`, { vpcId: "net-id", cidrBlock: `10.0.${az === "a" ? 0 : 1}.0/24`, availabilityZone: `${REGION}${az}`, tags: { Name: `shop-vpc-test-public-${az}`, Tier: "public" } }),
            res("aws:ec2/subnet:Subnet", `net-app-${az}`, { vpcId: "net-id", cidrBlock: `10.0.${az === "a" ? 10 : 11}.0/24`, availabilityZone: `${REGION}${az}`, tags: { Name: `shop-vpc-test-private-${az}` } }),
            res("aws:ec2/eip:Eip", `net-nat-${az}`, { domain: "vpc" }),
            res("aws:ec2/natGateway:NatGateway", `net-nat-${az}`, { allocationId: `net-nat-${az}-id`, subnetId: `net-public-${az}-id`, tags: { Name: `shop-vpc-test-nat-${az}` } }),
            res("aws:ec2/routeTable:RouteTable", `net-private-${az}`, { vpcId: "net-id" }),
            res("aws:ec2/route:Route", `net-private-${az}-default`, { routeTableId: `net-private-${az}-id`, destinationCidrBlock: "0.0.0.0/0", natGatewayId: `net-nat-${az}-id` }),
            res("aws:ec2/routeTableAssociation:RouteTableAssociation", `net-public-${az}`, { routeTableId: "net-public-id", subnetId: `net-public-${az}-id` }),
            res("aws:ec2/routeTableAssociation:RouteTableAssociation", `net-app-${az}`, { routeTableId: `net-private-${az}-id`, subnetId: `net-app-${az}-id` }),
        );
    }
    return out;
}

/** An ECS service behind a load balancer, with a database, a cache and a stream it reaches through its task definition and task role. */
function service(): PlannedResource[] {
    const key = res("aws:kms/key:Key", "key", { enableKeyRotation: true });
    return [
        key,
        res("aws:kms/alias:Alias", "key", { name: "alias/shop-test", targetKeyId: "key-key-id" }),
        res("aws:rds/subnetGroup:SubnetGroup", "db", { name: "shop-db-subnets-test", subnetIds: ["net-app-a-id", "net-app-b-id"] }),
        res("aws:rds/instance:Instance", "db", { identifier: "shop-postgres-test", engine: "postgres", engineVersion: "16", instanceClass: "db.t3.micro", multiAz: true, allocatedStorage: 20, dbSubnetGroupName: "shop-db-subnets-test", kmsKeyId: arn("kms", "key/key-key-id") }),
        res("aws:elasticache/subnetGroup:SubnetGroup", "cache", { name: "shop-cache-subnets-test", subnetIds: ["net-app-a-id", "net-app-b-id"] }),
        res("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { replicationGroupId: "shop-redis-test", engine: "redis", nodeType: "cache.t3.micro", numCacheClusters: 2, subnetGroupName: "shop-cache-subnets-test" }),
        res("aws:kinesis/stream:Stream", "orders", { name: "shop-orders-test", shardCount: 2, retentionPeriod: 48 }),
        res("aws:iam/role:Role", "task", { name: "shop-task-test", assumeRolePolicy: "{}" }),
        res("aws:iam/policy:Policy", "task-stream", {
            name: "shop-task-test-stream",
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["kinesis:PutRecord"], Resource: arn("kinesis", "stream/shop-orders-test") }] }),
        }),
        res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "task-stream", { role: "shop-task-test", policyArn: `arn:aws:iam::${ACCOUNT}:policy/shop-task-test-stream` }),
        res("aws:ecs/cluster:Cluster", "app", { name: "shop-cluster-test" }),
        res("aws:ecs/taskDefinition:TaskDefinition", "app", {
            family: "shop-app-test",
            cpu: "512",
            memory: "1024",
            taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-task-test`,
            containerDefinitions: JSON.stringify([{ name: "app", environment: [{ name: "DB_HOST", value: "shop-postgres-test.abc123.eu-central-1.rds.amazonaws.com" }, { name: "REDIS_HOST", value: "master.shop-redis-test.abc123.cache.amazonaws.com" }] }]),
        }),
        res("aws:lb/loadBalancer:LoadBalancer", "web", { name: "shop-alb-test", internal: false, subnets: ["net-public-a-id", "net-public-b-id"] }),
        res("aws:lb/targetGroup:TargetGroup", "web", { name: "shop-tg-test", port: 8080, protocol: "HTTP", targetType: "ip", vpcId: "net-id" }),
        res("aws:lb/listener:Listener", "web-https", { loadBalancerArn: arn("elasticloadbalancing", "loadbalancer/app/shop-alb-test/abc123"), port: 443, protocol: "HTTPS", defaultActions: [{ type: "forward", targetGroupArn: arn("elasticloadbalancing", "targetgroup/shop-tg-test/abc123") }] }),
        res("aws:ecs/service:Service", "app", {
            name: "shop-app-test",
            cluster: arn("ecs", "cluster/shop-cluster-test"),
            taskDefinition: arn("ecs", "task-definition/shop-app-test:1"),
            desiredCount: 2,
            launchType: "FARGATE",
            networkConfiguration: { subnets: ["net-app-a-id", "net-app-b-id"] },
            loadBalancers: [{ targetGroupArn: arn("elasticloadbalancing", "targetgroup/shop-tg-test/abc123"), containerName: "app", containerPort: 8080 }],
        }),
    ];
}

function pipeline(): PlannedResource[] {
    return [
        res("aws:s3/bucket:Bucket", "artifacts", { bucket: "shop-artifacts-test" }),
        res("aws:codecommit/repository:Repository", "source", { repositoryName: "shop-app-test", defaultBranch: "main" }),
        res("aws:codebuild/project:Project", "build", { name: "shop-build-test", environment: { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/standard:7.0", privilegedMode: true } }),
        res("aws:sns/topic:Topic", "approvals", { name: "shop-approvals-test" }),
        res("aws:sns/topicSubscription:TopicSubscription", "approvals-email", { topic: arn("sns", "shop-approvals-test"), protocol: "email", endpoint: "ops@example.com" }),
        res("aws:codepipeline/pipeline:Pipeline", "pipeline", {
            name: "shop-pipeline-test",
            pipelineType: "V2",
            artifactStores: [{ location: "shop-artifacts-test", type: "S3" }],
            stages: [
                { name: "Source", actions: [{ name: "Checkout", category: "Source", provider: "CodeCommit", configuration: { RepositoryName: "shop-app-test", BranchName: "main" } }] },
                { name: "Build", actions: [{ name: "Test", category: "Build", provider: "CodeBuild", runOrder: 1, configuration: { ProjectName: "shop-build-test" } }, { name: "Image", category: "Build", provider: "CodeBuild", runOrder: 2, configuration: { ProjectName: "shop-build-test" } }] },
                { name: "Approve", actions: [{ name: "Approve", category: "Approval", provider: "Manual", configuration: { NotificationArn: arn("sns", "shop-approvals-test") } }] },
            ],
        }),
        res("aws:cloudwatch/eventRule:EventRule", "failed", { name: "shop-pipeline-failed-test", eventPattern: JSON.stringify({ source: ["aws.codepipeline"], resources: [arn("codepipeline", "shop-pipeline-test")] }) }),
        res("aws:cloudwatch/eventTarget:EventTarget", "failed", { rule: "shop-pipeline-failed-test", arn: arn("sns", "shop-approvals-test") }),
        // A log group named after the pipeline: its ARN must not read as a reference to the pipeline.
        res("aws:cloudwatch/eventRule:EventRule", "events", { name: "shop-pipeline-events-test", eventPattern: JSON.stringify({ source: ["aws.codepipeline"] }) }),
        res("aws:cloudwatch/eventTarget:EventTarget", "events", { rule: "shop-pipeline-events-test", arn: arn("logs", "log-group:/aws/events/shop-pipeline-test") }),
    ];
}

describe("report diagram: network", () => {
    const d = buildDiagram(plan(network()));

    it("draws the VPC as a box holding a public and a private tier, each with its subnets", () => {
        const vpc = d.clusters.find((c) => c.kind === "vpc");
        assert.ok(vpc);
        assert.equal(vpc.label, "VPC shop-vpc-test");
        assert.equal(vpc.detail, "10.0.0.0/16");
        const pub = d.clusters.find((c) => c.kind === "public");
        const priv = d.clusters.find((c) => c.kind === "private");
        assert.equal(pub?.parent, vpc.id);
        assert.equal(priv?.parent, vpc.id);
        assert.deepEqual(d.nodes.filter((n) => n.cluster === pub?.id).map((n) => n.title).sort(), ["nat-a", "nat-b", "public-a", "public-b"]);
        assert.deepEqual(d.nodes.filter((n) => n.cluster === priv?.id).map((n) => n.title).sort(), ["private-a", "private-b"]);
        assert.equal(node(d, "igw").cluster, vpc.id);
    });

    it("nests the clusters in the DOT text the same way", () => {
        const dot = toDot(d);
        const vpc = d.clusters.find((c) => c.kind === "vpc")!;
        const pub = d.clusters.find((c) => c.kind === "public")!;
        const vpcText = subgraph(dot, vpc.id);
        const pubText = subgraph(dot, pub.id);
        assert.ok(vpcText.includes(`subgraph ${pub.id} {`));
        assert.ok(pubText.includes(`${node(d, "public-a").id} [`));
        assert.ok(!pubText.includes(`${node(d, "private-a").id} [`));
        assert.ok(vpcText.includes(`${node(d, "igw").id} [`));
    });

    it("routes each private subnet to its AZ's NAT gateway, and public subnets and NAT gateways to the internet gateway", () => {
        assert.ok(hasEdge(d, "private-a", "nat-a"));
        assert.ok(hasEdge(d, "private-b", "nat-b"));
        assert.ok(!hasEdge(d, "private-a", "nat-b"));
        assert.ok(hasEdge(d, "public-a", "igw"));
        assert.ok(hasEdge(d, "nat-a", "igw"));
        assert.ok(d.edges.filter((e) => e.kind === "route").length === 6);
    });

    it("folds a NAT gateway's Elastic IP into the gateway's node", () => {
        assert.deepEqual([...node(d, "nat-a").urns].sort(), [urn("aws:ec2/eip:Eip", "net-nat-a"), urn("aws:ec2/natGateway:NatGateway", "net-nat-a")].sort());
        assert.deepEqual(node(d, "nat-a").details, ["in public-a"]);
    });

    it("reads the tier from the Tier tag, else from the names", () => {
        const subnet = (tags: Record<string, string>, name = "s") => res("aws:ec2/subnet:Subnet", name, { tags });
        assert.equal(subnetTier(subnet({ Tier: "Public", Name: "x-private" })), "public");
        assert.equal(subnetTier(subnet({ Name: "x-private-a" })), "private");
        assert.equal(subnetTier(subnet({ Name: "x-isolated-a" })), "isolated");
        assert.equal(subnetTier(subnet({}, "net-public-c")), "public");
        assert.equal(subnetTier(subnet({}, "net-c")), "subnets");
    });
});

describe("report diagram: compute and data", () => {
    const d = buildDiagram(plan([...network(), ...service()]));

    it("points the service at the database, the cache and the stream it reaches through its task definition and task role", () => {
        assert.ok(hasEdge(d, "shop-app-test", "shop-postgres-test"));
        assert.ok(hasEdge(d, "shop-app-test", "shop-redis-test"));
        assert.ok(hasEdge(d, "shop-app-test", "shop-orders-test"));
        assert.ok(!d.nodes.some((n) => n.kind === "ECS task definition"), "the task definition is part of the service's node");
    });

    it("draws load balancer → target group → service", () => {
        assert.ok(hasEdge(d, "shop-alb-test", "shop-tg-test"));
        assert.ok(hasEdge(d, "shop-tg-test", "shop-app-test"));
        assert.equal(d.edges.find((e) => e.from === node(d, "shop-alb-test").id)?.label, "HTTPS 443");
    });

    it("puts the service in an ECS cluster box inside the VPC, and the data stores in the VPC with their tier and zones", () => {
        const vpc = d.clusters.find((c) => c.kind === "vpc")!;
        const ecs = d.clusters.find((c) => c.kind === "ecs")!;
        assert.equal(ecs.label, "ECS cluster shop-cluster-test");
        assert.equal(ecs.parent, vpc.id);
        assert.equal(node(d, "shop-app-test").cluster, ecs.id);
        assert.equal(node(d, "shop-postgres-test").cluster, vpc.id);
        assert.ok(node(d, "shop-postgres-test").details.includes("private subnets, 2 AZs"));
        assert.ok(node(d, "shop-postgres-test").details.includes("db.t3.micro · Multi-AZ"));
        assert.equal(node(d, "shop-orders-test").cluster, undefined);
    });

    it("describes the service's tasks and the key with its alias", () => {
        assert.ok(node(d, "shop-app-test").details.includes("2 tasks × 0.5 vCPU / 1 GB"));
        assert.ok(node(d, "key").details.includes("alias/shop-test"));
        assert.ok(node(d, "key").details.includes("used by 1 resource"));
    });

    it("points a function at the table named in its environment", () => {
        const d2 = buildDiagram(
            plan([
                res("aws:dynamodb/table:Table", "history", { name: "shop-history-test", billingMode: "PAY_PER_REQUEST", hashKey: "id" }),
                res("aws:lambda/function:Function", "deploy", { name: "shop-deploy-test", packageType: "Zip", runtime: "nodejs22.x", memorySize: 256, environment: { variables: { TABLE_NAME: "shop-history-test" } } }),
            ]),
        );
        assert.ok(hasEdge(d2, "shop-deploy-test", "shop-history-test"));
        assert.deepEqual(node(d2, "shop-history-test").details, ["on-demand", "key id"]);
    });

    it("keeps a reference two candidates share only where the planner's dependsOn confirms it", () => {
        const shared = "shop-orders-test";
        const d2 = buildDiagram(
            plan([
                res("aws:kinesis/stream:Stream", "stream", { name: shared }),
                res("aws:ecr/repository:Repository", "images", { name: shared }),
                res("aws:lambda/function:Function", "confirmed", { name: "confirmed", environment: { variables: { STREAM: shared } } }, [urn("aws:kinesis/stream:Stream", "stream")]),
                res("aws:lambda/function:Function", "unconfirmed", { name: "unconfirmed", environment: { variables: { STREAM: shared } } }),
            ]),
        );
        const stream = d2.nodes.find((n) => n.kind === "Kinesis data stream")!.id;
        const repo = d2.nodes.find((n) => n.kind === "ECR repository")!.id;
        const from = (t: string) => d2.edges.filter((e) => e.from === node(d2, t).id).map((e) => e.to);
        assert.deepEqual(from("confirmed"), [stream]);
        assert.ok(!from("confirmed").includes(repo));
        assert.deepEqual(from("unconfirmed"), []);
    });
});

describe("report diagram: delivery and events", () => {
    const d = buildDiagram(plan(pipeline()));
    const stages = d.nodes.filter((n) => n.kind.startsWith("Stage "));

    it("draws the pipeline as a box of its stages in order, with an arrow from each stage to the next", () => {
        const box = d.clusters.find((c) => c.kind === "pipeline")!;
        assert.equal(box.label, "CodePipeline shop-pipeline-test");
        assert.deepEqual(stages.map((s) => s.title), ["Source", "Build", "Approve"]);
        assert.ok(stages.every((s) => s.cluster === box.id));
        const flow = d.edges.filter((e) => e.kind === "flow").map((e) => [e.from, e.to]);
        assert.deepEqual(flow, [[stages[0]!.id, stages[1]!.id], [stages[1]!.id, stages[2]!.id]]);
        assert.deepEqual(stages[1]!.details, ["1. Test (CodeBuild)", "2. Image (CodeBuild)"]);
    });

    it("links stages to what their actions name: source repository in, build project and approval topic out", () => {
        const [source, build, approve] = stages;
        const to = (id: string) => d.edges.filter((e) => e.from === id).map((e) => e.to);
        assert.ok(d.edges.some((e) => e.from === node(d, "shop-app-test").id && e.to === source!.id));
        assert.ok(to(build!.id).includes(node(d, "shop-build-test").id));
        assert.ok(to(approve!.id).includes(node(d, "shop-approvals-test").id));
        const artifacts = d.edges.find((e) => e.kind === "artifacts")!;
        assert.equal(artifacts.to, node(d, "shop-artifacts-test").id);
        assert.equal(artifacts.ltail, d.clusters.find((c) => c.kind === "pipeline")!.id);
    });

    it("draws pipeline → rule → topic for an EventBridge rule on the pipeline, and no arrow from a log-group ARN that repeats the pipeline's name", () => {
        const rule = node(d, "shop-pipeline-failed-test").id;
        assert.ok(d.edges.some((e) => e.to === rule && e.ltail !== undefined && e.kind === "event"));
        assert.ok(hasEdge(d, "shop-pipeline-failed-test", "shop-approvals-test"));
        const events = node(d, "shop-pipeline-events-test").id;
        assert.deepEqual(d.edges.filter((e) => e.from === events), []);
    });

    it("summarises subscriptions on the topic and alarms in one node with an arrow to the topic they notify", () => {
        assert.deepEqual(node(d, "shop-approvals-test").details, ["1 email subscription"]);
        const d2 = buildDiagram(
            plan([
                res("aws:sns/topic:Topic", "alerts", { name: "shop-alerts-test" }),
                res("aws:cloudwatch/metricAlarm:MetricAlarm", "cpu", { metricName: "CPUUtilization", alarmActions: [arn("sns", "shop-alerts-test")] }),
                res("aws:cloudwatch/metricAlarm:MetricAlarm", "memory", { metricName: "MemoryUtilization", alarmActions: [arn("sns", "shop-alerts-test")] }),
            ]),
        );
        assert.ok(hasEdge(d2, "2 alarms", "shop-alerts-test"));
        assert.equal(node(d2, "2 alarms").urns.length, 2);
    });
});

describe("report diagram: DOT text and rendering", () => {
    it("escapes names in HTML-like labels and in quoted tooltips", () => {
        const nasty = `a<b>&"c'\\d`;
        const dot = stackDot(plan([res("aws:sns/topic:Topic", nasty, { name: nasty })]));
        assert.ok(dot.includes("<B>a&lt;b&gt;&amp;&quot;c&#39;\\d</B>"));
        assert.ok(dot.includes(`tooltip="urn:pulumi:test::fixture::aws:sns/topic:Topic::a<b>&\\"c'\\\\d"`));
        assert.equal(escapeHtmlLabel("x\ty\u0001"), "x y ");
        assert.equal(quoteDot('say "hi"\\\nbye'), '"say \\"hi\\"\\\\\\nbye"');
        assert.deepEqual(wrapList(["alpha", "beta", "gamma"], 11), ["alpha, beta,", "gamma"]);
    });

    it("renders every fixture to SVG with Graphviz, one SVG node per diagram node, with ids prefixed per stack", async () => {
        for (const resources of [network(), [...network(), ...service()], pipeline(), [res("aws:sns/topic:Topic", `a<b>&"c'`, { name: `a<b>&"c'` })]]) {
            const d = buildDiagram(plan(resources));
            const svg = await renderSvg(toDot(d));
            assert.equal(svg.match(/class="node"/g)?.length, d.nodes.length);
            assert.equal(svg.match(/class="cluster"/g)?.length ?? 0, d.clusters.length);
            assert.ok(svg.includes(`id="d_fixture_test_`));
        }
        const svg = await renderSvg(stackDot(plan([res("aws:sns/topic:Topic", "t", { name: `a<b>&"c'` })])));
        assert.ok(svg.includes("a&lt;b&gt;&amp;&quot;c&#39;"));
    });

    it("draws one note for a plan with nothing to draw", async () => {
        const empty = buildDiagram(plan([]));
        assert.deepEqual(empty.nodes.map((n) => n.title), ["Nothing planned"]);
        const undrawn = buildDiagram(plan([res("aws:iam/role:Role", "r")]));
        assert.deepEqual(undrawn.nodes.map((n) => n.details), [["1 resource of types the diagram does not draw"]]);
        assert.match(await renderSvg(toDot(empty)), /Nothing planned/);
    });

    it("lays out a DOT once: a rerun reads the layout kept for it, and a syntax error is not kept", async () => {
        const dot = `digraph { "layout-${process.pid}-${Date.now()}" }`;
        const file = svgCacheFile(dot);
        const svg = await renderSvg(dot);
        assert.match(svg, /<svg/);
        assert.equal(fs.readFileSync(file, "utf8"), svg);
        fs.writeFileSync(file, "<svg>kept</svg>");
        try {
            assert.equal(await renderSvg(dot), "<svg>kept</svg>");
        } finally {
            fs.rmSync(file, { force: true });
        }
        const broken = "digraph { a -> }";
        await assert.rejects(renderSvg(broken));
        assert.equal(fs.existsSync(svgCacheFile(broken)), false);
    });
});
