/**
 * Components on their own, through the planner: strategies, counts and the errors their
 * constructors raise for arguments AWS would reject.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { runProgram } from "../src/plan/program";
import { readProject } from "../src/plan/project";
import type { PlannedResource } from "../src/plan/types";
import { REPO } from "./helpers";

const project = readProject(path.join(REPO, "test", "fixtures", "components"));

async function build(component: string, args: Record<string, unknown>) {
    const run = await runProgram(project, "dev", { configOverrides: { "components:component": component, "components:args": JSON.stringify(args) } });
    const of = (type: string): PlannedResource[] => run.resources.filter((r) => r.type === type);
    return { run, of };
}

describe("Network", () => {
    it("none: no NAT, no default route for private subnets", async () => {
        const { run, of } = await build("network", { natGateways: "none" });
        assert.equal(run.error, null);
        assert.equal(of("aws:ec2/natGateway:NatGateway").length, 0);
        assert.equal(of("aws:ec2/eip:Eip").length, 0);
        assert.equal(of("aws:ec2/route:Route").filter((r) => r.inputs.natGatewayId).length, 0);
        assert.equal(of("aws:ec2/subnet:Subnet").length, 6);
        assert.equal(of("aws:ec2/routeTable:RouteTable").length, 4, "one public table, one per private subnet");
    });

    it("perAz over three zones: a NAT per zone, each private table to its own", async () => {
        const { of } = await build("network", { natGateways: "perAz" });
        const nats = of("aws:ec2/natGateway:NatGateway");
        assert.equal(nats.length, 3);
        assert.deepEqual(nats.map((n) => n.inputs.subnetId), ["net-public-a-id", "net-public-b-id", "net-public-c-id"]);
        const routes = of("aws:ec2/route:Route").filter((r) => r.inputs.natGatewayId);
        assert.deepEqual(routes.map((r) => r.inputs.natGatewayId).sort(), ["net-nat-a-id", "net-nat-b-id", "net-nat-c-id"]);
    });

    it("creates interface endpoints with an HTTPS-only security group, plus the free S3 gateway", async () => {
        const { of } = await build("network", { natGateways: "single", interfaceEndpoints: ["ecr.api", "ecr.dkr"] });
        const endpoints = of("aws:ec2/vpcEndpoint:VpcEndpoint");
        assert.deepEqual(endpoints.map((e) => [e.inputs.serviceName, e.inputs.vpcEndpointType]).sort(), [
            ["com.amazonaws.sa-east-1.ecr.api", "Interface"],
            ["com.amazonaws.sa-east-1.ecr.dkr", "Interface"],
            ["com.amazonaws.sa-east-1.s3", "Gateway"],
        ]);
        const https = of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.deepEqual(https.map((r) => [r.inputs.fromPort, r.inputs.cidrIpv4]), [[443, "10.0.0.0/16"]]);
    });

    it("rejects overlapping explicit subnets before creating anything", async () => {
        const { run } = await build("network", {
            natGateways: "single",
            availabilityZones: ["sa-east-1a", "sa-east-1b"],
            publicSubnetCidrs: ["10.0.0.0/24", "10.0.0.0/24"],
            privateSubnetCidrs: ["10.0.10.0/24", "10.0.11.0/24"],
        });
        assert.match(run.error ?? "", /Network: public subnet 1 10\.0\.0\.0\/24 overlaps public subnet 2/);
        assert.equal(run.resources.filter((r) => r.type === "aws:ec2/vpc:Vpc").length, 0);
    });
});

describe("RedisCache", () => {
    it("one node: no failover, no Multi-AZ, still encrypted with AUTH", async () => {
        const { run, of } = await build("cache", { numCacheClusters: 1 });
        assert.equal(run.error, null);
        const rg = of("aws:elasticache/replicationGroup:ReplicationGroup")[0]!;
        assert.equal(rg.inputs.automaticFailoverEnabled, false);
        assert.equal(rg.inputs.multiAzEnabled, false);
        assert.equal(rg.inputs.transitEncryptionEnabled, true);
        assert.equal(of("aws:cloudwatch/metricAlarm:MetricAlarm").length, 1);
    });

    it("valkey uses its own engine and version", async () => {
        const { of } = await build("cache", { numCacheClusters: 2, engine: "valkey" });
        const rg = of("aws:elasticache/replicationGroup:ReplicationGroup")[0]!;
        assert.equal(rg.inputs.engine, "valkey");
        assert.match(String(rg.inputs.engineVersion), /^8\./);
    });

    it("rejects a node count ElastiCache does not allow", async () => {
        const { run } = await build("cache", { numCacheClusters: 7 });
        assert.match(run.error ?? "", /numCacheClusters must be 1 to 6, got 7/);
    });
});

describe("ContainerService", () => {
    it("hands deployments to CodeDeploy with the target group, and drops the circuit breaker", async () => {
        const { run, of } = await build("service", { deploymentController: "CODE_DEPLOY", targetGroupArn: "arn:aws:elasticloadbalancing:sa-east-1:1:targetgroup/blue/1" });
        assert.equal(run.error, null);
        const svc = of("aws:ecs/service:Service")[0]!;
        assert.deepEqual(svc.inputs.deploymentController, { type: "CODE_DEPLOY" });
        assert.equal(svc.inputs.deploymentCircuitBreaker, undefined);
        assert.deepEqual(svc.inputs.loadBalancers, [{ targetGroupArn: "arn:aws:elasticloadbalancing:sa-east-1:1:targetgroup/blue/1", containerName: "app", containerPort: 8080 }]);
    });

    it("rejects a Fargate size AWS does not offer and a root user", async () => {
        assert.match((await build("service", { cpu: 256, memory: 4096 })).run.error ?? "", /memory 4096 MiB is not valid with cpu 256/);
        assert.match((await build("service", { user: "root" })).run.error ?? "", /must not be root/);
    });
});

describe("EncryptionKey", () => {
    it("rejects a deletion window KMS does not allow", async () => {
        assert.match((await build("key", { deletionWindowInDays: 3 })).run.error ?? "", /deletionWindowInDays must be 7 to 30, got 3/);
    });
});
