import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { explicitName, findReferenced, matchStrength, refersTo } from "./refs";
import { target } from "./fixture";

const key = target("aws:kms/key:Key", "orders-key");
const logsKey = target("aws:kms/key:Key", "orders-key-logs");
const service = target("aws:ecs/service:Service", "api", { name: "fastcart-api-dev" });

describe("resource references", () => {
    it("matches the mock id, the explicit name and the URN exactly", () => {
        assert.equal(matchStrength("orders-key-id", key), 3);
        assert.equal(matchStrength("fastcart-api-dev", service), 3);
        assert.equal(matchStrength(key.urn, key), 3);
    });

    it("matches an ARN ending in the logical name more strongly than a string containing it", () => {
        assert.equal(matchStrength("arn:aws:kms:eu-central-1:123456789012:key/orders-key", key), 2);
        assert.equal(matchStrength("arn:aws:sns:eu-central-1:123456789012:orders-key", key), 2);
        assert.equal(matchStrength("prefix-orders-key-suffix", key), 1);
    });

    it("matches ARNs the mock runtime builds from an id or an explicit name", () => {
        const role = target("aws:iam/role:Role", "orders-network-flow-logs", { name: "fastcart-flow-logs-dev" });
        assert.equal(matchStrength("arn:aws:iam::123456789012:role/fastcart-flow-logs-dev", role), 3);
        assert.equal(matchStrength("arn:aws:sns:eu-central-1:123456789012:fastcart-api-dev", service), 3);
        assert.equal(matchStrength("arn:aws:kms:eu-central-1:123456789012:key/orders-key-id", key), 3);
        assert.equal(matchStrength("arn:aws:kms:eu-central-1:123456789012:key/orders-key-key-id", key), 2);
        assert.equal(findReferenced("arn:aws:kms:eu-central-1:1:key/orders-key-logs-key-id", [key, logsKey]), logsKey);
    });

    it("does not match other strings, non-strings or empty values", () => {
        assert.equal(refersTo("payments-key-id", key), false);
        assert.equal(refersTo(undefined, key), false);
        assert.equal(refersTo(42, key), false);
        assert.equal(refersTo("", key), false);
    });

    it("prefers the most specific candidate", () => {
        const candidates = [key, logsKey];
        assert.equal(findReferenced("arn:aws:kms:eu-central-1:1:key/orders-key-logs", candidates), logsKey);
        assert.equal(findReferenced("arn:aws:kms:eu-central-1:1:key/orders-key", candidates), key);
        assert.equal(findReferenced("orders-key-logs-id", candidates), logsKey);
        assert.equal(findReferenced("something-else", candidates), undefined);
    });

    it("reads the explicit name from the input each type uses", () => {
        assert.equal(explicitName(target("aws:s3/bucket:Bucket", "b", { bucket: "my-bucket" })), "my-bucket");
        assert.equal(explicitName(target("aws:rds/instance:Instance", "db", { identifier: "orders-db" })), "orders-db");
        assert.equal(explicitName(target("aws:iam/role:Role", "r")), undefined);
    });
});
