import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { target } from "../../../test/support/resources";
import { arnServiceFits, awsName, refersTo, tokensOf, UNKNOWN } from "./references";

const bucket = target("aws:s3/bucket:Bucket", "orders-logs", { bucket: "fastcart-orders-logs-dev" });
const db = target("aws:rds/instance:Instance", "orders-db", { identifier: "fastcart-orders-db-dev" });
const key = target("aws:kms/key:Key", "orders-key");

describe("which resource a string points at", () => {
    it("matches the mock id, the logical name, the URN and explicit name inputs", () => {
        assert.ok(refersTo("orders-logs-id", bucket));
        assert.ok(refersTo("orders-logs", bucket));
        assert.ok(refersTo(bucket.urn, bucket));
        assert.ok(refersTo("fastcart-orders-logs-dev", bucket));
        assert.ok(refersTo("fastcart-orders-db-dev", db));
        assert.ok(refersTo("orders-key-key-id", key), "a KMS key's mock id is <name>-key-id");
    });

    it("matches ARNs, paths and endpoints whose segment is the logical name, the id or the AWS name", () => {
        assert.ok(refersTo("arn:aws:s3:::fastcart-orders-logs-dev", bucket));
        assert.ok(refersTo("arn:aws:s3:::orders-logs/*", bucket));
        assert.ok(refersTo("arn:aws:rds:us-east-1:123456789012:db:orders-db", db));
        assert.ok(refersTo("fastcart-orders-db-dev.abc123.us-east-1.rds.amazonaws.com", db));
        assert.ok(refersTo("arn:aws:kms:eu-central-1:123456789012:key/orders-key-key-id", key));
    });

    it("matches a secret's ARN, whose name carries a random suffix, and task definition revisions", () => {
        const secret = target("aws:secretsmanager/secret:Secret", "db-secret", { name: "fastcart-orders-db-dev" });
        assert.ok(refersTo("arn:aws:secretsmanager:us-east-1:123456789012:secret:fastcart-orders-db-dev-AbCdEf", secret));
        assert.ok(!refersTo("arn:aws:secretsmanager:us-east-1:123456789012:secret:fastcart-orders-cache-dev-AbCdEf", secret));
        const task = target("aws:ecs/taskDefinition:TaskDefinition", "api-task", { family: "orders-api" });
        for (const ref of ["api-task-id", "orders-api:12", "arn:aws:ecs:eu-central-1:1:task-definition/orders-api:3", "arn:aws:ecs:eu-central-1:1:task-definition/api-task"]) {
            assert.ok(refersTo(ref, task), ref);
        }
        for (const ref of ["my-orders-api:3", "api-task-id-2", "arn:aws:ecs:eu-central-1:1:task-definition/my-api-task"]) {
            assert.ok(!refersTo(ref, task), ref);
        }
    });

    it("matches any element of a list", () => {
        assert.ok(refersTo(["other-id", "orders-logs-id"], bucket));
        assert.ok(!refersTo(["other-id"], bucket));
    });

    it("never matches a name that merely contains the target's, nor non-strings, empty or unknown values", () => {
        assert.ok(!refersTo("orders-logs-archive-id", bucket));
        assert.ok(!refersTo("arn:aws:rds:us-east-1:1:db:orders-db-replica", db));
        assert.ok(!refersTo("fastcart-orders-db-backup", db));
        for (const value of ["", undefined, 42, UNKNOWN]) assert.ok(!refersTo(value, bucket), String(value));
    });

    it("lets an ARN name only resources of its own service", () => {
        const logGroup = target("aws:cloudwatch/logGroup:LogGroup", "pipeline");
        const pipeline = target("aws:codepipeline/pipeline:Pipeline", "pipeline");
        assert.ok(refersTo("arn:aws:logs:us-east-1:1:log-group:pipeline", logGroup));
        assert.ok(!refersTo("arn:aws:logs:us-east-1:1:log-group:pipeline", pipeline));
        assert.ok(arnServiceFits("elasticloadbalancing", "aws:lb/targetGroup:TargetGroup"));
        assert.ok(arnServiceFits("events", "aws:cloudwatch/eventRule:EventRule"));
        assert.ok(!arnServiceFits("s3", "random:index/randomPassword:RandomPassword"));
    });

    it("reads the AWS name from the input each type uses, and knows each resource by its tokens", () => {
        assert.equal(awsName(target("aws:s3/bucket:Bucket", "b", { bucket: "my-bucket" })), "my-bucket");
        assert.equal(awsName(db), "fastcart-orders-db-dev");
        assert.equal(awsName(target("aws:iam/role:Role", "r")), undefined);
        assert.deepEqual(tokensOf(key).sort(), [key.urn, "orders-key", "orders-key-id", "orders-key-key-id"].sort());
    });
});
