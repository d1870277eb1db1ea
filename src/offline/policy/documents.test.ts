import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { actionMatches, grants, principals, statements } from "./documents";

describe("policy documents", () => {
    it("reads statements from a JSON string and from an object, single or list", () => {
        const doc = { Version: "2012-10-17", Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "*" } };
        assert.equal(statements(JSON.stringify(doc)).length, 1);
        assert.equal(statements({ Statement: [doc.Statement, doc.Statement] }).length, 2);
        assert.deepEqual(statements("not json"), []);
        assert.deepEqual(statements(undefined), []);
    });

    it("matches IAM wildcards case-insensitively", () => {
        assert.ok(actionMatches("kms:*", "kms:Decrypt"));
        assert.ok(actionMatches("*", "s3:PutObject"));
        assert.ok(actionMatches("KMS:Re*", "kms:ReEncryptFrom"));
        assert.ok(!actionMatches("kms:Encrypt", "kms:Decrypt"));
        assert.ok(!actionMatches("s3:Get*", "s3:PutObject"));
        assert.ok(grants({ Effect: "Allow", Action: ["sns:Publish", "kms:*"] }, "kms:GenerateDataKey"));
    });

    it("lists principals of every form", () => {
        assert.deepEqual(principals({ Effect: "Allow", Principal: "*" }), ["*"]);
        assert.deepEqual(principals({ Effect: "Allow", Principal: { Service: ["events.amazonaws.com"], AWS: "arn:aws:iam::1:root" } }), [
            "events.amazonaws.com",
            "arn:aws:iam::1:root",
        ]);
    });
});
