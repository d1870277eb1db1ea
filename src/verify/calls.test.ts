/**
 * How the verifier meets an account that refuses, throttles or pages: a denied call is one
 * could-not-check finding and the run goes on; a throttled call is retried by the SDK's own
 * retry stack (exercised over HTTP against a local endpoint given by AWS_ENDPOINT_URL) and
 * reported only once the retries are spent; a listing is read through every page.
 */
import assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { plan as planOf } from "../../test/helpers";
import type { StackPlan } from "../offline/model/types";
import { Clients } from "./calls";
import { fakeAccount, serviceError } from "./fake";
import { runChecks } from "./run";
import { Verifier, type Finding } from "./verifier";

process.env.AWS_ACCESS_KEY_ID ??= "AKIDTEST";
process.env.AWS_SECRET_ACCESS_KEY ??= "test-secret";

let fastcart: StackPlan;
before(async () => {
    fastcart = await planOf("fastcart-orders", "dev");
});

function verifier(p: StackPlan, maxAttempts = 1): Verifier {
    return new Verifier({ plan: p, outputs: p.outputs, clients: new Clients({ region: p.region, maxAttempts, retryMode: "standard" }) });
}

const notPassed = (findings: Finding[]) => findings.filter((f) => f.status !== "pass");

describe("denied and throttled calls", () => {
    test("AccessDenied makes the checks that need the call could-not-check, and the rest still run", async () => {
        const fake = fakeAccount(fastcart);
        fake.override("rds:DescribeDBInstances", () => {
            throw serviceError("AccessDenied", 403);
        });
        fake.override("ec2:DescribeSubnets", () => {
            throw serviceError("UnauthorizedOperation", 403);
        });
        try {
            const findings = await runChecks(verifier(fastcart));
            const open = notPassed(findings);
            assert.ok(open.every((f) => f.status === "could-not-check"), JSON.stringify(open));
            assert.deepEqual([...new Set(open.map((f) => f.check))].sort(), ["ec2.nat-gateway", "ec2.route-table", "ec2.subnet", "rds.instance"]);
            assert.match(open.find((f) => f.check === "rds.instance")!.reason!, /rds:DescribeDBInstances was denied \(AccessDenied\)/);
            assert.ok(findings.filter((f) => f.status === "pass").length > 50);
        } finally {
            fake.restore();
        }
    });

    test("denied reads of rules, routes, listeners and event rules make only their checks could-not-check", async () => {
        const payment = await planOf("payment-pipeline", "dev");
        const fake = fakeAccount(payment);
        for (const action of ["ec2:DescribeSecurityGroupRules", "ec2:DescribeRouteTables", "elasticloadbalancing:DescribeListeners", "events:DescribeRule"] as const) {
            fake.override(action, () => {
                throw serviceError(action.startsWith("ec2:") ? "UnauthorizedOperation" : "AccessDeniedException", 403);
            });
        }
        try {
            const findings = await runChecks(verifier(payment));
            const open = notPassed(findings);
            assert.ok(open.every((f) => f.status === "could-not-check"), JSON.stringify(open));
            assert.deepEqual([...new Set(open.map((f) => f.check))].sort(), ["ec2.route-table", "ec2.security-group", "elbv2.listener", "events.rule"]);
            assert.match(open.find((f) => f.check === "events.rule")!.reason!, /events:DescribeRule was denied \(AccessDeniedException\)/);
            assert.match(open.find((f) => f.check === "ec2.security-group")!.reason!, /ec2:DescribeSecurityGroupRules was denied \(UnauthorizedOperation\)/);
            assert.ok(findings.filter((f) => f.status === "pass").length > 50);
        } finally {
            fake.restore();
        }
    });

    test("a call still throttled when the SDK's retries are spent is could-not-check, never a failure", async () => {
        const fake = fakeAccount(fastcart);
        fake.override("kinesis:DescribeStreamSummary", () => {
            throw serviceError("LimitExceededException");
        });
        try {
            const open = notPassed(await runChecks(verifier(fastcart)));
            assert.deepEqual(open.map((f) => [f.check, f.status, f.reason]), [["kinesis.stream", "could-not-check", "kinesis:DescribeStreamSummary was still throttled after the SDK's retries"]]);
        } finally {
            fake.restore();
        }
    });
});

describe("the SDK's retries, over HTTP", () => {
    let server: http.Server;
    let requests = 0;
    const saved = process.env.AWS_ENDPOINT_URL;
    before(async () => {
        // CloudWatch Logs speaks JSON over HTTP/1.1: two throttles, then one log group.
        server = http.createServer((req, res) => {
            req.resume();
            req.on("end", () => {
                requests++;
                if (requests <= 2) {
                    res.writeHead(400, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }));
                    return;
                }
                res.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify({ logGroups: [{ logGroupName: "/ecs/x", retentionInDays: 7 }] }));
            });
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => {
        if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
        else process.env.AWS_ENDPOINT_URL = saved;
        server.close();
    });

    test("throttling is retried until it succeeds, against the endpoint AWS_ENDPOINT_URL names", async () => {
        const v = verifier(fastcart, 4);
        const groups = await v.call("logs:DescribeLogGroups", { logGroupNamePrefix: "/ecs/x" });
        assert.deepEqual(groups.map((g) => g.retentionInDays), [7]);
        assert.equal(requests, 3);
        assert.equal(v.called.get("logs:DescribeLogGroups"), 1);
    });
});

describe("pagination", () => {
    test("a log group on the second page of DescribeLogGroups is found", async () => {
        const fake = fakeAccount(fastcart);
        fake.override("logs:DescribeLogGroups", (input, correct) => {
            if (input.nextToken === undefined) return { logGroups: [{ logGroupName: `${String(input.logGroupNamePrefix)}-other`, retentionInDays: 1 }], nextToken: "page-2" };
            return correct(input);
        });
        fake.override("ec2:DescribeSubnets", (input, correct) => (input.NextToken === undefined ? { Subnets: [], NextToken: "p2" } : correct(input)));
        try {
            const findings = await runChecks(verifier(fastcart));
            assert.deepEqual(notPassed(findings), []);
            const pages = fake.requests.get("logs:DescribeLogGroups") ?? [];
            assert.deepEqual(pages.filter((p) => p.logGroupNamePrefix === "/ecs/fastcart-service-dev").map((p) => p.nextToken ?? null), [null, "page-2"]);
            assert.ok((fake.requests.get("ec2:DescribeSubnets") ?? []).some((p) => p.NextToken === "p2"));
        } finally {
            fake.restore();
        }
    });
});
