/**
 * The verifier against SDK clients answered from each stack's offline plan (a correct
 * deployment): every check passes; then numbered broken answers, one per check, each fail that
 * check naming the resource and the property; denied, throttled and paginated calls; the IAM
 * policy equals the calls a full run makes.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { before, describe, test } from "node:test";
import { plan as planOf, PRODUCT_STACKS } from "../../test/helpers";
import type { StackPlan } from "../offline/model/types";
import { ACTIONS, Clients, type Action } from "./calls";
import { fakeAccount, serviceError, type FakeAccount } from "./fake";
import { POLICY_FILE, productPolicy, type PolicyDocument } from "./policy";
import { CHECKS, declaredActions } from "./registry";
import { runChecks } from "./run";
import { Verifier, type Finding } from "./verifier";

const STACKS = PRODUCT_STACKS;
const plans = new Map<string, StackPlan>();
const called = new Set<Action>();

// The SDK wants credentials before it sends anything, even to a mock.
process.env.AWS_ACCESS_KEY_ID ??= "AKIDTEST";
process.env.AWS_SECRET_ACCESS_KEY ??= "test-secret";

async function verify(p: StackPlan, fake?: FakeAccount, settings = { maxAttempts: 1, retryMode: "standard" as const }): Promise<Finding[]> {
    const account = fake ?? fakeAccount(p);
    try {
        const v = new Verifier({ plan: p, outputs: p.outputs, clients: new Clients({ region: p.region, ...settings }) });
        const findings = await runChecks(v);
        for (const a of v.called.keys()) called.add(a);
        return findings;
    } finally {
        account.restore();
    }
}

const notPassed = (findings: Finding[]) => findings.filter((f) => f.status !== "pass");

before(async () => {
    for (const [project, stack] of STACKS) plans.set(`${project}/${stack}`, await planOf(project, stack));
});

describe("a correct deployment", () => {
    test("every check of every stack passes, and every check runs somewhere", async () => {
        const ran = new Set<string>();
        for (const [key, p] of plans) {
            const findings = await verify(p);
            assert.deepEqual(notPassed(findings), [], key);
            findings.forEach((f) => ran.add(f.check));
        }
        assert.deepEqual([...CHECKS.map((c) => c.id), "stack.outputs"].filter((id) => !ran.has(id)), []);
    });

    test("the shipped IAM policy is the product stacks' calls, and names every call the code has, all of them reads", async () => {
        const policy = JSON.parse(fs.readFileSync(POLICY_FILE, "utf8")) as unknown;
        assert.deepEqual(policy, await productPolicy([...plans.values()]), "verifier-policy.json is stale: run npx tsx src/verify/policy.ts");
        const allowed = (policy as PolicyDocument).Statement.flatMap((s) => s.Action).sort();
        assert.deepEqual(allowed, [...called].sort());
        assert.deepEqual(allowed, declaredActions());
        assert.deepEqual(allowed, ACTIONS, "every entry of CALLS is used by a check");
        assert.deepEqual(ACTIONS.filter((a) => !/^[a-z0-9-]+:(Describe|Get|List|BatchGet|Scan)/.test(a)), []);
    });
});

/** Clone the correct answer, then break it. */
function patch<T>(fn: (out: T) => void) {
    return (input: Record<string, unknown>, correct: (i: Record<string, unknown>) => unknown) => {
        const out = structuredClone(correct(input)) as T;
        fn(out);
        return out;
    };
}
type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Broken {
    readonly stack: string;
    readonly check: string;
    readonly action: Action;
    readonly answer: (input: Record<string, unknown>, correct: (i: Record<string, unknown>) => unknown) => unknown;
    readonly resource: string;
    readonly property: string;
}

const FC = "fastcart-orders/dev";
const PP = "payment-pipeline/dev";
const SP = "service-pipeline/dev";
const PPP = "payment-pipeline/prod";

