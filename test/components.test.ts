/**
 * Components on their own, through the planner: strategies, counts and the errors their
 * constructors raise for arguments AWS would reject.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { runProgram } from "../src/offline/plan/program";
import { readProject } from "../src/offline/plan/project";
import type { PlannedResource } from "../src/offline/model/types";
import { REPO } from "./helpers";

const project = readProject(path.join(REPO, "test", "fixtures", "components"));

const CASES = {
    natNone: ["network", { natGateways: "none" }],
    natPerAz: ["network", { natGateways: "perAz" }],
    endpoints: ["network", { natGateways: "single", interfaceEndpoints: ["ecr.api", "ecr.dkr"] }],
    overlap: ["network", { natGateways: "single", availabilityZoneCount: 2, publicSubnetCidrs: ["10.0.0.0/24", "10.0.0.0/24"], privateSubnetCidrs: ["10.0.10.0/24", "10.0.11.0/24"] }],
    oneNode: ["cache", { numCacheClusters: 1 }],
    valkey: ["cache", { numCacheClusters: 2, engine: "valkey" }],
    sevenNodes: ["cache", { numCacheClusters: 7 }],
    codeDeploy: ["service", { deploymentController: "CODE_DEPLOY", targetGroupArn: "arn:aws:elasticloadbalancing:sa-east-1:1:targetgroup/blue/1" }],
    bigMemory: ["service", { cpu: 256, memory: 4096 }],
    rootUser: ["service", { user: "root" }],
    shortWindow: ["key", { deletionWindowInDays: 3 }],
} as const;
type Case = keyof typeof CASES;

let run: Awaited<ReturnType<typeof runProgram>>;
before(async () => {
    const cases = Object.entries(CASES).map(([name, [component, args]]) => ({ name, component, args }));
    run = await runProgram(project, "dev", { configOverrides: { "components:cases": JSON.stringify(cases) } });
    assert.equal(run.error, null, String(run.error));
});

/** The resources of one case (its components are named after it) and its constructor error. */
function built(name: Case) {
    const mine = run.resources.filter((r) => r.name === name || r.name.startsWith(`${name}-`));
    const of = (type: string): PlannedResource[] => mine.filter((r) => r.type === type);
    const errors = run.outputs.caseErrors as Record<string, string>;
    return { error: errors[name], of };
}

describe("Network", () => {
    it("none: no NAT, no default route for private subnets", () => {
        const { error, of } = built("natNone");
        assert.equal(error, undefined);
        assert.equal(of("aws:ec2/natGateway:NatGateway").length, 0);
        assert.equal(of("aws:ec2/eip:Eip").length, 0);
        assert.equal(of("aws:ec2/route:Route").filter((r) => r.inputs.natGatewayId).length, 0);
        assert.equal(of("aws:ec2/subnet:Subnet").length, 6);
        assert.equal(of("aws:ec2/routeTable:RouteTable").length, 4, "one public table, one per private subnet");
    });

    it("perAz over three zones: a NAT per zone, each private table to its own", () => {
        const { of } = built("natPerAz");
        const nats = of("aws:ec2/natGateway:NatGateway");
        assert.equal(nats.length, 3);
        assert.deepEqual(nats.map((n) => n.inputs.subnetId), ["natPerAz-public-a-id", "natPerAz-public-b-id", "natPerAz-public-c-id"]);
        const routes = of("aws:ec2/route:Route").filter((r) => r.inputs.natGatewayId);
        assert.deepEqual(routes.map((r) => r.inputs.natGatewayId).sort(), ["natPerAz-nat-a-id", "natPerAz-nat-b-id", "natPerAz-nat-c-id"]);
    });

    it("creates interface endpoints with an HTTPS-only security group, plus the free S3 gateway", () => {
        const { of } = built("endpoints");
        const endpoints = of("aws:ec2/vpcEndpoint:VpcEndpoint");
        assert.deepEqual(endpoints.map((e) => [e.inputs.serviceName, e.inputs.vpcEndpointType]).sort(), [
            ["com.amazonaws.sa-east-1.ecr.api", "Interface"],
            ["com.amazonaws.sa-east-1.ecr.dkr", "Interface"],
            ["com.amazonaws.sa-east-1.s3", "Gateway"],
        ]);
        const https = of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.deepEqual(https.map((r) => [r.inputs.fromPort, r.inputs.cidrIpv4]), [[443, "10.0.0.0/16"]]);
    });

    it("rejects overlapping explicit subnets before creating anything", () => {
        const { error, of } = built("overlap");
        assert.match(error ?? "", /Network: public subnet 1 10\.0\.0\.0\/24 overlaps public subnet 2/);
        assert.equal(of("aws:ec2/vpc:Vpc").length, 0);
    });
});

describe("RedisCache", () => {
    it("one node: no failover, no Multi-AZ, still encrypted with AUTH", () => {
        const { error, of } = built("oneNode");
        assert.equal(error, undefined);
        const rg = of("aws:elasticache/replicationGroup:ReplicationGroup")[0]!;
        assert.equal(rg.inputs.automaticFailoverEnabled, false);
        assert.equal(rg.inputs.multiAzEnabled, false);
        assert.equal(rg.inputs.transitEncryptionEnabled, true);
        assert.equal(of("aws:cloudwatch/metricAlarm:MetricAlarm").length, 1);
    });

    it("valkey uses its own engine and version", () => {
        const rg = built("valkey").of("aws:elasticache/replicationGroup:ReplicationGroup")[0]!;
        assert.equal(rg.inputs.engine, "valkey");
        assert.match(String(rg.inputs.engineVersion), /^8\./);
    });

    it("rejects a node count ElastiCache does not allow", () => {
        assert.match(built("sevenNodes").error ?? "", /numCacheClusters must be 1 to 6, got 7/);
    });
});

describe("ContainerService", () => {
    it("hands deployments to CodeDeploy with the target group, and drops the circuit breaker", () => {
        const { error, of } = built("codeDeploy");
        assert.equal(error, undefined);
        const svc = of("aws:ecs/service:Service")[0]!;
        assert.deepEqual(svc.inputs.deploymentController, { type: "CODE_DEPLOY" });
        assert.equal(svc.inputs.deploymentCircuitBreaker, undefined);
        assert.deepEqual(svc.inputs.loadBalancers, [{ targetGroupArn: "arn:aws:elasticloadbalancing:sa-east-1:1:targetgroup/blue/1", containerName: "app", containerPort: 8080 }]);
    });

    it("rejects a Fargate size AWS does not offer and a root user", () => {
        assert.match(built("bigMemory").error ?? "", /memory 4096 MiB is not valid with cpu 256/);
        assert.match(built("rootUser").error ?? "", /must not be root/);
    });
});

describe("EncryptionKey", () => {
    it("rejects a deletion window KMS does not allow", () => {
        assert.match(built("shortWindow").error ?? "", /deletionWindowInDays must be 7 to 30, got 3/);
    });
});
