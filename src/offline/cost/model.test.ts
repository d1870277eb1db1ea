import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CostItem, CostReport } from "../model/types";
import { estimateCost } from "./model";
import { DEV_SHAPE, PROD_SHAPE, orderSystem, planned } from "../../../test/support/cost";

/** The one line whose description contains `text`; fails when there are none or several. */
function line(report: CostReport, text: string): CostItem {
    const found = report.items.filter((i) => i.description.includes(text));
    assert.equal(found.length, 1, `expected one line containing "${text}", got ${found.map((i) => i.description).join(" | ")}`);
    return found[0] as CostItem;
}

function close(actual: number, expected: number, what: string): void {
    assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} !== ${expected}`);
}

const US = { region: "us-east-1" } as const;

/** The cost in us-east-1 of a stack of one resource. */
function priceInUs(...resource: Parameters<typeof planned>): CostReport {
    return estimateCost([planned(...resource)], US);
}

describe("networking", () => {
    it("prices a NAT gateway's hours and data and its Elastic IP", () => {
        const report = estimateCost(
            [planned("aws:ec2/eip:Eip", "nat-eip"), planned("aws:ec2/natGateway:NatGateway", "nat")],
            US,
        );
        close(line(report, "NAT gateway hours").monthlyUsd, 32.85, "730 h × $0.045");
        close(line(report, "NAT gateway data").monthlyUsd, 4.5, "100 GB × $0.045");
        close(line(report, "Elastic IP").monthlyUsd, 3.65, "730 h × $0.005");
        close(report.monthlyUsd, 41.0, "32.85 + 4.50 + 3.65");
        assert.equal(
            line(report, "NAT gateway data").assumption,
            "100 GB processed a month (override: costAssumptions.natDataProcessedGb)",
        );
    });

    it("splits the stack's NAT traffic over its gateways rather than multiplying it", () => {
        const nats = ["a", "b", "c"].map((az) => planned("aws:ec2/natGateway:NatGateway", `nat-${az}`));
        const report = estimateCost(nats, { region: "us-east-1", assumptions: { natDataProcessedGb: 300 } });
        const data = report.items.filter((i) => i.description === "NAT gateway data processed");
        assert.deepEqual(
            data.map((i) => i.monthlyUsd),
            [4.5, 4.5, 4.5], // 300 GB / 3 = 100 GB each × $0.045
        );
        assert.match(data[0]?.assumption ?? "", /^300 GB processed a month, split evenly over 3 NAT gateways/);
        close(report.monthlyUsd, 112.05, "3 × 32.85 + 3 × 4.50");
    });

    it("prices interface endpoints per AZ and leaves gateway endpoints free", () => {
        const report = estimateCost(
            [
                planned("aws:ec2/vpcEndpoint:VpcEndpoint", "ecr-api", {
                    vpcEndpointType: "Interface",
                    subnetIds: ["subnet-a", "subnet-b"],
                }),
                planned("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", { serviceName: "com.amazonaws.us-east-1.s3" }),
            ],
            US,
        );
        assert.equal(report.items.length, 1);
        close(line(report, "Interface endpoint").monthlyUsd, 14.6, "2 AZ × 730 h × $0.01");
    });

    it("gives free resources no line", () => {
        const report = estimateCost(
            [
                planned("aws:ec2/vpc:Vpc", "vpc"),
                planned("aws:ec2/subnet:Subnet", "subnet"),
                planned("aws:ec2/securityGroup:SecurityGroup", "sg"),
                planned("aws:iam/role:Role", "role"),
            ],
            US,
        );
        assert.deepEqual(report.items, []);
        assert.equal(report.monthlyUsd, 0);
    });
});

describe("databases and caches", () => {
    it("prices a Single-AZ PostgreSQL instance and its storage", () => {
        const report = priceInUs("aws:rds/instance:Instance", "db", { engine: "postgres", instanceClass: "db.t3.micro", allocatedStorage: 20 });
        close(line(report, "db.t3.micro").monthlyUsd, 13.14, "730 h × $0.018");
        // storageType defaults to gp2: 20 GB × $0.115
        close(line(report, "gp2 storage, 20 GB").monthlyUsd, 2.3, "20 GB × $0.115");
    });

    it("doubles the instance and the storage for Multi-AZ", () => {
        const report = priceInUs("aws:rds/instance:Instance", "db", { engine: "postgres", instanceClass: "db.t4g.medium", allocatedStorage: 100, storageType: "gp3", multiAz: true });
        const instance = line(report, "db.t4g.medium postgres Multi-AZ");
        assert.equal(instance.quantity, 1460);
        close(instance.monthlyUsd, 94.9, "2 × 730 h × $0.065");
        close(line(report, "gp3 storage, 100 GB Multi-AZ").monthlyUsd, 23.0, "2 × 100 GB × $0.115");
    });

    it("notes an instance class the table does not price instead of inventing a price", () => {
        const report = priceInUs("aws:rds/instance:Instance", "db", { engine: "postgres", instanceClass: "db.r6g.large", allocatedStorage: 20 });
        assert.equal(report.items.some((i) => i.description.includes("db.r6g.large")), false);
        assert.ok(report.notes.some((n) => n.includes("db.r6g.large") && n.includes("not priced")), report.notes.join("\n"));
        close(report.monthlyUsd, 2.3, "only the storage: 20 GB × $0.115");
    });

    it("does not price another engine from PostgreSQL figures", () => {
        const report = priceInUs("aws:rds/instance:Instance", "db", { engine: "mysql", instanceClass: "db.t3.micro" });
        assert.deepEqual(report.items, []);
        assert.ok(report.notes.some((n) => n.includes("mysql")));
        assert.ok(report.notes.some((n) => n.includes("allocatedStorage")));
    });

    it("prices Redis OSS and Valkey replication groups from their own figures", () => {
        const report = estimateCost(
            [
                planned("aws:elasticache/replicationGroup:ReplicationGroup", "redis", { nodeType: "cache.t3.micro", numCacheClusters: 2 }),
                planned("aws:elasticache/replicationGroup:ReplicationGroup", "valkey", {
                    engine: "valkey",
                    nodeType: "cache.t3.micro",
                    numCacheClusters: 2,
                }),
            ],
            US,
        );
        close(line(report, "Redis OSS").monthlyUsd, 24.82, "2 × 730 h × $0.017");
        close(line(report, "Valkey").monthlyUsd, 19.856, "2 × 730 h × $0.0136");
    });

    it("counts every node of a cluster-mode group", () => {
        const report = priceInUs("aws:elasticache/replicationGroup:ReplicationGroup", "sharded", { nodeType: "cache.t4g.small", numNodeGroups: 2, replicasPerNodeGroup: 1 });
        const nodes = line(report, "cache.t4g.small");
        assert.equal(nodes.quantity, 2920); // 2 shards × (1 primary + 1 replica) × 730 h
        close(nodes.monthlyUsd, 93.44, "2920 h × $0.032");
    });

    it("notes a node type with no figure for its engine", () => {
        const report = priceInUs("aws:elasticache/replicationGroup:ReplicationGroup", "big", { engine: "valkey", nodeType: "cache.r7g.large" });
        assert.deepEqual(report.items, []);
        assert.ok(report.notes.some((n) => n.includes("cache.r7g.large") && n.includes("valkey")));
    });
});

describe("streams and containers", () => {
    it("prices provisioned shards and extended retention", () => {
        const report = estimateCost(
            [planned("aws:kinesis/stream:Stream", "orders", { shardCount: 2, retentionPeriod: 48, shardLevelMetrics: ["IncomingBytes"] })],
            { region: "us-east-2" },
        );
        const shards = line(report, "2 provisioned shards");
        close(shards.monthlyUsd, 21.9, "2 × 730 h × $0.015");
        assert.equal(shards.approximate, false, "us-east-2 has its own Kinesis figure");
        close(line(report, "Extended retention").monthlyUsd, 29.2, "2 × 730 h × $0.02");
        assert.ok(report.notes.some((n) => n.includes("shard-level metrics")));
        assert.ok(report.notes.some((n) => n.includes("PUT payload units")));
    });

    it("prices an on-demand stream from the ingest assumption", () => {
        const report = priceInUs("aws:kinesis/stream:Stream", "events", { streamModeDetails: { streamMode: "ON_DEMAND" } });
        close(line(report, "stream hours").monthlyUsd, 29.2, "730 h × $0.04");
        const ingest = line(report, "data ingested");
        close(ingest.monthlyUsd, 2.0, "25 GB × $0.08");
        assert.match(ingest.assumption ?? "", /costAssumptions\.kinesisOnDemandIngestGb/);
    });

    const taskDefinition = planned("aws:ecs/taskDefinition:TaskDefinition", "api-task", {
        family: "orders-api",
        cpu: "512",
        memory: "1024",
        requiresCompatibilities: ["FARGATE"],
    });

    for (const [how, ref] of [
        ["id", "api-task-id"],
        ["ARN", "arn:aws:ecs:us-east-1:123456789012:task-definition/api-task"],
        ["family", "orders-api"],
        ["family and revision", "orders-api:7"],
    ] as const) {
        it(`finds a service's task definition by ${how} and prices its tasks`, () => {
            const report = estimateCost(
                [taskDefinition, planned("aws:ecs/service:Service", "api", { taskDefinition: ref, desiredCount: 2, launchType: "FARGATE" })],
                US,
            );
            close(line(report, "vCPU").monthlyUsd, 29.5504, "2 tasks × 0.5 vCPU × 730 h × $0.04048");
            close(line(report, "memory").monthlyUsd, 6.4897, "2 tasks × 1 GB × 730 h × $0.004445");
        });
    }

    it("uses the ARM figures when the task definition asks for ARM64", () => {
        const arm = planned("aws:ecs/taskDefinition:TaskDefinition", "worker-task", {
            family: "worker",
            cpu: "512",
            memory: "1024",
            runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" },
        });
        const report = estimateCost(
            [arm, planned("aws:ecs/service:Service", "worker", { taskDefinition: "worker", desiredCount: 2, launchType: "FARGATE" })],
            US,
        );
        close(line(report, "ARM64 vCPU").monthlyUsd, 23.6374, "730 vCPU-h × $0.03238");
        close(line(report, "ARM64 memory").monthlyUsd, 5.1976, "1460 GB-h × $0.00356");
    });

    it("does not match a task definition whose name only ends the same way", () => {
        const report = estimateCost(
            [taskDefinition, planned("aws:ecs/service:Service", "api", { taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/other-api-task", desiredCount: 1 })],
            US,
        );
        assert.deepEqual(report.items, []);
        assert.ok(report.notes.some((n) => n.includes("other-api-task") && n.includes("not in the plan")));
    });

    it("notes Fargate Spot rather than pricing it at on-demand rates", () => {
        const report = estimateCost(
            [
                taskDefinition,
                planned("aws:ecs/service:Service", "api", {
                    taskDefinition: "api-task-id",
                    desiredCount: 2,
                    capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }],
                }),
            ],
            US,
        );
        assert.deepEqual(report.items, []);
        assert.ok(report.notes.some((n) => n.includes("FARGATE_SPOT")));
    });
});

