/**
 * The planner on a deliberately bad program: each fault is reported by the control that owns
 * it, and the plan fails (test/planner.test.ts checks the CLI exits non-zero on it).
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { planFailed, planStack } from "../src/offline/plan/planner";
import { readProject } from "../src/offline/plan/project";
import type { StackPlan } from "../src/offline/model/types";
import { REPO } from "./helpers";

const BAD = path.join(REPO, "test", "fixtures", "bad-project");
let plan: StackPlan;

before(async () => {
    plan = await planStack(readProject(BAD), "dev");
});

describe("planner on a deliberately bad project", () => {
    const faults: [string, string, string][] = [
        ["database open to the internet", "EC2.19", "open"],
        ["security group open to the world", "EC2.18", "open"],
        ["publicly accessible database", "RDS.2", "db"],
        ["unencrypted database", "RDS.3", "db"],
        ["default administrator name", "RDS.25", "db"],
        ["subnet assigning public IPs", "EC2.15", "public"],
        ["public bucket", "S3.2", "public-bucket"],
        ["bucket without a public access block", "S3.8", "public-bucket"],
        ["bucket without KMS encryption", "PCI.DSS.321-S3DefaultEncryptionKMS", "public-bucket"],
        ["wildcard IAM", "IAM.1", "admin"],
        ["name over AWS's limit", "DEPLOY.NameLimits", "db"],
        ["bucket name AWS rejects", "DEPLOY.NameLimits", "public-bucket"],
        ["retired PostgreSQL minor version", "DEPLOY.VersionOffered", "db"],
        ["PostgreSQL 11.22, a minor of a major past end of standard support", "DEPLOY.VersionOffered", "old-db"],
        ["an apostrophe in a security group rule description", "DEPLOY.InputConstraints", "open"],
        ["a log retention CloudWatch does not offer", "DEPLOY.InputConstraints", "logs"],
        ["managed password combined with a password", "DEPLOY.RdsManagedPassword", "db"],
        ["auth token without transit encryption", "DEPLOY.ElastiCacheAuthToken", "cache"],
        ["failover with one node", "DEPLOY.ElastiCacheFailover", "cache"],
        ["pipeline left on V1", "DEPLOY.CodePipelineV2", "pipeline"],
        ["retired Lambda runtime", "DEPLOY.VersionOffered", "legacy"],
        ["VPC without flow logs", "EC2.6", "vpc"],
    ];
    for (const [what, policy, resource] of faults) {
        it(`reports the ${what} (${policy} on ${resource})`, () => {
            const hit = plan.violations.find((v) => v.policy === policy && (v.urn ?? "").endsWith(`::${resource}`));
            assert.ok(hit, `${policy} on ${resource} not reported; got: ${[...new Set(plan.violations.map((v) => v.policy))].join(", ")}`);
            assert.ok(hit.message.length > 10, "the message says what to fix");
        });
    }

    it("fails the plan", () => {
        assert.equal(plan.error, null, "the program itself ran");
        assert.ok(planFailed(plan));
        assert.ok(plan.policySummary!.failed >= 15);
    });
});