/** Break the answer to the one request whose first filter names `value`. */
function onlyFor(key: string, value: string, fn: (out: J) => void) {
    return (input: Record<string, unknown>, correct: (i: Record<string, unknown>) => unknown) => {
        const out = structuredClone(correct(input)) as J;
        if ((input[key] as { Values: string[] }[])[0]?.Values.includes(value)) fn(out);
        return out;
    };
}
const BROKEN: readonly Broken[] = [
    { stack: FC, check: "ec2.vpc", action: "ec2:DescribeVpcs", answer: patch<J>((o) => (o.Vpcs[0].CidrBlock = "10.9.0.0/16")), resource: "fastcart-vpc-dev", property: "CidrBlock" },
    { stack: FC, check: "ec2.subnet", action: "ec2:DescribeSubnets", answer: patch<J>((o) => (o.Subnets[0].AvailabilityZone = "eu-central-1c")), resource: "Subnet fastcart-vpc-dev", property: "AvailabilityZone" },
    { stack: FC, check: "ec2.nat-gateway", action: "ec2:DescribeNatGateways", answer: patch<J>((o) => (o.NatGateways[0].State = "failed")), resource: "NatGateway", property: "State" },
    { stack: FC, check: "kms.key", action: "kms:GetKeyRotationStatus", answer: patch<J>((o) => (o.KeyRotationEnabled = false)), resource: "Key orders-key", property: "KeyRotationEnabled" },
    { stack: FC, check: "kinesis.stream", action: "kinesis:DescribeStreamSummary", answer: patch<J>((o) => (o.StreamDescriptionSummary.OpenShardCount = 1)), resource: "fastcart-orders-dev", property: "OpenShardCount" },
    { stack: FC, check: "rds.instance", action: "rds:DescribeDBInstances", answer: patch<J>((o) => (o.DBInstances[0].DBInstanceClass = "db.r6g.large")), resource: "fastcart-postgres-dev", property: "DBInstanceClass" },
    { stack: FC, check: "rds.instance", action: "rds:DescribeDBInstances", answer: patch<J>((o) => (o.DBInstances[0].PubliclyAccessible = true)), resource: "fastcart-postgres-dev", property: "PubliclyAccessible" },
    { stack: FC, check: "elasticache.replication-group", action: "elasticache:DescribeReplicationGroups", answer: patch<J>((o) => (o.ReplicationGroups[0].TransitEncryptionEnabled = false)), resource: "fastcart-redis-dev", property: "TransitEncryptionEnabled" },
    { stack: FC, check: "secretsmanager.secret", action: "secretsmanager:DescribeSecret", answer: patch<J>((o) => (o.KmsKeyId = "alias/aws/secretsmanager")), resource: "fastcart-redis-auth-token-dev", property: "KmsKeyId" },
    { stack: FC, check: "secretsmanager.rotation", action: "secretsmanager:DescribeSecret", answer: patch<J>((o) => (o.RotationEnabled = false)), resource: "SecretRotation", property: "RotationEnabled" },
    { stack: FC, check: "ecr.repository", action: "ecr:DescribeRepositories", answer: patch<J>((o) => (o.repositories[0].imageScanningConfiguration.scanOnPush = false)), resource: "fastcart-orders-dev", property: "scanOnPush" },
    { stack: FC, check: "logs.log-group", action: "logs:DescribeLogGroups", answer: patch<J>((o) => (o.logGroups[0].retentionInDays = 3653)), resource: "LogGroup", property: "retentionInDays" },
    { stack: FC, check: "cloudwatch.alarm", action: "cloudwatch:DescribeAlarms", answer: patch<J>((o) => (o.MetricAlarms = [])), resource: "MetricAlarm", property: "exists" },
    { stack: FC, check: "ecs.cluster", action: "ecs:DescribeClusters", answer: patch<J>((o) => (o.clusters[0].settings = [])), resource: "fastcart-cluster-dev", property: "containerInsights" },
    { stack: FC, check: "ecs.service", action: "ecs:DescribeServices", answer: patch<J>((o) => (o.services[0].runningCount = 0)), resource: "fastcart-service-dev", property: "runningCount" },
    { stack: PP, check: "ecs.service", action: "elasticloadbalancing:DescribeTargetHealth", answer: () => ({ TargetHealthDescriptions: [{ TargetHealth: { State: "unhealthy" } }] }), resource: "payment-service-dev", property: "healthy targets" },
    { stack: PP, check: "elbv2.target-group", action: "elasticloadbalancing:DescribeTargetGroups", answer: patch<J>((o) => (o.TargetGroups[0].HealthCheckPath = "/health")), resource: "TargetGroup payment-", property: "HealthCheckPath" },
    { stack: PP, check: "s3.encryption", action: "s3:GetEncryptionConfiguration", answer: patch<J>((o) => (o.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm = "aws:kms:dsse")), resource: "BucketServerSideEncryptionConfiguration", property: "SSEAlgorithm" },
    { stack: PP, check: "s3.versioning", action: "s3:GetBucketVersioning", answer: () => ({}), resource: "BucketVersioning", property: "Status" },
    { stack: PP, check: "s3.public-access-block", action: "s3:GetBucketPublicAccessBlock", answer: patch<J>((o) => (o.PublicAccessBlockConfiguration.BlockPublicAcls = false)), resource: "BucketPublicAccessBlock", property: "BlockPublicAcls" },
    { stack: PP, check: "s3.lifecycle", action: "s3:GetLifecycleConfiguration", answer: () => { throw serviceError("NoSuchLifecycleConfiguration", 404); }, resource: "BucketLifecycleConfiguration", property: "Rules" },
    { stack: SP, check: "dynamodb.table", action: "dynamodb:DescribeContinuousBackups", answer: patch<J>((o) => (o.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus = "DISABLED")), resource: "service-pipeline-deployments-dev", property: "PointInTimeRecoveryStatus" },
    { stack: SP, check: "dynamodb.table", action: "dynamodb:Scan", answer: patch<J>((o) => o.Items.push({ timestamp: { S: "2026-12-02T00:00:00.000Z" }, status: { S: "FAILED" } })), resource: "service-pipeline-deployments-dev", property: "last record" },
    { stack: PP, check: "sns.topic", action: "sns:GetTopicAttributes", answer: patch<J>((o) => delete o.Attributes.KmsMasterKeyId), resource: "pipeline-notifications-dev", property: "KmsMasterKeyId" },
    { stack: PP, check: "sns.subscription", action: "sns:ListSubscriptionsByTopic", answer: patch<J>((o) => (o.Subscriptions[0].SubscriptionArn = "PendingConfirmation")), resource: "TopicSubscription", property: "confirmed" },
    { stack: PP, check: "iam.role", action: "iam:GetRole", answer: patch<J>((o) => (o.Role.AssumeRolePolicyDocument = encodeURIComponent(JSON.stringify({ Statement: [{ Principal: { Service: "ec2.amazonaws.com" } }] })))), resource: "Role", property: "trusted services" },
    { stack: PP, check: "codepipeline.pipeline", action: "codepipeline:GetPipeline", answer: patch<J>((o) => o.pipeline.stages.splice(2, 1)), resource: "payment-service-pipeline-dev", property: "stages" },
    { stack: PP, check: "codepipeline.pipeline", action: "codepipeline:ListPipelineExecutions", answer: () => ({ pipelineExecutionSummaries: [{ status: "Failed" }] }), resource: "payment-service-pipeline-dev", property: "last execution" },
    { stack: PP, check: "codebuild.project", action: "codebuild:BatchGetProjects", answer: patch<J>((o) => (o.projects[0].environment.computeType = "BUILD_GENERAL1_2XLARGE")), resource: "Project", property: "environment.computeType" },
    { stack: PP, check: "codeconnections.connection", action: "codestar-connections:GetConnection", answer: patch<J>((o) => (o.Connection.ConnectionStatus = "PENDING")), resource: "payment-github-dev", property: "ConnectionStatus" },
    { stack: "brazilcart-cicd/dev", check: "codecommit.repository", action: "codecommit:GetRepository", answer: () => { throw serviceError("RepositoryDoesNotExistException"); }, resource: "Repository", property: "exists" },
    { stack: PP, check: "codedeploy.deployment-group", action: "codedeploy:GetDeploymentGroup", answer: patch<J>((o) => (o.deploymentGroupInfo.autoRollbackConfiguration.enabled = false)), resource: "payment-service-dg-dev", property: "autoRollback.enabled" },
    { stack: SP, check: "lambda.function", action: "lambda:GetFunctionConfiguration", answer: patch<J>((o) => (o.MemorySize = 128)), resource: "Function service-pipeline-", property: "MemorySize" },
    { stack: PP, check: "ec2.security-group", action: "ec2:DescribeSecurityGroupRules", answer: patch<J>((o) => o.SecurityGroupRules.filter((r: J) => !r.IsEgress).forEach((r: J) => (r.FromPort = 80))), resource: "SecurityGroup payment-", property: "ingress" },
    { stack: PP, check: "ec2.security-group", action: "ec2:DescribeSecurityGroupRules", answer: onlyFor("Filters", "service-sg-id", (o) => o.SecurityGroupRules.push({ IsEgress: false, IpProtocol: "tcp", FromPort: 22, ToPort: 22, CidrIpv4: "0.0.0.0/0" })), resource: "SecurityGroup payment-service-dev", property: "open to the internet" },
    { stack: PP, check: "ec2.security-group", action: "ec2:DescribeSecurityGroupRules", answer: patch<J>((o) => o.SecurityGroupRules.filter((r: J) => r.IsEgress).forEach((r: J) => (r.CidrIpv4 = "10.99.0.0/16"))), resource: "SecurityGroup payment-", property: "egress" },
    { stack: PP, check: "ec2.route-table", action: "ec2:DescribeRouteTables", answer: patch<J>((o) => o.RouteTables.forEach((t: J) => t.Routes.filter((r: J) => r.NatGatewayId).forEach((r: J) => Object.assign(r, { NatGatewayId: undefined, GatewayId: "igw-0rogue" })))), resource: "RouteTable payment-vpc-dev-private-", property: "routes" },
    { stack: PP, check: "ec2.route-table", action: "ec2:DescribeRouteTables", answer: patch<J>((o) => o.RouteTables.forEach((t: J) => (t.Associations = []))), resource: "RouteTable payment-vpc-dev-", property: "associations" },
    { stack: PPP, check: "elbv2.listener", action: "elasticloadbalancing:DescribeListeners", answer: patch<J>((o) => (o.Listeners[0].SslPolicy = "ELBSecurityPolicy-2016-08")), resource: "payment-alb-prod-production", property: "SslPolicy" },
    { stack: PPP, check: "elbv2.listener", action: "elasticloadbalancing:DescribeListeners", answer: patch<J>((o) => (o.Listeners[0].Certificates = [{ CertificateArn: "arn:aws:acm:us-east-2:123456789012:certificate/expired" }])), resource: "payment-alb-prod-production", property: "Certificates" },
    { stack: PP, check: "elbv2.listener", action: "elasticloadbalancing:DescribeListeners", answer: patch<J>((o) => (o.Listeners[0].DefaultActions[0].TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/payment-green-dev/abc")), resource: "payment-alb-dev-production", property: "DefaultActions" },
    { stack: PP, check: "events.rule", action: "events:DescribeRule", answer: patch<J>((o) => (o.State = "DISABLED")), resource: "EventRule payment-service-pipeline-", property: "State" },
    { stack: PP, check: "events.rule", action: "events:DescribeRule", answer: patch<J>((o) => (o.EventPattern = JSON.stringify({ source: ["aws.codepipeline"] }))), resource: "EventRule payment-service-pipeline-", property: "EventPattern" },
    { stack: "brazilcart-cicd/dev", check: "events.rule", action: "events:ListTargetsByRule", answer: () => ({ Targets: [] }), resource: "EventRule brazilcart-pipeline-", property: "targets" },
];

describe("a broken deployment", () => {
    test("the numbered broken answers cover every check", () => {
        assert.deepEqual(CHECKS.map((c) => c.id).filter((id) => !BROKEN.some((b) => b.check === id)), []);
    });
    BROKEN.forEach((b, n) => {
        test(`#${n + 1} ${b.check}: ${b.property} (${b.action})`, async () => {
            const p = plans.get(b.stack)!;
            const fake = fakeAccount(p);
            fake.override(b.action, b.answer);
            const findings = notPassed(await verify(p, fake));
            assert.ok(findings.length > 0, "the broken answer went unnoticed");
            for (const f of findings) {
                assert.equal(f.status, "fail", JSON.stringify(f));
                assert.equal(f.check, b.check);
                assert.equal(f.property, b.property);
                assert.ok(f.resource.includes(b.resource), `${f.resource} names ${b.resource}`);
            }
        });
    });

    test("a missing stack output fails, naming it", async () => {
        const p = plans.get(FC)!;
        const outputs = { ...p.outputs };
        delete outputs.kinesis_stream_name;
        const fake = fakeAccount(p);
        try {
            const v = new Verifier({ plan: p, outputs, clients: new Clients({ region: p.region, maxAttempts: 1, retryMode: "standard" }) });
            const failed = notPassed(await runChecks(v));
            assert.deepEqual(failed.map((f) => `${f.resource}: ${f.property}`), ["stack output kinesis_stream_name: exists"]);
        } finally {
            fake.restore();
        }
    });
});

test("no program imports the verifier", () => {
    const root = path.resolve(__dirname, "../..");
    const offenders: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (/\.ts$/.test(entry.name) && /from "[^"]*\/verify(\/[^"]*)?"/.test(fs.readFileSync(full, "utf8"))) offenders.push(path.relative(root, full));
        }
    };
    for (const dir of ["stacks", "src/components", "src/config", "src/functions"]) walk(path.join(root, dir));
    assert.deepEqual(offenders, []);
});
