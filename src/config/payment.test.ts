import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ConfigError } from "./load";
import { configReader as reader, rejection } from "./testing";
import { loadPaymentConfig, parseArn, TRAFFIC_SHIFTING } from "./payment";

const REQUIRED = { githubOwner: "acme-payments", githubRepo: "payment-service", notificationEmail: "payments-oncall@example.com" };
const CERT = "arn:aws:acm:us-east-2:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
const TARGET = {
    clusterName: "payments",
    serviceName: "payment-service",
    taskDefinitionFamily: "payment-service",
    containerName: "api",
    containerPort: 8443,
    blueTargetGroupArn: "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/payment-blue/0123456789abcdef",
    greenTargetGroupArn: "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/payment-green/fedcba9876543210",
    productionListenerArn: "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/payment-alb/0123456789abcdef/fedcba9876543210",
    taskExecutionRoleArn: "arn:aws:iam::123456789012:role/payment-task-execution",
};

function load(values: Record<string, string>, env: NodeJS.ProcessEnv = {}, stack = "dev") {
    return loadPaymentConfig(stack, reader({ ...REQUIRED, ...values }), env);
}

function issues(values: Record<string, string>, env: NodeJS.ProcessEnv = {}, stack = "dev", base: Record<string, string> = REQUIRED): ConfigError {
    return rejection(loadPaymentConfig, { ...base, ...values }, env, stack);
}

describe("payment config: defaults", () => {
    it("follows the dev profile: us-east-2, main, 7-day logs (the stack file sets the design's 30), a single NAT, no certificate needed", () => {
        const c = load({});
        assert.equal(c.environmentSuffix, "dev");
        assert.equal(c.region, "us-east-2");
        assert.equal(c.profile, "dev");
        assert.equal(c.githubBranch, "main");
        assert.equal(c.buildLogRetentionDays, 7);
        assert.equal(c.terminationWaitMinutes, 5);
        assert.equal(c.trafficShifting, "canary10Percent5Minutes");
        assert.equal(c.natGateways, "single");
        assert.deepEqual(c.vpcEndpoints, []);
        assert.equal(c.certificateArn, undefined);
        assert.equal(c.ecsTarget, undefined);
    });

    it("keeps a year of logs, NAT per AZ, ECR endpoints and a slower canary in prod", () => {
        const c = load({ certificateArn: CERT }, {}, "prod");
        assert.equal(c.profile, "prod");
        assert.equal(c.buildLogRetentionDays, 365);
        assert.equal(c.logRetentionDays, 365);
        assert.equal(c.natGateways, "perAz");
        assert.deepEqual(c.vpcEndpoints, ["ecr.api", "ecr.dkr", "logs"]);
        assert.equal(c.trafficShifting, "canary10Percent15Minutes");
    });

    it("reads config first, then the design's environment variables, then the default", () => {
        const env = {
            ENVIRONMENT_SUFFIX: "pr7",
            AWS_REGION: "us-west-2",
            GITHUB_OWNER: "env-owner",
            GITHUB_REPO: "env-repo",
            GITHUB_BRANCH: "release/2026-01",
            NOTIFICATION_EMAIL: "env@example.com",
        };
        const fromEnv = loadPaymentConfig("dev", reader({}), env);
        assert.deepEqual(
            [fromEnv.environmentSuffix, fromEnv.region, fromEnv.githubOwner, fromEnv.githubRepo, fromEnv.githubBranch, fromEnv.notificationEmail],
            ["pr7", "us-west-2", "env-owner", "env-repo", "release/2026-01", "env@example.com"],
        );
        const fromConfig = load({ githubBranch: "develop", "aws:region": "us-east-1" }, env);
        assert.equal(fromConfig.githubBranch, "develop");
        assert.equal(fromConfig.githubOwner, "acme-payments");
        assert.equal(fromConfig.region, "us-east-1");
    });

    it("reads an empty certificate ARN as unset, which prod refuses", () => {
        assert.equal(load({ certificateArn: "" }).certificateArn, undefined);
        assert.match(issues({ certificateArn: "" }, {}, "prod").message, /certificateArn = \(unset\): prod serves the payment API over HTTPS only/);
    });

    it("decodes an existing ECS target from structured config", () => {
        const c = load({ ecsTarget: JSON.stringify(TARGET) });
        assert.deepEqual(c.ecsTarget, TARGET);
    });

    it("maps every traffic-shifting choice to a CodeDeploy ECS configuration", () => {
        for (const [choice, name] of Object.entries(TRAFFIC_SHIFTING)) {
            assert.equal(load({ trafficShifting: choice }).trafficShifting, choice);
            assert.match(name, /^CodeDeployDefault\.ECS(Canary|Linear)/);
        }
    });
});

