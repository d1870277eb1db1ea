import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { flowLogRole } from "./DEPLOY.FlowLogRole";
import { doc, run, target } from "../../../../test/support/policy/deploy";

const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const ROLE = "aws:iam/role:Role";
const ROLE_ARN = "arn:aws:iam::123456789012:role/flow-logs-role";
const trust = (service: string) => doc({ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" });

describe("DEPLOY.FlowLogRole", () => {
    it("compliant: a role trusted by vpc-flow-logs.amazonaws.com; S3 destinations need no role", () => {
        const findings = run(flowLogRole, [
            target(FLOW_LOG, "vpc-flow", { vpcId: "vpc-id", logDestination: "arn:aws:logs:x", iamRoleArn: ROLE_ARN, trafficType: "ALL" }),
            target(FLOW_LOG, "to-s3", { vpcId: "vpc-id", logDestinationType: "s3", logDestination: "arn:aws:s3:::logs" }),
            target(ROLE, "flow-logs-role", { assumeRolePolicy: trust("vpc-flow-logs.amazonaws.com") }),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: the role trusts another service", () => {
        const role = target(ROLE, "flow-logs-role", { assumeRolePolicy: trust("ec2.amazonaws.com") });
        const findings = run(flowLogRole, [target(FLOW_LOG, "vpc-flow", { iamRoleArn: ROLE_ARN, logDestinationType: "cloud-watch-logs" }), role]);
        assert.equal(findings.length, 1);
        assert.equal(findings[0]?.urn, role.urn);
        assert.match(findings[0]?.message ?? "", /does not trust vpc-flow-logs\.amazonaws\.com/);
    });

    it("non-compliant 2: a CloudWatch Logs flow log with no role", () => {
        const flow = target(FLOW_LOG, "vpc-flow", { vpcId: "vpc-id" });
        const findings = run(flowLogRole, [flow]);
        assert.equal(findings.length, 1);
        assert.equal(findings[0]?.urn, flow.urn);
        assert.match(findings[0]?.message ?? "", /no iamRoleArn/);
    });
});
