/**
 * SecureBucket: the lifecycle rules as pure functions, and both purposes on what the fixture
 * project (test/fixtures/cicd) registers.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { planStack } from "../offline/plan/planner";
import { readProject } from "../offline/plan/project";
import type { PlannedResource, StackPlan } from "../offline/model/types";
import { statements } from "../offline/policy/documents";
import { ACCESS_LOG_PREFIX, bucketProblems, lifecycleProblems, lifecycleRules } from "./bucket";

describe("SecureBucket lifecycle", () => {
    it("always aborts incomplete multipart uploads, after 7 days unless told", () => {
        assert.deepEqual(lifecycleRules({}), [
            { id: "abort-incomplete-multipart-uploads", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
        ]);
    });

    it("adds one rule per expiry it is given", () => {
        const rules = lifecycleRules({ expireAfterDays: 30, noncurrentVersionsExpireAfterDays: 7, abortIncompleteMultipartUploadAfterDays: 1 });
        assert.deepEqual(rules.map((r) => r.id), ["abort-incomplete-multipart-uploads", "expire-objects", "expire-noncurrent-versions"]);
        assert.deepEqual(rules[1]!.expiration, { days: 30 });
        assert.deepEqual(rules[2]!.noncurrentVersionExpiration, { noncurrentDays: 7 });
        assert.deepEqual(rules[2]!.expiration, { expiredObjectDeleteMarker: true });
        for (const r of rules) assert.equal(r.status, "Enabled");
    });

    it("rejects days AWS would not accept, each by field", () => {
        assert.deepEqual(lifecycleProblems({ expireAfterDays: 0, noncurrentVersionsExpireAfterDays: 1.5, abortIncompleteMultipartUploadAfterDays: -1 }), [
            "lifecycle.expireAfterDays must be a whole number of days, 1 or more; got 0",
            "lifecycle.noncurrentVersionsExpireAfterDays must be a whole number of days, 1 or more; got 1.5",
            "lifecycle.abortIncompleteMultipartUploadAfterDays must be a whole number of days, 1 or more; got -1",
        ]);
        assert.deepEqual(lifecycleProblems({ expireAfterDays: 1 }), []);
    });
});

describe("SecureBucket arguments", () => {
    it("needs the customer key for data, and refuses it for access logs", () => {
        assert.deepEqual(bucketProblems({ lifecycle: {} }), ["a data bucket needs kmsKeyArn (SSE-KMS with the customer key)"]);
        assert.match(bucketProblems({ purpose: "accessLogs", kmsKeyArn: "arn:aws:kms:x", lifecycle: {} }).join(), /SSE-S3/);
        assert.deepEqual(bucketProblems({ purpose: "accessLogs", lifecycle: {} }), []);
        assert.deepEqual(bucketProblems({ kmsKeyArn: "arn:aws:kms:x", lifecycle: { expireAfterDays: 0 } }).length, 1);
    });
});

describe("SecureBucket under the planner", () => {
    let plan: StackPlan;
    before(async () => {
        plan = await planStack(readProject(path.join(__dirname, "..", "..", "test", "fixtures", "cicd")), "dev");
    });
    const side = (type: string, name: string): PlannedResource => {
        const found = plan.resources.filter((r) => r.type === `aws:s3/${type}` && r.name === name);
        assert.equal(found.length, 1, `one ${type} ${name}`);
        return found[0]!;
    };

    it("passes every S3 control without a waiver (the access-log target may keep SSE-S3)", () => {
        assert.equal(plan.error, null, String(plan.error));
        assert.deepEqual(plan.violations.filter((v) => v.policy.startsWith("S3") || v.policy.includes("S3")), []);
        assert.deepEqual(plan.exceptions.filter((e) => e.policy.includes("S3")), []);
    });

    it("names the bucket explicitly and lets dev destroy it with its objects", () => {
        const bucket = side("bucket:Bucket", "artifacts");
        assert.equal(bucket.inputs.bucket, "fixture-artifacts-dev-123456789012-sa-east-1");
        assert.equal(bucket.inputs.forceDestroy, true);
        assert.deepEqual(bucket.inputs.tags, { Project: "cicd-fixture", ManagedBy: "pulumi" });
    });

    it("disables ACLs, blocks all public access and versions objects", () => {
        for (const name of ["artifacts", "access-logs"]) {
            assert.deepEqual(side("bucketOwnershipControls:BucketOwnershipControls", name).inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
            const block = side("bucketPublicAccessBlock:BucketPublicAccessBlock", name).inputs;
            for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) assert.equal(block[flag], true, `${name} ${flag}`);
            assert.deepEqual(side("bucketVersioning:BucketVersioning", name).inputs.versioningConfiguration, { status: "Enabled" });
        }
    });

    it("encrypts data with the customer key and a bucket key; access logs with SSE-S3", () => {
        const [data] = side("bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "artifacts").inputs.rules as Record<string, unknown>[];
        assert.equal(data!.bucketKeyEnabled, true);
        const byDefault = data!.applyServerSideEncryptionByDefault as Record<string, string>;
        assert.equal(byDefault.sseAlgorithm, "aws:kms");
        assert.match(byDefault.kmsMasterKeyId!, /^arn:aws:kms:sa-east-1:123456789012:key\//);
        const [logs] = side("bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "access-logs").inputs.rules as Record<string, unknown>[];
        assert.deepEqual(logs!.applyServerSideEncryptionByDefault, { sseAlgorithm: "AES256" });
    });

    it("expires objects by the given rules", () => {
        const rules = side("bucketLifecycleConfiguration:BucketLifecycleConfiguration", "artifacts").inputs.rules as Record<string, unknown>[];
        assert.deepEqual(rules, lifecycleRules({ expireAfterDays: 30, noncurrentVersionsExpireAfterDays: 7, abortIncompleteMultipartUploadAfterDays: 2 }));
    });

    it("denies every request without TLS, on the bucket and its objects", () => {
        for (const name of ["artifacts", "access-logs"]) {
            const [deny] = statements(side("bucketPolicy:BucketPolicy", name).inputs.policy);
            const arn = `arn:aws:s3:::fixture-${name}-dev-123456789012-sa-east-1`;
            assert.deepEqual(deny, {
                Sid: "DenyWithoutTls",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [arn, `${arn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            });
        }
    });

    it("logs access to the access-log bucket, which lets only this account's S3 log delivery write", () => {
        const logging = side("bucketLogging:BucketLogging", "artifacts").inputs;
        assert.equal(logging.targetBucket, "fixture-access-logs-dev-123456789012-sa-east-1");
        assert.equal(logging.targetPrefix, `${ACCESS_LOG_PREFIX}fixture-artifacts-dev/`);
        assert.equal(plan.resources.filter((r) => r.type === "aws:s3/bucketLogging:BucketLogging").length, 1, "the log bucket does not log itself");
        const delivery = statements(side("bucketPolicy:BucketPolicy", "access-logs").inputs.policy)[1]!;
        assert.deepEqual(delivery.Principal, { Service: "logging.s3.amazonaws.com" });
        assert.equal(delivery.Resource, `arn:aws:s3:::fixture-access-logs-dev-123456789012-sa-east-1/${ACCESS_LOG_PREFIX}*`);
        assert.deepEqual(delivery.Condition, { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": "arn:aws:s3:::fixture-*" } });
    });
});
