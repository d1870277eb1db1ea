import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import * as aws from "@pulumi/aws";
import { securityControls } from "./index";
import type { Level } from "../../model/types";
import type { Rule } from "../types";

/** The ids of the controls the pack implements, pinned so that adding or removing a control shows in the diff. */
const REFERENCE_IDS = [
    "AwsSolutions-AEC5", "AwsSolutions-AEC6", "AwsSolutions-CB3", "AwsSolutions-CB4", "AwsSolutions-ECR1",
    "AwsSolutions-ECS2", "AwsSolutions-EVB1", "AwsSolutions-IAM4", "AwsSolutions-IAM5", "AwsSolutions-KMS5",
    "AwsSolutions-SNS3", "CodeBuild.1", "CodeBuild.2", "CodeBuild.3", "CodeBuild.4", "DynamoDB.1", "DynamoDB.2",
    "DynamoDB.6", "EC2.10", "EC2.15", "EC2.18", "EC2.19", "EC2.2", "EC2.55", "EC2.56", "EC2.57", "EC2.58", "EC2.6",
    "EC2.60", "ECR.1", "ECR.2", "ECR.3", "ECS.1", "ECS.10", "ECS.12", "ECS.16", "ECS.18", "ECS.2", "ECS.20", "ECS.3",
    "ECS.4", "ECS.5", "ECS.8", "ECS.9", "ELB.1", "ELB.12", "ELB.13", "ELB.17", "ELB.18", "ELB.21", "ELB.22", "ELB.4",
    "ELB.5", "ELB.6", "ElastiCache.1", "ElastiCache.2", "ElastiCache.3", "ElastiCache.4", "ElastiCache.5",
    "ElastiCache.6", "ElastiCache.7", "EventBridge.3", "IAM.1", "IAM.21", "KMS.1", "KMS.2", "KMS.5", "Kinesis.1",
    "Kinesis.3", "Lambda.1", "Lambda.2", "Lambda.5", "PCI.DSS.321-CloudWatchLogGroupEncrypted",
    "PCI.DSS.321-CloudWatchLogGroupRetentionPeriod", "PCI.DSS.321-LambdaInsideVPC",
    "PCI.DSS.321-S3DefaultEncryptionKMS", "PCI.DSS.321-SNSEncryptedKMS", "PCI.DSS.321-SecretsManagerUsingKMSKey",
    "RDS.10", "RDS.11", "RDS.13", "RDS.17", "RDS.2", "RDS.23", "RDS.25", "RDS.3", "RDS.36", "RDS.46", "RDS.5",
    "RDS.6", "RDS.8", "RDS.9", "S3.1", "S3.12", "S3.13", "S3.2", "S3.3", "S3.5", "S3.6", "S3.8", "S3.9", "SNS.4",
    "SecretsManager.1",
];

const STRICTNESS: Readonly<Record<Level, number>> = { disabled: 0, advisory: 1, mandatory: 2 };
const HELPERS = ["index.ts", "network.ts", "read.ts", "s3.ts", "statements.ts"];

/** The class @pulumi/aws exposes for a type token `aws:<module>/<member>:<Class>`; `index` is the package root. */
function pulumiTypeOf(token: string): unknown {
    const match = /^aws:([a-z0-9]+)\/[A-Za-z0-9]+:([A-Za-z0-9]+)$/.exec(token);
    if (match === null) return undefined;
    const [, module, className] = match as unknown as [string, string, string];
    const namespace: unknown = module === "index" ? aws : (aws as unknown as Record<string, unknown>)[module];
    const cls = (namespace as Record<string, { __pulumiType?: unknown } | undefined> | undefined)?.[className];
    return cls?.__pulumiType;
}

describe("the security controls", () => {
    it("are the 103 reference controls, each id once, sorted in code-point order", () => {
        const ids = securityControls.map((c) => c.id);
        assert.equal(securityControls.length, 103);
        assert.equal(new Set(ids).size, ids.length);
        assert.deepEqual(ids, [...REFERENCE_IDS].sort());
        assert.deepEqual(ids, [...ids].sort());
    });

    it("live one per file, the file named by the id, and every other file is a helper or a test", () => {
        const files = readdirSync(__dirname).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !HELPERS.includes(f));
        assert.deepEqual(files.map((f) => f.slice(0, -3)).sort(), securityControls.map((c) => c.id));
        for (const control of securityControls) {
            // require, not import(): test files are CommonJS, and Node's ES module resolver finds no extensionless .ts.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const module = require(`./${control.id}`) as { default: Rule };
            assert.equal(module.default.id, control.id, `${control.id}.ts should export the control ${control.id}`);
            assert.equal(module.default.check, control.check, `${control.id}.ts should export the control ${control.id}`);
        }
    });

    it("are security controls with complete metadata", () => {
        for (const c of securityControls) {
            assert.equal(c.kind, "security", c.id);
            assert.ok(c.title.length > 0 && c.remediation.length > 0, c.id);
            assert.match(c.source ?? "", /^https:\/\/(docs\.aws\.amazon\.com\/securityhub\/|github\.com\/cdklabs\/cdk-nag)/, c.id);
            assert.ok(["Critical", "High", "Medium", "Low"].includes(c.severity), c.id);
            assert.ok(c.pci.every((r) => r.startsWith("PCI DSS v")), c.id);
        }
    });

    it("never make prod looser than dev, and say why whenever the profiles differ", () => {
        for (const c of securityControls) {
            assert.ok(STRICTNESS[c.levels.prod] >= STRICTNESS[c.levels.dev], `${c.id}: prod ${c.levels.prod} < dev ${c.levels.dev}`);
            const differs = c.levels.dev !== "mandatory" || c.levels.prod !== "mandatory";
            assert.equal(c.levelReason !== undefined, differs, `${c.id}: levelReason only, and always, when a level is relaxed`);
        }
    });

    it("read only real @pulumi/aws type tokens", () => {
        const tokens = new Set(securityControls.flatMap((c) => c.resourceTypes));
        assert.ok(tokens.size > 40);
        for (const token of tokens) {
            assert.equal(pulumiTypeOf(token), token, `${token} is not a @pulumi/aws resource type`);
        }
        assert.equal(pulumiTypeOf("aws:rds/instance:Instances"), undefined);
    });
});
