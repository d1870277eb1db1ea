import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { inputConstraints, valuesAt } from "./DEPLOY.InputConstraints";
import { previewInputs, run, target, UNKNOWN_STRING } from "../../../../test/support/policy/deploy";

const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const GROUP = "aws:ec2/securityGroup:SecurityGroup";
const LOGS = "aws:cloudwatch/logGroup:LogGroup";
const CACHE = "aws:elasticache/replicationGroup:ReplicationGroup";

describe("DEPLOY.InputConstraints", () => {
    it("character set: an apostrophe in a rule description fails, naming input, value, rule and source", () => {
        const [finding, ...rest] = run(inputConstraints, [target(INGRESS, "in", { description: "From the tasks' port" })]);
        assert.equal(rest.length, 0);
        const m = finding?.message ?? "";
        assert.match(m, /input description = "From the tasks' port"/);
        assert.match(m, /contains "'"/);
        assert.match(m, /AWS::EC2::SecurityGroupIngress Description: "Constraints: Up to 255 characters/);
        assert.match(m, /source: https:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\/.*ec2-securitygroupingress\.html/);
    });

    it("character set: AWS's own list passes, including the symbols it names", () => {
        assert.deepEqual(run(inputConstraints, [target(INGRESS, "in", { description: "HTTPS (443) to AWS APIs: ._-:/()#,@[]+=;{}!$*" })]), []);
    });

    it("nested lists: each inline rule of a security group is checked, by index", () => {
        const findings = run(inputConstraints, [target(GROUP, "sg", { description: "ok", ingress: [{ description: "fine" }, { description: "it's" }] })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /input ingress\[1\]\.description/);
    });

    it("enum: a log retention CloudWatch does not offer fails; one it offers passes", () => {
        assert.match(run(inputConstraints, [target(LOGS, "lg", { retentionInDays: 10 })])[0]?.message ?? "", /is not one of 1, 3, 5, 7, 14/);
        assert.deepEqual(run(inputConstraints, [target(LOGS, "lg", { retentionInDays: 14 })]), []);
    });

    it("length: an auth token over 128 characters fails; 64 passes", () => {
        assert.match(run(inputConstraints, [target(CACHE, "c", { authToken: "a".repeat(129) })])[0]?.message ?? "", /the limit is 128/);
        assert.deepEqual(run(inputConstraints, [target(CACHE, "c", { authToken: "a".repeat(64) })]), []);
    });

    it("an input unknown at preview is not evaluated: no finding and no error, the other inputs still checked", () => {
        const props = previewInputs({ description: UNKNOWN_STRING, ipProtocol: "tcp" });
        assert.deepEqual(run(inputConstraints, [target(INGRESS, "in", props)]), []);
        const group = previewInputs({ ingress: [{ description: UNKNOWN_STRING }, { description: "it's" }] });
        assert.equal(run(inputConstraints, [target(GROUP, "sg", group)]).length, 1);
    });

    it("valuesAt walks lists and objects", () => {
        assert.deepEqual(valuesAt({ a: [{ b: 1 }, { b: 2 }] }, "a[].b"), [
            { path: "a[0].b", value: 1 },
            { path: "a[1].b", value: 2 },
        ]);
        assert.deepEqual(valuesAt({ a: { b: "x" } }, "a.b"), [{ path: "a.b", value: "x" }]);
    });
});
