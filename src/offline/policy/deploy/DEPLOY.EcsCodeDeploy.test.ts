import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ecsCodeDeploy } from "./DEPLOY.EcsCodeDeploy";
import { run, target } from "../../../../test/support/policy/deploy";

const GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";
const SERVICE = "aws:ecs/service:Service";

function group(overrides: Record<string, unknown> = {}) {
    return target(GROUP, "payment-dg", {
        appName: "payment-app",
        deploymentGroupName: "payment-dg-prod",
        deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
        ecsService: { clusterName: "payment-cluster-prod", serviceName: "payment-svc-prod" },
        loadBalancerInfo: {
            targetGroupPairInfo: {
                targetGroups: [{ name: "payment-tg-blue" }, { name: "payment-tg-green" }],
                prodTrafficRoute: { listenerArns: ["arn:aws:elasticloadbalancing:us-east-2:1:listener/app/payment/prod"] },
            },
        },
        ...overrides,
    });
}

function service(overrides: Record<string, unknown> = {}) {
    return target(SERVICE, "payment-svc", {
        name: "payment-svc-prod",
        deploymentController: { type: "CODE_DEPLOY" },
        loadBalancers: [{ containerName: "app", containerPort: 8080, targetGroupArn: "arn:aws:elasticloadbalancing:tg/payment-tg-blue" }],
        ...overrides,
    });
}

describe("DEPLOY.EcsCodeDeploy", () => {
    it("compliant: a CODE_DEPLOY service behind a load balancer, a group with two target groups and a listener", () => {
        assert.deepEqual(run(ecsCodeDeploy, [group(), service()]), []);
    });

    it("compliant: ECS services no deployment group deploys, and non-ECS deployment groups", () => {
        const findings = run(ecsCodeDeploy, [
            target(SERVICE, "worker", { name: "worker" }),
            target(GROUP, "ec2-dg", { appName: "x", deploymentGroupName: "ec2" }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: the service keeps the ECS deployment controller", () => {
        const svc = service({ deploymentController: undefined });
        const findings = run(ecsCodeDeploy, [group(), svc]);
        assert.equal(findings.length, 1);
        assert.equal(findings[0]?.urn, svc.urn);
        assert.match(findings[0]?.message ?? "", /deploymentController\.type is unset \(ECS\); it must be "CODE_DEPLOY"/);
    });

    it("non-compliant 2: the service has no loadBalancers entry", () => {
        const findings = run(ecsCodeDeploy, [group(), service({ loadBalancers: [] })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /no loadBalancers entry/);
    });

    it("non-compliant 3: the group names one target group", () => {
        const g = group({
            loadBalancerInfo: { targetGroupPairInfo: { targetGroups: [{ name: "only" }], prodTrafficRoute: { listenerArns: ["l"] } } },
        });
        const findings = run(ecsCodeDeploy, [g, service()]);
        assert.equal(findings.length, 1);
        assert.equal(findings[0]?.urn, g.urn);
        assert.match(findings[0]?.message ?? "", /names 1 target groups; blue\/green needs exactly 2/);
    });

    it("non-compliant 4: the group has no production listener", () => {
        const g = group({ loadBalancerInfo: { targetGroupPairInfo: { targetGroups: [{ name: "a" }, { name: "b" }], prodTrafficRoute: { listenerArns: [] } } } });
        const findings = run(ecsCodeDeploy, [g, service()]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /no prodTrafficRoute listener/);
    });

    it("non-compliant 5: the group is not BLUE_GREEN with traffic control", () => {
        const findings = run(ecsCodeDeploy, [group({ deploymentStyle: { deploymentType: "IN_PLACE" } }), service()]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /BLUE_GREEN with WITH_TRAFFIC_CONTROL/);
    });
});