describe("payment config: each bad value is rejected with its own message", () => {
    const target = (over: Record<string, unknown>) => JSON.stringify({ ...TARGET, ...over });
    const cases: [string, Record<string, string>, string, RegExp, string?][] = [
        ["a malformed notification email", { notificationEmail: "payments-at-example" }, "notificationEmail", /email address/],
        ["an owner/repository pair as the repository", { githubRepo: "acme-payments/payment-service" }, "githubRepo", /without the owner/],
        ["a repository name ending in .git", { githubRepo: "payment-service.git" }, "githubRepo", /not '\.', '\.\.' or a name ending in \.git/],
        ["a GitHub owner with a leading hyphen", { githubOwner: "-acme" }, "githubOwner", /GitHub user or organisation name/],
        ["a GitHub owner over 39 characters", { githubOwner: "a".repeat(40) }, "githubOwner", /at most 39 characters/],
        ["a branch with '..'", { githubBranch: "release..1" }, "githubBranch", /git branch name/],
        ["a branch with a space", { githubBranch: "my branch" }, "githubBranch", /git branch name/],
        ["a certificate ARN of another service", { certificateArn: "arn:aws:iam::123456789012:server-certificate/payments" }, "certificateArn", /ACM certificate ARN such as arn:aws:acm:/],
        ["a certificate from another region", { certificateArn: CERT.replace("us-east-2", "eu-west-1") }, "certificateArn", /is in eu-west-1, but the stack deploys to us-east-2/],
        ["a truncated certificate ARN", { certificateArn: "arn:aws:acm:us-east-2:123456789012:certificate/abc" }, "certificateArn", /ACM certificate ARN/],
        ["a target group ARN without its id", { ecsTarget: target({ blueTargetGroupArn: "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/payment-blue" }) }, "ecsTarget.blueTargetGroupArn", /target group ARN such as/],
        ["a network load balancer listener", { ecsTarget: target({ productionListenerArn: TARGET.productionListenerArn.replace("/app/", "/net/") }) }, "ecsTarget.productionListenerArn", /Application Load Balancer listener ARN/],
        ["a role ARN with a 13-digit account", { ecsTarget: target({ taskExecutionRoleArn: "arn:aws:iam::1234567890123:role/exec" }) }, "ecsTarget.taskExecutionRoleArn", /IAM role ARN/],
        ["a target group from another region", { ecsTarget: target({ greenTargetGroupArn: TARGET.greenTargetGroupArn.replace("us-east-2", "us-west-2") }) }, "ecsTarget.greenTargetGroupArn", /is in us-west-2/],
        ["the same target group twice", { ecsTarget: target({ greenTargetGroupArn: TARGET.blueTargetGroupArn }) }, "ecsTarget.greenTargetGroupArn", /must differ from blueTargetGroupArn/],
        ["an unknown key in the ECS target", { ecsTarget: target({ cluster: "payments" }) }, "ecsTarget", /cluster/],
        ["an ECS target without its listener", { ecsTarget: JSON.stringify({ ...TARGET, productionListenerArn: undefined }) }, "ecsTarget.productionListenerArn", /is required when ecsTarget is set/],
        ["a certificate that the existing target would ignore", { ecsTarget: target({}), certificateArn: CERT }, "certificateArn", /applies only to the load balancer this stack creates/],
        ["prod without a certificate", {}, "certificateArn", /prod serves the payment API over HTTPS only/, "prod"],
        ["an all-at-once deployment", { trafficShifting: "allAtOnce" }, "trafficShifting", /must be one of canary10Percent5Minutes/],
        ["a wait longer than CodeDeploy allows", { terminationWaitMinutes: "3000" }, "terminationWaitMinutes", /at most 2880/],
        ["a build log retention CloudWatch does not offer", { buildLogRetentionDays: "45" }, "buildLogRetentionDays", /retention CloudWatch Logs accepts/],
        ["a Fargate memory size the CPU does not allow", { taskCpu: "256", taskMemory: "4096" }, "taskMemory", /not valid with cpu 256/],
        ["a root container user", { containerUser: "0" }, "containerUser", /non-root/],
        ["a health check path without a slash", { healthCheckPath: "health" }, "healthCheckPath", /starting with '\/'/],
        ["one availability zone", { azCount: "1" }, "azCount", /ELB\.13/],
        ["a VPC too small for the subnets", { vpcCidr: "10.30.0.0/28" }, "vpcCidr", /./],
        ["a suffix with capitals", { environmentSuffix: "Dev" }, "environmentSuffix", /lowercase/],
    ];
    for (const [what, values, key, message, stack] of cases) {
        it(`rejects ${what}`, () => {
            const error = issues(values, {}, stack ?? "dev");
            const issue = error.issues.find((i) => i.key === key || i.key.endsWith(`:${key}`));
            assert.ok(issue, `no issue for ${key} in:\n${error.message}`);
            assert.match(issue.message, message);
            assert.match(error.message, new RegExp(key.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")));
        });
    }

    it("names where each required value can be set when it is missing", () => {
        const error = issues({}, {}, "dev", {});
        assert.deepEqual(error.issues.map((i) => i.key).sort(), ["githubOwner", "githubRepo", "notificationEmail"]);
        const byKey = Object.fromEntries(error.issues.map((i) => [i.key, i.message]));
        assert.match(byKey.githubOwner!, /GITHUB_OWNER environment variable/);
        assert.match(byKey.githubRepo!, /GITHUB_REPO environment variable/);
        assert.match(byKey.notificationEmail!, /NOTIFICATION_EMAIL environment variable/);
    });

    it("rejects a bad value from the environment as it would from config", () => {
        const error = issues({ githubRepo: "" }, { GITHUB_REPO: "acme/payments", NOTIFICATION_EMAIL: "nobody" }, "dev", { githubOwner: "acme" });
        assert.deepEqual(error.issues.map((i) => i.key).sort(), ["githubRepo", "notificationEmail"]);
        assert.match(error.message, /"acme\/payments"/, "the message quotes the bad value");
    });
});

describe("parseArn", () => {
    it("reads region, account and name from the ARNs the stack takes apart", () => {
        assert.deepEqual(parseArn(TARGET.blueTargetGroupArn, "targetGroup"), { region: "us-east-2", account: "123456789012", name: "payment-blue" });
        assert.deepEqual(parseArn(TARGET.productionListenerArn, "listener"), { region: "us-east-2", account: "123456789012", name: "payment-alb" });
        assert.deepEqual(parseArn("arn:aws:iam::123456789012:role/service-role/exec", "role"), { region: "", account: "123456789012", name: "exec" });
        assert.equal(parseArn("arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/payment-alb/0123456789abcdef", "listener"), undefined);
    });
});
