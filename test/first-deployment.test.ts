/**
 * What a first real deployment needs beyond the design, on what the programs register: bucket
 * names that are free in S3 (or exactly the design's, when asked), one owner of `RDSOSMetrics`
 * per account and region, and a container health check the order service's image can run.
 * Two plans besides the cached ones: payment dev with exact bucket names, and fastcart prod with
 * an existing `RDSOSMetrics` and an image of the user's own.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { bucketName } from "../src/components/bucket";
import { healthCheckProblems, nodeHttpHealthCheck } from "../src/components/containers";
import { Namer, NameError } from "../src/config/naming";
import type { StackPlan } from "../src/offline/model/types";
import { Metrics } from "../services/orders/src/metrics";
import { startServer } from "../services/orders/src/server";
import { assertClean, docStatements, ofType, one, plan, PRODUCT_STACKS, withAwsName } from "./helpers";

const BUCKET = "aws:s3/bucket:Bucket";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const USER_IMAGE = "public.ecr.aws/docker/library/node:24-bookworm-slim";

let plans: Map<string, StackPlan>;
let exactPayment: StackPlan;
let existingGroup: StackPlan;

before(async () => {
    const all = await Promise.all(PRODUCT_STACKS.map(([p, s]) => plan(p, s)));
    plans = new Map(all.map((p) => [`${p.project}/${p.stack}`, p]));
    [exactPayment, existingGroup] = await Promise.all([
        plan("payment-pipeline", "dev", { configOverrides: { "payment-pipeline:bucketNames": "exact" } }),
        plan("fastcart-orders", "prod", { configOverrides: { "fastcart-orders:dbMonitoringLogGroup": "existing", "fastcart-orders:containerImage": USER_IMAGE } }),
    ]);
});

const containerOf = (p: StackPlan) => (JSON.parse(String(one(p, "aws:ecs/taskDefinition:TaskDefinition").inputs.containerDefinitions)) as Record<string, unknown>[])[0]!;

describe("bucket names", () => {
    it("are the design's name, then the account and region, by default in every stack", () => {
        for (const p of plans.values()) {
            for (const b of ofType(p, BUCKET)) assert.match(String(b.inputs.bucket), new RegExp(`-${p.stack}-123456789012-${p.region}$`), `${p.project}/${p.stack} ${b.name}`);
        }
        assert.equal(ofType(plans.get("payment-pipeline/dev")!, BUCKET).length, 2);
    });

    it("are the design's names verbatim with bucketNames: exact, and the access-log bucket still admits the artifact bucket by name", () => {
        assertClean(exactPayment);
        assert.deepEqual(ofType(exactPayment, BUCKET).map((b) => b.inputs.bucket).sort(), ["payment-access-logs-dev", "pipeline-artifacts-dev"]);
        assert.equal(exactPayment.access?.denied.length, 0);
        const policy = one(exactPayment, "aws:s3/bucketPolicy:BucketPolicy", "access-logs");
        const delivery = docStatements(policy).find((s) => s.Sid === "ServerAccessLogDelivery")!;
        assert.deepEqual((delivery.Condition as { ArnLike: Record<string, unknown> }).ArnLike["aws:SourceArn"], ["arn:aws:s3:::pipeline-artifacts-dev"]);
        assert.equal(one(exactPayment, "aws:s3/bucketLogging:BucketLogging", "artifacts").inputs.targetBucket, "payment-access-logs-dev");
    });

    it("are checked against S3's rules whether exact or not, with the room the unique tail needs", () => {
        const namer = new Namer("payment", "dev");
        assert.throws(() => bucketName({ namer, bucketName: "artifacts", fullName: "Pipeline_Artifacts-dev", exactName: true }), NameError);
        const long = `pipeline-artifacts-${"x".repeat(30)}`;
        assert.throws(() => bucketName({ namer, bucketName: "artifacts", fullName: long }), /at most 35 characters leave room for -<account>-<region>.*bucketNames: exact/);
        assert.doesNotThrow(() => bucketName({ namer, bucketName: "artifacts", fullName: long, exactName: true }));
        assert.throws(() => bucketName({ namer, bucketName: "artifacts", fullName: "p".repeat(64), exactName: true }), NameError);
    });
});

describe("RDSOSMetrics", () => {
    const osMetrics = (p: StackPlan) => ofType(p, LOG_GROUP).filter((g) => g.inputs.name === "RDSOSMetrics");

    it("is created, with the key and the retention, by the stacks with enhanced monitoring only", () => {
        for (const p of plans.values()) {
            const monitored = ofType(p, "aws:rds/instance:Instance").some((db) => Number(db.inputs.monitoringInterval) > 0);
            assert.equal(osMetrics(p).length, monitored ? 1 : 0, `${p.project}/${p.stack}`);
        }
        for (const key of ["fastcart-orders/prod", "brazilcart-cicd/prod"]) {
            const p = plans.get(key)!;
            const [group] = osMetrics(p);
            assert.equal(group!.inputs.retentionInDays, 365);
            assert.match(String(group!.inputs.kmsKeyId), /^arn:aws:kms:/);
            assert.ok(one(p, "aws:rds/instance:Instance").dependsOn.includes(group!.urn), `${key}: the instance waits for the group`);
        }
    });

    it("is left to the stack that owns it with dbMonitoringLogGroup: existing, while monitoring still writes there", () => {
        assertClean(existingGroup);
        assert.deepEqual(osMetrics(existingGroup), []);
        const db = one(existingGroup, "aws:rds/instance:Instance");
        assert.equal(db.inputs.monitoringInterval, 60);
        const role = withAwsName(existingGroup, "aws:iam/role:Role", "fastcart-rds-monitoring-prod");
        assert.equal(db.inputs.monitoringRoleArn, `arn:aws:iam::123456789012:role/${role.inputs.name}`);
        assert.equal(existingGroup.access?.denied.length, 0);
        // The database's own export groups are the stack's alone, and stay.
        assert.equal(ofType(existingGroup, LOG_GROUP).filter((g) => String(g.inputs.name).startsWith("/aws/rds/instance/")).length, 2);
    });
});

/** Runs a health check's command as ECS would (node from this machine's PATH) and resolves with its exit code and time. */
function runCheck(command: readonly string[]): Promise<{ code: number | null; ms: number }> {
    const started = Date.now();
    const [program, ...args] = command;
    assert.equal(program, "node");
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { stdio: "ignore" });
        child.on("error", reject);
        child.on("exit", (code) => resolve({ code, ms: Date.now() - started }));
    });
}

