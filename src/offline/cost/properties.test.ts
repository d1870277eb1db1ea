import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { PlannedResource } from "../model/types";
import { ASSUMPTION_KEYS, type UsageAssumptions } from "./assumptions";
import { DEV_SHAPE, PROD_SHAPE, orderSystem, planned, type SystemShape } from "../../../test/support/cost";
import { estimateCost } from "./model";
import { PRICERS } from "./pricers";

const REGIONS = ["us-east-1", "us-east-2", "eu-central-1", "sa-east-1", "eu-west-1"];

const region = fc.constantFrom(...REGIONS);

const assumptions: fc.Arbitrary<Partial<UsageAssumptions>> = fc.record(
    Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, fc.double({ min: 0, max: 1e7, noNaN: true })])) as {
        [K in keyof UsageAssumptions]: fc.Arbitrary<number>;
    },
    { requiredKeys: [] },
);

/** Values a program might give, plus values it should not (negative counts, wrong types). */
const inputValue: fc.Arbitrary<unknown> = fc.oneof(
    fc.integer({ min: -50, max: 50 }),
    fc.double({ noNaN: false }),
    fc.constantFrom(
        "postgres", "mysql", "redis", "valkey", "db.t3.micro", "db.t4g.medium", "db.x9.huge", "cache.t3.micro",
        "cache.t4g.small", "gp2", "gp3", "io1", "FARGATE", "EC2", "V1", "V2", "PAY_PER_REQUEST", "ARM64",
        "arm64", "Interface", "Gateway", "network", "256", "1024", "BUILD_GENERAL1_SMALL", "LINUX_CONTAINER", "td-id",
    ),
    fc.boolean(),
    fc.constant(undefined),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }),
    fc.record({ streamMode: fc.constantFrom("ON_DEMAND", "PROVISIONED"), enabled: fc.boolean(), cpuArchitecture: fc.constantFrom("ARM64", "X86_64") }),
);

const INPUT_KEYS = [
    "engine", "instanceClass", "allocatedStorage", "storageType", "multiAz", "iops", "nodeType", "numCacheClusters",
    "numNodeGroups", "replicasPerNodeGroup", "shardCount", "retentionPeriod", "streamModeDetails", "desiredCount",
    "taskDefinition", "launchType", "cpu", "memory", "runtimePlatform", "family", "loadBalancerType", "internal",
    "subnets", "subnetIds", "vpcEndpointType", "replicas", "logGroupClass", "period", "pipelineType", "environment",
    "billingMode", "pointInTimeRecovery", "memorySize", "architectures", "reservedConcurrentExecutions",
];

const TYPES = [...Object.keys(PRICERS), "aws:ec2/vpc:Vpc", "aws:iam/role:Role", "aws:ecs/taskDefinition:TaskDefinition"];

/** Resources of every priced kind, valid as given, for the generator to start from. */
const CATALOG: readonly PlannedResource[] = [
    ...orderSystem(PROD_SHAPE),
    planned("aws:ecs/taskDefinition:TaskDefinition", "td", { family: "td", cpu: "1024", memory: "2048" }),
    planned("aws:ecs/service:Service", "svc", { taskDefinition: "td-id", desiredCount: 2, launchType: "FARGATE" }),
    planned("aws:lb/loadBalancer:LoadBalancer", "alb", { subnets: ["a", "b", "c"] }),
    planned("aws:ec2/vpcEndpoint:VpcEndpoint", "endpoint", { vpcEndpointType: "Interface", subnetIds: ["a", "b"] }),
    planned("aws:elasticache/replicationGroup:ReplicationGroup", "valkey", { engine: "valkey", nodeType: "cache.t4g.micro", numCacheClusters: 2 }),
    planned("aws:kinesis/stream:Stream", "events", { streamModeDetails: { streamMode: "ON_DEMAND" } }),
    planned("aws:lambda/function:Function", "fn", { memorySize: 1024, architectures: ["arm64"] }),
    planned("aws:dynamodb/table:Table", "table", { billingMode: "PAY_PER_REQUEST", pointInTimeRecovery: { enabled: true } }),
    planned("aws:codepipeline/pipeline:Pipeline", "pipeline", { pipelineType: "V2" }),
    planned("aws:codebuild/project:Project", "build", { environment: { computeType: "BUILD_GENERAL1_SMALL", type: "LINUX_CONTAINER" } }),
    planned("aws:s3/bucket:Bucket", "bucket"),
];

