import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { planned, target, urnOf } from "../../../test/support/resources";
import { estimateCost } from "../cost/model";
import { evaluatePolicies } from "../policy/engine";
import { buildDiagram } from "../report/diagram";
import { indexWork, PlanIndex, planOf } from "./plan";
import { UNKNOWN } from "./references";
import type { PlannedResource } from "./types";

const BUCKET = "aws:s3/bucket:Bucket";
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const KEY = "aws:kms/key:Key";

describe("the plan index", () => {
    const a = target(BUCKET, "a", { bucket: "shop-a-dev" });
    const b = target(BUCKET, "b", { bucket: "shop-b-dev" });
    const policyA = target(POLICY, "a-policy", { bucket: "a-id" });
    const policyB = target(POLICY, "b-policy", { bucket: "arn:aws:s3:::shop-b-dev" });
    const plan = new PlanIndex([a, b, policyA, policyB]);

    it("answers by type in plan order, and by URN", () => {
        assert.deepEqual(plan.ofType(BUCKET), [a, b]);
        assert.deepEqual(plan.ofType(POLICY, BUCKET), [a, b, policyA, policyB]);
        assert.equal(plan.get(policyB.urn), policyB);
        assert.ok(plan.has(KEY, POLICY));
        assert.ok(!plan.has(KEY));
    });

    it("finds the resources of a type whose input points at a target", () => {
        assert.deepEqual(plan.referencing(POLICY, "bucket", a), [policyA]);
        assert.deepEqual(plan.referencing(POLICY, "bucket", b), [policyB]);
        assert.deepEqual(plan.referencing(POLICY, "policy", a), []);
    });

    it("resolves a value to the resources of the types asked for, the strongest match first", () => {
        const key = target(KEY, "orders-key");
        const logsKey = target(KEY, "orders-key-logs");
        const keys = new PlanIndex([key, logsKey]);
        assert.deepEqual(keys.resolve("arn:aws:kms:eu-central-1:1:key/orders-key-logs-key-id", [KEY]), [logsKey]);
        assert.deepEqual(keys.resolve("orders-key-id", [KEY]), [key]);
        assert.deepEqual(keys.resolve("orders-key", [BUCKET]), []);
        assert.deepEqual(keys.resolve("something-else", [KEY]), []);
    });

    it("puts the resources the source depends on first when a string matches several", () => {
        // Two resources of one type may share a logical name under different parents.
        const first = { ...target(BUCKET, "data"), urn: "urn:pulumi:dev::fixture::a$aws:s3/bucket:Bucket::data" };
        const second = { ...target(BUCKET, "data"), urn: "urn:pulumi:dev::fixture::b$aws:s3/bucket:Bucket::data" };
        const policy = { ...target(POLICY, "p", { bucket: "data-id" }), dependsOn: [second.urn] };
        const index = new PlanIndex([first, second, policy]);
        assert.deepEqual(index.resolveInput(policy, "bucket", BUCKET), [second, first]);
        assert.deepEqual(index.pointedAt(policy, policy.inputs?.bucket ?? policy.props.bucket, [first, second]), [second]);
    });

    it("answers an unknown value from the input's property dependencies, else the resource's", () => {
        const precise = { ...target(POLICY, "p1", {}), inputs: { bucket: UNKNOWN }, propertyDependencies: { bucket: [b.urn] }, dependsOn: [a.urn, b.urn] };
        const coarse = { ...target(POLICY, "p2", {}), inputs: { bucket: UNKNOWN }, dependsOn: [a.urn] };
        const index = new PlanIndex([a, b, precise, coarse]);
        assert.deepEqual(index.resolveInput(precise, "bucket", BUCKET), [b]);
        assert.deepEqual(index.resolveInput(coarse, "bucket", BUCKET), [a]);
        assert.deepEqual(index.referencing(POLICY, "bucket", b), [precise]);
        assert.deepEqual(index.referencing(POLICY, "bucket", a), [coarse]);
        assert.deepEqual(index.resolve(UNKNOWN, [BUCKET]), [], "without a source there is nothing to answer from");
    });

    it("is built once per list of resources", () => {
        const list = [a, b];
        assert.equal(planOf(list), planOf(list));
        assert.notEqual(planOf(list), planOf([...list]));
    });
});

/** A stack of `n` buckets, each with the side resources the S3 controls look for, and a shared key and log bucket. */
function buckets(n: number): PlannedResource[] {
    const logs = planned(BUCKET, "logs", { bucket: "shop-logs-dev" });
    const key = planned(KEY, "key", { enableKeyRotation: true });
    const out = [logs, key];
    for (let i = 0; i < n; i++) {
        const name = `data-${i}`;
        const urn = urnOf(BUCKET, name);
        out.push(
            planned(BUCKET, name, { bucket: `shop-${name}-dev` }),
            planned(POLICY, `${name}-policy`, { bucket: `shop-${name}-dev`, policy: JSON.stringify({ Statement: [] }) }, [urn]),
            planned("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", `${name}-public`, { bucket: `shop-${name}-dev`, blockPublicAcls: true }, [urn]),
            planned("aws:s3/bucketLogging:BucketLogging", `${name}-logging`, { bucket: `shop-${name}-dev`, targetBucket: "shop-logs-dev" }, [urn, logs.urn]),
            planned("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", `${name}-sse`, {
                bucket: `shop-${name}-dev`,
                rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "key-key-id" } }],
            }, [urn, key.urn]),
        );
    }
    return out;
}

/** The index work of checking, pricing and drawing one plan. */
function work(resources: readonly PlannedResource[]): number {
    const before = indexWork.visited;
    evaluatePolicies(resources, { profile: "prod", region: "us-east-1", exceptions: [] });
    estimateCost(resources, { region: "us-east-1" });
    buildDiagram({ project: "shop", stack: "dev", resources });
    return indexWork.visited - before;
}

describe("checking a plan at scale", () => {
    it("does work linear in the number of resources: four times the buckets, at most about four times the work", () => {
        const small = work(buckets(40));
        const large = work(buckets(160));
        assert.ok(small > 200, `the checks should go through the index (visited ${small})`);
        // Linear work grows 4x; a check that rescans every resource per bucket grows 16x.
        assert.ok(large / small < 4.6, `work grew ${(large / small).toFixed(2)}x for 4x the resources (${small} -> ${large})`);
    });
});