describe("the order service's container health check", () => {
    it("checks /health on the container port with node, after a start period, and keeps the circuit breaker", () => {
        for (const stack of ["dev", "prod"]) {
            const p = plans.get(`fastcart-orders/${stack}`)!;
            const container = containerOf(p);
            const port = (container.portMappings as { containerPort: number }[])[0]!.containerPort;
            assert.equal(port, 8080);
            assert.deepEqual((container.environment as { name: string; value: string }[]).find((e) => e.name === "PORT"), { name: "PORT", value: "8080" });
            assert.deepEqual(container.healthCheck, { command: ["CMD", ...nodeHttpHealthCheck(port, "/health").command], interval: 30, timeout: 5, retries: 3, startPeriod: 60 });
            const service = one(p, "aws:ecs/service:Service");
            assert.deepEqual(service.inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
            assert.equal(service.inputs.waitForSteadyState, true);
        }
    });

    it("is left out for an image given in config, and for the CodeDeploy service's placeholder", () => {
        assertClean(existingGroup);
        assert.equal(containerOf(existingGroup).image, USER_IMAGE);
        assert.equal(containerOf(existingGroup).healthCheck, undefined);
        for (const stack of ["dev", "prod"]) assert.equal(containerOf(plans.get(`payment-pipeline/${stack}`)!).healthCheck, undefined);
    });

    it("passes while the service's /health says ready, and fails on 503, on no listener and on no answer in time", async () => {
        const health = { lastRound: 0, heldShards: [] as string[] };
        const server = await startServer(0, new Metrics(), health, 30_000, () => true);
        const port = (server.address() as AddressInfo).port;
        const check = nodeHttpHealthCheck(port, "/health").command;
        try {
            assert.equal((await runCheck(check)).code, 1, "no lease round yet: 503");
            health.lastRound = Date.now();
            assert.equal((await runCheck(check)).code, 0, "a recent lease round: 200");
        } finally {
            await new Promise((resolve) => server.close(resolve));
        }
        assert.equal((await runCheck(check)).code, 1, "nothing listening");

        const silent = (await import("node:net")).createServer(() => undefined).listen(0, "127.0.0.1");
        await new Promise((resolve) => silent.once("listening", resolve));
        try {
            const hung = await runCheck(nodeHttpHealthCheck((silent.address() as AddressInfo).port, "/health", { timeoutSeconds: 2 }).command);
            assert.equal(hung.code, 1);
            assert.ok(hung.ms < 4_000, `gave up in ${hung.ms} ms: before ECS's 2 s timeout, give or take node's start on a busy machine`);
        } finally {
            silent.close();
        }
    });

    it("refuses timings ECS does not accept and a command in ECS's own CMD form", () => {
        assert.deepEqual(healthCheckProblems(nodeHttpHealthCheck(8080, "/health", { startPeriodSeconds: 60 })), []);
        assert.deepEqual(healthCheckProblems({ command: ["CMD", "true"], intervalSeconds: 4, timeoutSeconds: 61, retries: 0, startPeriodSeconds: 301 }), [
            "healthCheck.intervalSeconds must be a whole number from 5 to 300; got 4",
            "healthCheck.timeoutSeconds must be a whole number from 2 to 60; got 61",
            "healthCheck.retries must be a whole number from 1 to 10; got 0",
            "healthCheck.startPeriodSeconds must be a whole number from 0 to 300; got 301",
            'healthCheck.command is the program and its arguments, without "CMD" (the component adds it)',
        ]);
        assert.deepEqual(healthCheckProblems({ command: [] }), ["healthCheck.command must name a program the image contains"]);
    });
});
