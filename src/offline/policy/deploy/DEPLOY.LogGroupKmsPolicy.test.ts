import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { logGroupKmsPolicy } from "./DEPLOY.LogGroupKmsPolicy";
import { doc, run, target } from "../../../../test/support/policy/deploy";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
const KEY_ARN = "arn:aws:kms:eu-central-1:123456789012:key/logs-key";

const logsStatement = (region: string) => ({
    Effect: "Allow",
    Principal: { Service: `logs.${region}.amazonaws.com` },
    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
    Resource: "*",
});
const rootOnly = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" };

describe("DEPLOY.LogGroupKmsPolicy", () => {
    it("compliant: the key policy trusts the stack region's Logs principal (inline or as a KeyPolicy)", () => {
        assert.deepEqual(
            run(logGroupKmsPolicy, [target(LOG_GROUP, "app-logs", { kmsKeyId: KEY_ARN }), target(KEY, "logs-key", { policy: doc(rootOnly, logsStatement("eu-central-1")) })]),
            [],
        );
        assert.deepEqual(
            run(logGroupKmsPolicy, [
                target(LOG_GROUP, "app-logs", { kmsKeyId: KEY_ARN }),
                target(KEY, "logs-key"),
                target(KEY_POLICY, "logs-key-policy", { keyId: "logs-key-id", policy: doc(logsStatement("eu-central-1")) }),
            ]),
            [],
        );
    });

    it("compliant: unencrypted log groups and keys outside the stack", () => {
        assert.deepEqual(run(logGroupKmsPolicy, [target(LOG_GROUP, "a"), target(LOG_GROUP, "b", { kmsKeyId: "arn:aws:kms:eu-central-1:1:key/shared" })]), []);
    });

    it("non-compliant 1: the key policy trusts only the account", () => {
        const key = target(KEY, "logs-key", { policy: doc(rootOnly) });
        const findings = run(logGroupKmsPolicy, [target(LOG_GROUP, "app-logs", { kmsKeyId: KEY_ARN }), key]);
        assert.equal(findings.length, 1);
        assert.equal(findings[0]?.urn, key.urn);
        assert.match(findings[0]?.message ?? "", /logs\.eu-central-1\.amazonaws\.com/);
        assert.match(findings[0]?.message ?? "", /app-logs/);
    });

    it("non-compliant 2: the key policy trusts another region's Logs principal", () => {
        const findings = run(logGroupKmsPolicy, [
            target(LOG_GROUP, "app-logs", { kmsKeyId: "logs-key-id" }),
            target(KEY, "logs-key", { policy: doc(logsStatement("us-east-1")) }),
        ]);
        assert.equal(findings.length, 1);
    });

    it("non-compliant 3: the key has no policy at all", () => {
        assert.equal(run(logGroupKmsPolicy, [target(LOG_GROUP, "app-logs", { kmsKeyId: KEY_ARN }), target(KEY, "logs-key")]).length, 1);
    });
});