describe("load balancers, keys, secrets, logs, alarms", () => {
    it("prices an internet-facing ALB's hours, LCUs and one public IPv4 per AZ", () => {
        const report = priceInUs("aws:lb/loadBalancer:LoadBalancer", "alb", { subnets: ["subnet-a", "subnet-b"] });
        close(line(report, "Load Balancer hours").monthlyUsd, 16.425, "730 h × $0.0225");
        close(line(report, "capacity units").monthlyUsd, 5.84, "1 LCU × 730 h × $0.008");
        close(line(report, "Public IPv4").monthlyUsd, 7.3, "2 addresses × 730 h × $0.005");
        close(report.monthlyUsd, 29.565, "16.425 + 5.84 + 7.30");
    });

    it("gives an internal ALB no public IPv4 line and notes an NLB", () => {
        const report = estimateCost(
            [
                planned("aws:lb/loadBalancer:LoadBalancer", "internal", { internal: true, subnets: ["a", "b"] }),
                planned("aws:lb/loadBalancer:LoadBalancer", "nlb", { loadBalancerType: "network", subnets: ["a"] }),
            ],
            US,
        );
        assert.equal(report.items.some((i) => i.description.includes("IPv4")), false);
        assert.equal(report.items.every((i) => i.urn?.endsWith("::internal")), true);
        assert.ok(report.notes.some((n) => n.startsWith("nlb ") && n.includes("network")));
    });

    it("prices keys, secrets with replicas, log ingestion and alarms", () => {
        const report = estimateCost(
            [
                planned("aws:kms/key:Key", "key"),
                planned("aws:secretsmanager/secret:Secret", "secret", { replicas: [{ region: "us-west-2" }] }),
                planned("aws:cloudwatch/logGroup:LogGroup", "logs"),
                planned("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", { period: 60 }),
            ],
            { region: "us-east-1", assumptions: { logIngestGb: 10 } },
        );
        close(line(report, "KMS key").monthlyUsd, 1.0, "1 key × $1");
        close(line(report, "Secret and 1 replica").monthlyUsd, 0.8, "2 secrets × $0.40");
        const logs = line(report, "Log ingestion");
        close(logs.monthlyUsd, 5.0, "10 GB × $0.50");
        assert.equal(logs.assumption, "10 GB ingested a month (override: costAssumptions.logIngestGb)");
        close(line(report, "alarm").monthlyUsd, 0.1, "1 alarm metric × $0.10");
        close(report.monthlyUsd, 6.9, "1 + 0.80 + 5 + 0.10");
    });

    it("does not price a high-resolution alarm at the standard rate", () => {
        const report = estimateCost([planned("aws:cloudwatch/metricAlarm:MetricAlarm", "fast", { period: 10 })], US);
        assert.deepEqual(report.items, []);
        assert.ok(report.notes.some((n) => n.includes("high-resolution")));
    });
});