const inputs = fc.dictionary(fc.constantFrom(...INPUT_KEYS), inputValue, { maxKeys: 8 });

/** A valid resource with some of its own inputs replaced, and some added, by arbitrary values. */
const mutated: fc.Arbitrary<PlannedResource> = fc.constantFrom(...CATALOG).chain((r) =>
    fc
        .tuple(
            fc.record(Object.fromEntries(Object.keys(r.inputs).map((k) => [k, inputValue])), { requiredKeys: [] }),
            inputs,
        )
        .map(([replaced, added]) => planned(r.type, r.name, { ...r.inputs, ...added, ...replaced })),
);

const arbitrary: fc.Arbitrary<PlannedResource> = fc
    .record({ type: fc.constantFrom(...TYPES), name: fc.constantFrom("td", "a", "api"), inputs })
    .map(({ type, name, inputs: given }) => planned(type, name, given));

const resource = fc.oneof({ arbitrary: mutated, weight: 3 }, { arbitrary, weight: 1 });

describe("cost model properties", () => {
    it("totals the items exactly and is never negative, whatever the inputs", () => {
        let priced = 0;
        fc.assert(
            fc.property(fc.array(resource, { maxLength: 25 }), region, assumptions, (resources, r, a) => {
                const report = estimateCost(resources, { region: r, assumptions: a });
                if (report.items.length > 0) priced++;
                const sum = report.items.reduce((s, i) => s + i.monthlyUsd, 0);
                // Rounding to a hundredth of a cent keeps the sum exact up to float precision.
                assert.ok(Math.abs(report.monthlyUsd - sum) <= 1e-9 * Math.max(1, sum), `${report.monthlyUsd} vs ${sum}`);
                assert.ok(report.monthlyUsd >= 0);
                for (const item of report.items) {
                    assert.ok(item.quantity >= 0 && item.unitPriceUsd >= 0 && item.monthlyUsd >= 0, item.description);
                    assert.ok(Number.isFinite(item.monthlyUsd), item.description);
                }
            }),
            { numRuns: 300 },
        );
        // The property says little unless most runs produce lines.
        assert.ok(priced > 200, `only ${priced} of 300 runs produced a line`);
    });

    it("never prices the prod-like system below the dev-like one", () => {
        fc.assert(
            fc.property(region, assumptions, (r, a) => {
                const dev = estimateCost(orderSystem(DEV_SHAPE), { region: r, assumptions: a });
                const prod = estimateCost(orderSystem(PROD_SHAPE), { region: r, assumptions: a });
                assert.ok(prod.monthlyUsd >= dev.monthlyUsd, `prod ${prod.monthlyUsd} < dev ${dev.monthlyUsd} in ${r}`);
            }),
            { numRuns: 200 },
        );
    });

    it("never costs less when any part of the system grows", () => {
        // [min, max] of NAT gateways, cache nodes, tasks and shards: the system, then how much it grows.
        type Range = [min: number, max: number];
        const between = ([min, max]: Range) => fc.integer({ min, max });
        const counts = (natGateways: Range, cacheNodes: Range, tasks: Range, shards: Range) =>
            fc.record({ natGateways: between(natGateways), multiAz: fc.boolean(), cacheNodes: between(cacheNodes), tasks: between(tasks), shards: between(shards) });
        const shape = counts([1, 4], [1, 5], [0, 10], [1, 8]);
        const grow = counts([0, 2], [0, 3], [0, 5], [0, 3]);
        fc.assert(
            fc.property(shape, grow, region, assumptions, (small, by, r, a) => {
                const big: SystemShape = {
                    natGateways: small.natGateways + by.natGateways,
                    multiAz: small.multiAz || by.multiAz,
                    cacheNodes: small.cacheNodes + by.cacheNodes,
                    tasks: small.tasks + by.tasks,
                    shards: small.shards + by.shards,
                };
                const smallCost = estimateCost(orderSystem(small), { region: r, assumptions: a }).monthlyUsd;
                const bigCost = estimateCost(orderSystem(big), { region: r, assumptions: a }).monthlyUsd;
                assert.ok(bigCost >= smallCost - 1e-9, `${bigCost} < ${smallCost}`);
            }),
            { numRuns: 200 },
        );
    });
});
