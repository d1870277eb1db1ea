import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { AWS_REGIONS } from "../aws/regions";
import { blueGreenProblems, loadBalancerDimensionOfListener, targetFromArns, targetGroupDimension, targetGroupName } from "./blueGreen";
import { ELB_LOG_DELIVERY_ACCOUNTS } from "../aws/elb";
import { elbLogDeliveryStatement, loadBalancerProblems } from "./loadBalancer";

const TG = "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/payment-api-blue/0123456789abcdef";
const LISTENER = "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/payments-alb/0123456789abcdef/fedcba9876543210";

describe("ARN parts CodeDeploy and CloudWatch name", () => {
    it("reads the target group dimension and name, and the load balancer dimension of a listener", () => {
        assert.equal(targetGroupDimension(TG), "targetgroup/payment-api-blue/0123456789abcdef");
        assert.equal(targetGroupName(TG), "payment-api-blue");
        assert.equal(loadBalancerDimensionOfListener(LISTENER), "app/payments-alb/0123456789abcdef");
    });

    it("refuses ARNs of something else, naming the shape it wants", () => {
        assert.throws(() => targetGroupDimension(LISTENER), /not a target group ARN \(…:targetgroup\/<name>\/<id>\)/);
        assert.throws(() => loadBalancerDimensionOfListener(TG), /not an Application Load Balancer listener ARN/);
        assert.throws(() => loadBalancerDimensionOfListener(LISTENER.replace(/\/[0-9a-f]+$/, "")), /listener ARN/);
    });

    it("builds an existing service's target from its ARNs", () => {
        const target = targetFromArns({
            clusterName: "payments",
            serviceName: "payment-api",
            blueTargetGroupArn: TG,
            greenTargetGroupArn: TG.replace("blue", "green"),
            productionListenerArn: LISTENER,
            testListenerArn: LISTENER.replace(/fedcba9876543210$/, "0000000000000001"),
            taskRoleArns: ["arn:aws:iam::123456789012:role/exec"],
        });
        assert.deepEqual(
            [target.blueTargetGroupName, target.greenTargetGroupName, target.loadBalancerDimension, target.greenTargetGroupDimension],
            ["payment-api-blue", "payment-api-green", "app/payments-alb/0123456789abcdef", "targetgroup/payment-api-green/0123456789abcdef"],
        );
        assert.match(String(target.testListenerArn), /0000000000000001$/);
        assert.equal("testListenerArn" in targetFromArns({ clusterName: "c", serviceName: "s", blueTargetGroupArn: TG, greenTargetGroupArn: TG, productionListenerArn: LISTENER, taskRoleArns: ["r"] }), false);
    });
});

describe("blueGreenProblems", () => {
    const target = targetFromArns({ clusterName: "c", serviceName: "s", blueTargetGroupArn: TG, greenTargetGroupArn: TG, productionListenerArn: LISTENER, taskRoleArns: ["arn:aws:iam::123456789012:role/exec"] });
    const good = { deploymentConfigName: "CodeDeployDefault.ECSCanary10Percent5Minutes", terminationWaitMinutes: 5, target };

    it("accepts CodeDeploy's predefined ECS configurations", () => {
        for (const name of ["ECSAllAtOnce", "ECSCanary10Percent5Minutes", "ECSCanary10Percent15Minutes", "ECSLinear10PercentEvery1Minutes", "ECSLinear10PercentEvery3Minutes"]) {
            assert.deepEqual(blueGreenProblems({ ...good, deploymentConfigName: `CodeDeployDefault.${name}` }), []);
        }
    });

    const cases: [string, Partial<typeof good> & { target5xxPerMinute?: number }, RegExp][] = [
        ["an EC2/Lambda configuration", { deploymentConfigName: "CodeDeployDefault.OneAtATime" }, /not one of CodeDeploy's predefined ECS configurations/],
        ["a wait beyond two days", { terminationWaitMinutes: 2881 }, /terminationWaitMinutes must be 0 to 2880/],
        ["a fractional wait", { terminationWaitMinutes: 2.5 }, /terminationWaitMinutes/],
        ["a zero 5xx threshold", { target5xxPerMinute: 0 }, /target5xxPerMinute/],
        ["no task roles to pass", { target: { ...target, taskRoleArns: [] } }, /taskRoleArns must name the task's execution role/],
    ];
    for (const [what, over, message] of cases) {
        it(`refuses ${what}`, () => {
            const problems = blueGreenProblems({ ...good, ...over });
            assert.equal(problems.length, 1, problems.join("; "));
            assert.match(problems[0]!, message);
        });
    }
});

describe("loadBalancerProblems", () => {
    const good = { publicSubnetIds: ["a", "b"], targetPort: 8080, accessLogs: { bucket: "logs", prefix: "alb" } };

    it("accepts two zones, a port and a plain prefix", () => {
        assert.deepEqual(loadBalancerProblems(good), []);
        assert.deepEqual(loadBalancerProblems({ ...good, certificateArn: "arn", tlsPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06", healthCheck: { path: "/health", intervalSeconds: 30 } }), []);
    });

    const cases: [string, Record<string, unknown>, RegExp][] = [
        ["one subnet", { publicSubnetIds: ["a"] }, /at least two availability zones \(ELB\.13\)/],
        ["port 0", { targetPort: 0 }, /targetPort must be 1 to 65535/],
        ["a relative health check path", { healthCheck: { path: "health" } }, /healthCheck\.path must start with "\/"/],
        ["a health check interval under the timeout", { healthCheck: { intervalSeconds: 5 } }, /intervalSeconds must be 6 to 300/],
        ["a TLS policy without a certificate", { tlsPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" }, /tlsPolicy applies to an HTTPS listener only/],
        ["a log prefix with a trailing slash", { accessLogs: { bucket: "logs", prefix: "alb/" } }, /no leading or trailing slash/],
        ["a negative deregistration delay", { deregistrationDelaySeconds: -1 }, /deregistrationDelaySeconds must be 0 to 3600/],
    ];
    for (const [what, over, message] of cases) {
        it(`refuses ${what}`, () => {
            const problems = loadBalancerProblems({ ...good, ...over } as typeof good);
            assert.equal(problems.length, 1, problems.join("; "));
            assert.match(problems[0]!, message);
        });
    }
});

describe("elbLogDeliveryStatement", () => {
    it("names the region's ELB account where there is one, and the log-delivery service elsewhere", () => {
        assert.deepEqual(elbLogDeliveryStatement("us-east-2", "arn:aws:s3:::logs", "alb", "123456789012").Principal, { AWS: "arn:aws:iam::033677994240:root" });
        assert.deepEqual(elbLogDeliveryStatement("il-central-1", "arn:aws:s3:::logs", "alb", "123456789012").Principal, { Service: "logdelivery.elasticloadbalancing.amazonaws.com" });
    });

    it("knows an account for every region opened before August 2022 and none for those opened since", () => {
        const newer = AWS_REGIONS.filter((r) => ELB_LOG_DELIVERY_ACCOUNTS[r] === undefined).sort();
        assert.deepEqual(newer, ["ap-east-2", "ap-south-2", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-2", "il-central-1", "me-central-1", "mx-central-1"]);
        for (const account of Object.values(ELB_LOG_DELIVERY_ACCOUNTS)) assert.match(account!, /^\d{12}$/);
        assert.equal(new Set(Object.values(ELB_LOG_DELIVERY_ACCOUNTS)).size, Object.keys(ELB_LOG_DELIVERY_ACCOUNTS).length);
    });
});
