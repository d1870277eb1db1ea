/**
 * A deployability finding's input, value, rule and source in each place a finding is shown: the
 * plan's JSON (the violation's fields), the terminal, the HTML report. The CrossGuard pack, which
 * carries a message only, is pinned in pack.test.ts.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { StackPlan, Violation } from "../model/types";
import { formatPlan } from "../plan/format";
import { renderReport } from "../report/html";
import { deployabilityControls } from "./deploy";
import { evaluatePolicies } from "./engine";
import { planned } from "../../../test/support/policy/deploy";

const MARIADB_PAGE = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MariaDB.Concepts.VersionMgmt.html";

function plan(): StackPlan {
    const resources = [
        // Retired in 2022: the same verdict on any day the test runs.
        planned("aws:rds/instance:Instance", "db", { engine: "mariadb", engineVersion: "10.2.44", engineLifecycleSupport: "open-source-rds-standard-support" }),
        planned("aws:ec2/securityGroup:SecurityGroup", "web", { description: "the shop's web tier" }),
        planned("aws:codepipeline/pipeline:Pipeline", "deploy", { name: "deploy-dev", pipelineType: "V1" }),
    ];
    const { violations, exceptions, summary } = evaluatePolicies(resources, { profile: "prod", region: "eu-central-1", exceptions: [], controls: deployabilityControls });
    return { project: "shop", stack: "prod", region: "eu-central-1", profile: "prod", resources, outputs: {}, violations, exceptions, policySummary: summary, cost: null, error: null };
}

const of = (p: StackPlan, policy: string): Violation => {
    const v = p.violations.find((x) => x.policy === policy);
    assert.ok(v, `${policy} in ${p.violations.map((x) => x.policy).join(", ")}`);
    return v;
};

describe("a finding's input, value, rule and source", () => {
    const p = plan();

    it("are fields of the violation in the plan's JSON, and said in its message", () => {
        const json = JSON.parse(JSON.stringify({ plans: [p] })) as { plans: StackPlan[] };
        const version = of(json.plans[0]!, "DEPLOY.VersionOffered");
        assert.deepEqual(
            { input: version.input, value: version.value, rule: version.rule, source: version.source },
            { input: "engineVersion", value: "10.2.44", rule: "no new resources on 10.2 from 2022-10-15", source: "https://aws.amazon.com/blogs/database/upgrading-from-amazon-rds-for-mariadb-version-10-2/" },
        );
        const description = of(json.plans[0]!, "DEPLOY.InputConstraints");
        assert.equal(description.input, "description");
        assert.equal(description.value, "the shop's web tier");
        assert.match(description.rule ?? "", /^AWS::EC2::SecurityGroup GroupDescription/);
        assert.match(description.source ?? "", /aws-resource-ec2-securitygroup\.html$/);
        for (const v of [version, description]) for (const part of [v.input, v.value, v.rule, v.source]) assert.ok(v.message.includes(part!), part);
        // The original fields stay: policy, level, urn, message, remediation.
        assert.equal(version.level, "mandatory");
        assert.match(version.urn ?? "", /::db$/);
        assert.ok(version.remediation);
    });

    it("a finding without its own source keeps the control's, and its rule joins the message", () => {
        const v2 = of(p, "DEPLOY.CodePipelineV2");
        assert.equal(v2.source, "https://aws.amazon.com/codepipeline/pricing/");
        assert.equal(v2.input, "pipelineType");
        assert.equal(v2.value, "V1");
        assert.match(v2.message, /\[rule: pipelineType "V2"\]$/);
    });

    it("in the terminal: the finding on one line with its input, value and rule, and the source once", () => {
        const text = formatPlan(p);
        const line = text.split("\n").find((l) => l.includes("FAIL DEPLOY.VersionOffered"));
        assert.ok(line);
        for (const part of ['engineVersion = "10.2.44"', "rule: no new resources on 10.2 from 2022-10-15", "source: https://aws.amazon.com/blogs/database/"]) assert.ok(line.includes(part), part);
        assert.equal(text.split("upgrading-from-amazon-rds-for-mariadb-version-10-2").length - 1, 1);
        // A source the message does not name is printed under it.
        assert.ok(text.includes("source: https://aws.amazon.com/codepipeline/pricing/"));
    });

    it("in the HTML report: input, value and rule as fields under the message, then the source", () => {
        const html = renderReport({ plans: [p], diagrams: ["<svg></svg>"], generatedAt: new Date("2026-12-02T00:00:00Z") });
        assert.ok(html.includes('<div class="detail"><b>Input:</b> <code>engineVersion</code> = <code>10.2.44</code> · <b>Rule:</b> no new resources on 10.2 from 2022-10-15</div>'));
        assert.ok(html.includes('<div class="source">Source: https://aws.amazon.com/blogs/database/upgrading-from-amazon-rds-for-mariadb-version-10-2/</div>'));
        assert.ok(html.includes("<code>description</code> = <code>the shop&#39;s web tier</code>"));
        assert.ok(!html.includes(MARIADB_PAGE), "the control's combined source list is not the finding's source");
    });
});