describe("delivery: pipelines, builds, registries, buckets", () => {
    it("prices a V1 pipeline per month and V2 pipelines per action minute after the free minutes", () => {
        const report = estimateCost(
            [
                planned("aws:codepipeline/pipeline:Pipeline", "v1"),
                planned("aws:codepipeline/pipeline:Pipeline", "first", { pipelineType: "V2" }),
                planned("aws:codepipeline/pipeline:Pipeline", "second", { pipelineType: "V2" }),
            ],
            { region: "us-east-1", assumptions: { pipelineActionMinutes: 150 } },
        );
        close(line(report, "Active V1").monthlyUsd, 1.0, "1 active pipeline × $1");
        const [first, second] = report.items.filter((i) => i.description === "V2 pipeline action minutes");
        assert.equal(first?.quantity, 50); // 150 − the 100 free minutes
        close(first?.monthlyUsd ?? NaN, 0.1, "50 min × $0.002");
        assert.equal(second?.quantity, 150); // the free minutes are used up by the first
        close(second?.monthlyUsd ?? NaN, 0.3, "150 min × $0.002");
        assert.match(first?.assumption ?? "", /less the account's 100 free minutes/);
    });

    it("prices build minutes by compute type and notes one without a figure", () => {
        const report = estimateCost(
            [
                planned("aws:codebuild/project:Project", "unit", {
                    environment: { computeType: "BUILD_GENERAL1_SMALL", type: "LINUX_CONTAINER", image: "x" },
                }),
                planned("aws:codebuild/project:Project", "docker", {
                    environment: { computeType: "BUILD_GENERAL1_MEDIUM", type: "LINUX_CONTAINER", image: "x" },
                }),
                planned("aws:codebuild/project:Project", "large", {
                    environment: { computeType: "BUILD_GENERAL1_LARGE", type: "LINUX_CONTAINER", image: "x" },
                }),
            ],
            US,
        );
        close(line(report, "SMALL").monthlyUsd, 1.0, "200 min × $0.005");
        close(line(report, "MEDIUM").monthlyUsd, 2.0, "200 min × $0.01");
        assert.ok(report.notes.some((n) => n.startsWith("large ") && n.includes("BUILD_GENERAL1_LARGE")));
    });

    it("prices bucket and repository storage from the assumptions", () => {
        const report = estimateCost(
            [planned("aws:s3/bucket:Bucket", "artifacts"), planned("aws:ecr/repository:Repository", "images")],
            { region: "us-east-1", assumptions: { s3StorageGb: 100, ecrStorageGb: 20 } },
        );
        close(line(report, "S3 Standard").monthlyUsd, 2.3, "100 GB × $0.023");
        close(line(report, "ECR").monthlyUsd, 2.0, "20 GB × $0.10");
        assert.match(line(report, "ECR").assumption ?? "", /^20 GB of images stored \(override: costAssumptions\.ecrStorageGb\)$/);
    });
});

describe("serverless: DynamoDB and Lambda", () => {
    it("prices an on-demand table's requests, storage and point-in-time recovery", () => {
        const report = priceInUs("aws:dynamodb/table:Table", "history", { billingMode: "PAY_PER_REQUEST", pointInTimeRecovery: { enabled: true } });
        close(line(report, "write").monthlyUsd, 0.625, "1 M WRU × $0.625");
        close(line(report, "read").monthlyUsd, 0.625, "5 M RRU × $0.125");
        close(line(report, "Table storage").monthlyUsd, 0.25, "1 GB × $0.25");
        close(line(report, "Point-in-time").monthlyUsd, 0.2, "1 GB × $0.20");
    });

    it("notes a provisioned-capacity table (the default billing mode)", () => {
        const report = estimateCost([planned("aws:dynamodb/table:Table", "t")], US);
        assert.deepEqual(report.items, []);
        assert.ok(report.notes.some((n) => n.includes("PROVISIONED")));
    });

    it("prices Lambda requests and duration at the function's memory", () => {
        const report = estimateCost([planned("aws:lambda/function:Function", "fn")], US);
        close(line(report, "requests").monthlyUsd, 0.2, "1 M requests × $0.20");
        const duration = line(report, "x86_64 duration at 128 MB");
        assert.equal(duration.quantity, 25_000); // 1,000,000 × 0.2 s × 0.125 GB
        close(duration.monthlyUsd, 0.4167, "25,000 GB-s × $0.0000166667, to a hundredth of a cent");
    });

    it("notes that reserved concurrency costs nothing and does not change the price", () => {
        const plain = estimateCost([planned("aws:lambda/function:Function", "fn", { memorySize: 512 })], US);
        const reserved = priceInUs("aws:lambda/function:Function", "fn", { memorySize: 512, reservedConcurrentExecutions: 10 });
        assert.equal(reserved.monthlyUsd, plain.monthlyUsd);
        assert.deepEqual(plain.notes, []);
        assert.equal(reserved.notes.length, 1);
        assert.match(reserved.notes[0] ?? "", /^fn \(aws:lambda\/function:Function\): reserved concurrency \(10\) costs nothing/);
    });

    it("notes provisioned concurrency, which costs but has no figure", () => {
        const report = priceInUs("aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig", "warm", { provisionedConcurrentExecutions: 2 });
        assert.deepEqual(report.items, []);
        assert.ok(report.notes.some((n) => n.includes("provisioned concurrency is billed")));
    });
});

describe("regions", () => {
    it("uses us-east-1's figure where the region has none and marks the line approximate", () => {
        const report = estimateCost(
            [planned("aws:ec2/natGateway:NatGateway", "nat"), planned("aws:ec2/eip:Eip", "eip")],
            { region: "eu-central-1" },
        );
        const nat = line(report, "NAT gateway hours");
        assert.equal(nat.approximate, true);
        assert.equal(nat.unitPriceUsd, 0.045);
        assert.equal(line(report, "Elastic IP").approximate, false, "the IPv4 charge has an eu-central-1 figure");
        assert.ok(report.notes.some((n) => n.includes("2 lines use us-east-1 prices") && n.includes("eu-central-1")));
    });

    it("marks nothing approximate in us-east-1", () => {
        const report = estimateCost(orderSystem(PROD_SHAPE), US);
        assert.ok(report.items.length > 10);
        assert.equal(report.items.some((i) => i.approximate), false);
        assert.equal(report.notes.some((n) => n.includes("us-east-1 prices")), false);
    });

    it("falls back for a region outside the table", () => {
        const report = estimateCost(orderSystem(DEV_SHAPE), { region: "ap-southeast-2" });
        assert.ok(report.items.length > 0);
        assert.equal(report.items.every((i) => i.approximate), true);
    });

    it("carries each line's source and unit", () => {
        const report = estimateCost(orderSystem(DEV_SHAPE), { region: "sa-east-1" });
        for (const item of report.items) {
            assert.match(item.source ?? "", /https?:\/\/|cost-tool/, item.description);
            assert.match(item.source ?? "", /confidence/, item.description);
            assert.doesNotMatch(item.unit, /^USD/, item.description);
        }
    });
});

describe("assumptions", () => {
    it("rejects a bad override, naming the key", () => {
        assert.throws(
            () => estimateCost([], { region: "us-east-1", assumptions: { natDataProcessedGb: -5 } }),
            /costAssumptions\.natDataProcessedGb/,
        );
    });

    it("changes only the lines the overridden assumption drives", () => {
        const base = estimateCost(orderSystem(DEV_SHAPE), US);
        const more = estimateCost(orderSystem(DEV_SHAPE), { region: "us-east-1", assumptions: { natDataProcessedGb: 1100 } });
        // 1,000 more GB × $0.045
        close(more.monthlyUsd - base.monthlyUsd, 45, "the extra NAT data");
    });
});

describe("profiles", () => {
    it("prices the dev-like and prod-like order systems as computed by hand", () => {
        // dev, us-east-1: key 1 + secret 0.40 + logs 0.50 + alarm 0.10 + ECR 0.50
        //   + db.t3.micro 13.14 + 20 GB gp3 2.30 + 1 × cache.t3.micro 12.41 + 1 shard 10.95
        //   + 1 task (0.25 vCPU 7.3876 + 0.5 GB 1.622425→1.6224) + EIP 3.65 + NAT 32.85 + 100 GB 4.50
        close(estimateCost(orderSystem(DEV_SHAPE), US).monthlyUsd, 91.31, "dev by hand");
        // prod: shared 2.50 + db.t3.small Multi-AZ 52.56 + 2 × 50 GB 11.50 + 3 nodes 37.23
        //   + 2 shards 21.90 + 3 tasks (22.1628 + 4.8673) + 3 EIPs 10.95 + 3 NATs 98.55 + 3 × 33.33 GB 4.50
        close(estimateCost(orderSystem(PROD_SHAPE), US).monthlyUsd, 266.7201, "prod by hand");
    });
});
