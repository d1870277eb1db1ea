/**
 * payment-pipeline, dev and prod: the ECS target the stack creates, an existing one from config,
 * the artifact and log buckets, the notifications, and what the shared components refuse for it.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { bucketProblems } from "../src/components/bucket";
import { buildProblems } from "../src/components/pipeline";
import type { StackPlan } from "../src/offline/model/types";
import { env, planPayment, statementsOfRole, TARGET, variablesOf } from "./support/payment";
import { docStatements, input, ofType, one, resourcesOf, withAwsName } from "./helpers";

let dev: StackPlan;
let prod: StackPlan;
let devExisting: StackPlan;
let prodExisting: StackPlan;
let all: StackPlan[];

before(async () => {
    ({ dev, prod, devExisting, prodExisting, all } = await planPayment());
});

describe("payment-pipeline: the ECS target the stack creates", () => {
    it("runs a Fargate service under the CODE_DEPLOY controller in private subnets, attached to the blue target group", () => {
        for (const p of [dev, prod]) {
            const svc = one(p, "aws:ecs/service:Service");
            assert.equal(input(svc, "waitForSteadyState"), true, "a first deployment that never gets healthy fails the up");
            const [container] = JSON.parse(input<string>(one(p, "aws:ecs/taskDefinition:TaskDefinition"), "containerDefinitions")) as Record<string, unknown>[];
            assert.match(String(container!.image), /^public\.ecr\.aws\//);
            // The label lets the first release drop the placeholder's command (src/functions/codedeployFiles).
            assert.deepEqual(container!.dockerLabels, { "commerce.placeholder": "python-http-server" });
            assert.deepEqual(input(svc, "deploymentController"), { type: "CODE_DEPLOY" });
            assert.equal(input(svc, "launchType"), "FARGATE");
            const net = input<{ subnets: string[]; assignPublicIp: boolean }>(svc, "networkConfiguration");
            assert.equal(net.assignPublicIp, false);
            assert.deepEqual(net.subnets, ["network-private-a-id", "network-private-b-id"]);
            assert.deepEqual(input(svc, "loadBalancers"), [{ targetGroupArn: "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/payment-blue-" + env(p) + "/abc123", containerName: "payment-service", containerPort: 8080 }]);
            assert.ok(svc.dependsOn.some((d) => d.endsWith("alb-production")), "the listener exists before the service");
        }
    });

    it("puts an internet-facing ALB in the public subnets of two zones, dropping invalid headers and logging to S3", () => {
        const alb = one(dev, "aws:lb/loadBalancer:LoadBalancer");
        assert.equal(input(alb, "name"), "payment-alb-dev");
        assert.equal(input(alb, "internal"), false);
        assert.deepEqual(input(alb, "subnets"), ["network-public-a-id", "network-public-b-id"]);
        assert.equal(input(alb, "dropInvalidHeaderFields"), true);
        assert.deepEqual(input(alb, "accessLogs"), { enabled: true, bucket: "payment-access-logs-dev-123456789012-us-east-2", prefix: "alb" });
        assert.equal(input(alb, "enableDeletionProtection"), false);
        assert.equal(input(one(prod, "aws:lb/loadBalancer:LoadBalancer"), "enableDeletionProtection"), true);
    });

    it("serves HTTPS with the certificate and a TLS 1.3 policy in prod; plain HTTP on 80 in dev without one", () => {
        const https = one(prod, "aws:lb/listener:Listener");
        assert.equal(input(https, "protocol"), "HTTPS");
        assert.equal(input(https, "port"), 443);
        assert.equal(input(https, "sslPolicy"), "ELBSecurityPolicy-TLS13-1-3-2021-06");
        assert.match(String(input(https, "certificateArn")), /^arn:aws:acm:us-east-2:/);
        const http = one(dev, "aws:lb/listener:Listener");
        assert.deepEqual([input(http, "protocol"), input(http, "port"), input(http, "sslPolicy")], ["HTTP", 80, undefined]);
        assert.deepEqual(dev.exceptions.filter((e) => e.policy.startsWith("ELB.1")).map((e) => e.policy).sort(), ["ELB.1", "ELB.18"]);
        assert.equal(prod.exceptions.filter((e) => ["ELB.1", "ELB.18"].includes(e.policy)).length, 0, "prod waives no listener control");
    });

    it("opens the ALB on its listener port only, and the tasks to the ALB only", () => {
        const rules = ofType(prod, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.inputs as Record<string, unknown>);
        const open = rules.filter((r) => r.cidrIpv4 === "0.0.0.0/0");
        assert.deepEqual(open.map((r) => r.fromPort), [443]);
        const tasks = rules.find((r) => r.securityGroupId === "service-sg-id")!;
        assert.deepEqual([tasks.fromPort, tasks.referencedSecurityGroupId], [8080, "alb-sg-id"]);
        assert.deepEqual(ofType(dev, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0").map((r) => r.inputs.fromPort), [80]);
    });
});

describe("payment-pipeline: an existing ECS target from config", () => {
    it("creates no network, load balancer or service", () => {
        for (const p of [devExisting, prodExisting]) {
            for (const type of ["aws:ec2/vpc:Vpc", "aws:lb/loadBalancer:LoadBalancer", "aws:lb/targetGroup:TargetGroup", "aws:lb/listener:Listener", "aws:ecs/service:Service", "aws:ecs/cluster:Cluster"]) {
                assert.equal(ofType(p, type).length, 0, `${p.stack}: ${type}`);
            }
        }
    });

    it("deploys to the configured service, target groups and listener, read from their ARNs", () => {
        const group = one(devExisting, "aws:codedeploy/deploymentGroup:DeploymentGroup");
        assert.deepEqual(input(group, "ecsService"), { clusterName: "payments", serviceName: "payment-api" });
        const pair = input<{ targetGroupPairInfo: { targetGroups: { name: string }[]; prodTrafficRoute: { listenerArns: string[] } } }>(group, "loadBalancerInfo").targetGroupPairInfo;
        assert.deepEqual(pair.targetGroups, [{ name: "payment-api-blue" }, { name: "payment-api-green" }]);
        assert.deepEqual(pair.prodTrafficRoute.listenerArns, [TARGET.productionListenerArn]);
        const dims = ofType(devExisting, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => a.inputs.dimensions as Record<string, string>);
        assert.ok(dims.every((d) => d.LoadBalancer === "app/payments-alb/0123456789abcdef"));
        assert.deepEqual(dims.map((d) => d.TargetGroup).filter(Boolean).sort(), ["targetgroup/payment-api-blue/0123456789abcdef", "targetgroup/payment-api-green/fedcba9876543210"]);
    });

    it("scopes CodeDeploy and the pipeline to the configured service and roles", () => {
        const deploy = Object.fromEntries(statementsOfRole(devExisting, "codedeploy-role-dev").map((s) => [s.Sid, s]));
        assert.deepEqual(resourcesOf(deploy.ShiftTaskSets!), ["arn:aws:ecs:us-east-2:123456789012:service/payments/payment-api"]);
        assert.deepEqual(resourcesOf(deploy.ShiftListenerRules!), [`${TARGET.productionListenerArn.replace(":listener/", ":listener-rule/")}/*`]);
        const pass = statementsOfRole(devExisting, "codepipeline-role-dev").find((s) => s.Sid === "PassTaskRoles")!;
        assert.deepEqual(resourcesOf(pass), [TARGET.taskExecutionRoleArn, TARGET.taskRoleArn]);
    });

    it("tells the Docker build the configured family, container and port", () => {
        const vars = variablesOf(prodExisting, "docker-build-project-prod");
        assert.deepEqual([vars.TASK_DEFINITION_FAMILY!.value, vars.CONTAINER_NAME!.value, vars.CONTAINER_PORT!.value], ["payment-api", "api", "8443"]);
    });

    it("lets no load balancer write to the access-log bucket", () => {
        const policy = docStatements(one(devExisting, "aws:s3/bucketPolicy:BucketPolicy", "access-logs"));
        assert.equal(policy.find((s) => s.Sid === "LoadBalancerAccessLogDelivery"), undefined);
    });
});

describe("payment-pipeline: artifacts and notifications", () => {
    it("keeps artifacts in pipeline-artifacts-<env>: SSE-KMS, versioning, lifecycle, public access blocked, TLS only, access-logged", () => {
        for (const p of [dev, prod]) {
            const bucket = withAwsName(p, "aws:s3/bucket:Bucket", `pipeline-artifacts-${env(p)}-123456789012-us-east-2`, "bucket");
            const on = (type: string) => ofType(p, type).find((r) => r.name === bucket.name)!;
            const sse = input<{ applyServerSideEncryptionByDefault: { sseAlgorithm: string } }[]>(on("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"), "rules");
            assert.equal(sse[0]!.applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
            assert.deepEqual(input(on("aws:s3/bucketVersioning:BucketVersioning"), "versioningConfiguration"), { status: "Enabled" });
            const rules = input<{ status: string; expiration?: { days?: number } }[]>(on("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"), "rules");
            assert.ok(rules.every((r) => r.status === "Enabled"));
            assert.equal(rules.find((r) => r.expiration?.days !== undefined)!.expiration!.days, p === dev ? 30 : 365);
            const block = on("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs;
            for (const k of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) assert.equal(block[k], true, k);
            const deny = docStatements(on("aws:s3/bucketPolicy:BucketPolicy")).find((s) => s.Effect === "Deny")!;
            assert.deepEqual(deny.Condition, { Bool: { "aws:SecureTransport": "false" } });
            assert.equal(input(on("aws:s3/bucketLogging:BucketLogging"), "targetBucket"), `payment-access-logs-${env(p)}-123456789012-us-east-2`);
            assert.equal(input(bucket, "forceDestroy"), p === dev);
            assert.equal(bucket.protect, p === prod);
        }
    });

    it("lets the artifact bucket's access logs and the ALB's logs (ELB account of us-east-2) into the log bucket", () => {
        const statements = docStatements(one(dev, "aws:s3/bucketPolicy:BucketPolicy", "access-logs"));
        const s3 = statements.find((s) => s.Sid === "ServerAccessLogDelivery")!;
        assert.deepEqual(s3.Condition!.ArnLike, { "aws:SourceArn": ["arn:aws:s3:::pipeline-artifacts-dev-123456789012-us-east-2"] });
        const elb = statements.find((s) => s.Sid === "LoadBalancerAccessLogDelivery")!;
        assert.deepEqual(elb.Principal, { AWS: "arn:aws:iam::033677994240:root" });
        assert.deepEqual(resourcesOf(elb), ["arn:aws:s3:::payment-access-logs-dev-123456789012-us-east-2/alb/AWSLogs/123456789012/*"]);
    });

    it("sends approvals, alarms and pipeline results to pipeline-notifications-<env>, encrypted, with an email subscription", () => {
        const topic = one(dev, "aws:sns/topic:Topic");
        assert.match(String(input(topic, "kmsMasterKeyId")), /^arn:aws:kms:/);
        const subscription = one(dev, "aws:sns/topicSubscription:TopicSubscription");
        assert.deepEqual([input(subscription, "protocol"), input(subscription, "endpoint")], ["email", "payments-platform@example.com"]);
        const allow = docStatements(one(dev, "aws:sns/topicPolicy:TopicPolicy")).find((s) => s.Effect === "Allow")!;
        assert.deepEqual(allow.Principal, { Service: ["events.amazonaws.com", "cloudwatch.amazonaws.com"] });
        // EventBridge sends KMS no aws:SourceAccount: its statement must carry no condition on it.
        const events = docStatements(one(dev, "aws:kms/key:Key")).find((s) => s.Sid === "EventBridgePublishesToEncryptedTopics")!;
        assert.deepEqual([events.Principal, events.Condition], [{ Service: "events.amazonaws.com" }, undefined]);
        assert.deepEqual(docStatements(one(dev, "aws:kms/key:Key")).find((s) => s.Sid === "PublishToEncryptedTopics")!.Principal, { Service: ["cloudwatch.amazonaws.com"] });
    });

    it("announces FAILED and SUCCEEDED executions through EventBridge, naming pipeline, state and execution id", () => {
        for (const p of all) {
            const rule = withAwsName(p, "aws:cloudwatch/eventRule:EventRule", `payment-service-pipeline-executions-${env(p)}`);
            assert.deepEqual(JSON.parse(String(input(rule, "eventPattern"))), {
                source: ["aws.codepipeline"],
                "detail-type": ["CodePipeline Pipeline Execution State Change"],
                resources: [p.outputs.pipelineArn],
                detail: { state: ["FAILED", "SUCCEEDED"] },
            });
            const target = ofType(p, "aws:cloudwatch/eventTarget:EventTarget").find((t) => t.inputs.rule === rule.inputs.name)!;
            assert.equal(input(target, "arn"), p.outputs.snsTopicArn);
            const transformer = input<{ inputPaths: Record<string, string>; inputTemplate: string }>(target, "inputTransformer");
            assert.deepEqual(transformer.inputPaths, { pipeline: "$.detail.pipeline", state: "$.detail.state", execution: "$.detail.execution-id", region: "$.region" });
            for (const field of ["<pipeline>", "<state>", "<execution>"]) assert.ok(transformer.inputTemplate.includes(field), field);
        }
    });
});

describe("payment-pipeline: what the shared components refuse for it", () => {
    it("refuses an access-log source list on a data bucket, or an empty one", () => {
        const lifecycle = { expireAfterDays: 30 };
        assert.deepEqual(bucketProblems({ purpose: "accessLogs", lifecycle, logSourceArns: ["arn:aws:s3:::pipeline-artifacts-dev-123456789012-us-east-2"] }), []);
        assert.match(bucketProblems({ purpose: "data", kmsKeyArn: "k", lifecycle, logSourceArns: ["arn:aws:s3:::x"] }).join(), /logSourceArns applies to an accessLogs bucket only/);
        assert.match(bucketProblems({ purpose: "accessLogs", lifecycle, logSourceArns: [] }).join(), /at least one source bucket/);
    });

    it("refuses a log group name CloudWatch would reject and a report name that cannot become a group name", () => {
        assert.deepEqual(buildProblems({ fullNames: { project: "unit-test-project-dev", logGroup: "/aws/codebuild/unit-test-dev" }, reportGroups: { "unit-tests": "TEST", coverage: "CODE_COVERAGE" } }), []);
        assert.match(buildProblems({ fullNames: { logGroup: "/aws/codebuild/unit test" } }).join(), /fullNames\.logGroup "\/aws\/codebuild\/unit test" must be 1-512/);
        assert.match(buildProblems({ reportGroups: { "unit tests": "TEST" } }).join(), /report group "unit tests" must be letters, digits, - and _/);
    });
});
