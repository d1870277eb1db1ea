import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { allControls, controlById, registryProblems, sortById } from "./registry";
import { deployabilityControls } from "./deploy";
import { securityControls } from "./controls";
import type { Control } from "./types";

/** Every control of the pack, sorted: adding or removing one shows in this list's diff. */
const PINNED_IDS = [
    "AwsSolutions-AEC5",
    "AwsSolutions-AEC6",
    "AwsSolutions-CB3",
    "AwsSolutions-CB4",
    "AwsSolutions-ECR1",
    "AwsSolutions-ECS2",
    "AwsSolutions-EVB1",
    "AwsSolutions-IAM4",
    "AwsSolutions-IAM5",
    "AwsSolutions-KMS5",
    "AwsSolutions-SNS3",
    "CodeBuild.1",
    "CodeBuild.2",
    "CodeBuild.3",
    "CodeBuild.4",
    "DEPLOY.CodePipelineV2",
    "DEPLOY.EcsCodeDeploy",
    "DEPLOY.ElastiCacheAuthToken",
    "DEPLOY.ElastiCacheEngineName",
    "DEPLOY.ElastiCacheFailover",
    "DEPLOY.EventBridgeSnsPublish",
    "DEPLOY.FlowLogRole",
    "DEPLOY.InputConstraints",
    "DEPLOY.LambdaImagePushed",
    "DEPLOY.LogGroupKmsPolicy",
    "DEPLOY.NameLimits",
    "DEPLOY.RdsExtendedSupport",
    "DEPLOY.RdsManagedPassword",
    "DEPLOY.RdsWindows",
    "DEPLOY.ServiceRegion",
    "DEPLOY.VersionOffered",
    "DEPLOY.VersionSupport",
    "DynamoDB.1",
    "DynamoDB.2",
    "DynamoDB.6",
    "EC2.10",
    "EC2.15",
    "EC2.18",
    "EC2.19",
    "EC2.2",
    "EC2.55",
    "EC2.56",
    "EC2.57",
    "EC2.58",
    "EC2.6",
    "EC2.60",
    "ECR.1",
    "ECR.2",
    "ECR.3",
    "ECS.1",
    "ECS.10",
    "ECS.12",
    "ECS.16",
    "ECS.18",
    "ECS.2",
    "ECS.20",
    "ECS.3",
    "ECS.4",
    "ECS.5",
    "ECS.8",
    "ECS.9",
    "ELB.1",
    "ELB.12",
    "ELB.13",
    "ELB.17",
    "ELB.18",
    "ELB.21",
    "ELB.22",
    "ELB.4",
    "ELB.5",
    "ELB.6",
    "ElastiCache.1",
    "ElastiCache.2",
    "ElastiCache.3",
    "ElastiCache.4",
    "ElastiCache.5",
    "ElastiCache.6",
    "ElastiCache.7",
    "EventBridge.3",
    "IAM.1",
    "IAM.21",
    "KMS.1",
    "KMS.2",
    "KMS.5",
    "Kinesis.1",
    "Kinesis.3",
    "Lambda.1",
    "Lambda.2",
    "Lambda.5",
    "PCI.DSS.321-CloudWatchLogGroupEncrypted",
    "PCI.DSS.321-CloudWatchLogGroupRetentionPeriod",
    "PCI.DSS.321-LambdaInsideVPC",
    "PCI.DSS.321-S3DefaultEncryptionKMS",
    "PCI.DSS.321-SNSEncryptedKMS",
    "PCI.DSS.321-SecretsManagerUsingKMSKey",
    "RDS.10",
    "RDS.11",
    "RDS.13",
    "RDS.17",
    "RDS.2",
    "RDS.23",
    "RDS.25",
    "RDS.3",
    "RDS.36",
    "RDS.46",
    "RDS.5",
    "RDS.6",
    "RDS.8",
    "RDS.9",
    "S3.1",
    "S3.12",
    "S3.13",
    "S3.2",
    "S3.3",
    "S3.5",
    "S3.6",
    "S3.8",
    "S3.9",
    "SNS.4",
    "SecretsManager.1",
];

describe("registry", () => {
    it("holds exactly the pinned controls, sorted by id", () => {
        assert.deepEqual(
            allControls.map((c) => c.id),
            PINNED_IDS,
        );
        assert.equal(allControls.length, securityControls.length + deployabilityControls.length);
    });

    it("has no duplicate ids, no prod level looser than dev, and no control that reads nothing", () => {
        assert.deepEqual(registryProblems(allControls), []);
    });

    it("finds a control by id", () => {
        assert.equal(controlById("DEPLOY.NameLimits")?.kind, "deployability");
        assert.equal(controlById("RDS.3")?.id, "RDS.3");
        assert.equal(controlById("RDS.99"), undefined);
    });

    it("keeps deploy failures mandatory in both profiles; only Extended Support and coming ends of support are advisory", () => {
        for (const control of deployabilityControls) {
            assert.equal(control.kind, "deployability", control.id);
            assert.match(control.id, /^DEPLOY\./);
            const expected = ["DEPLOY.RdsExtendedSupport", "DEPLOY.VersionSupport"].includes(control.id) ? "advisory" : "mandatory";
            assert.deepEqual(control.levels, { dev: expected, prod: expected }, control.id);
        }
        assert.ok(securityControls.every((c) => c.kind === "security"));
    });

    it("reports duplicate ids, prod looser than dev, and controls that read no type", () => {
        const base = deployabilityControls[0];
        assert.ok(base);
        const looser: Control = { ...base, id: "TEST.Looser", levels: { dev: "mandatory", prod: "advisory" } };
        const empty: Control = { ...base, id: "TEST.Empty", resourceTypes: [] };
        assert.deepEqual(registryProblems([base, base, looser, empty]), [
            `${base.id}: id used by more than one control`,
            "TEST.Looser: prod level advisory is looser than dev level mandatory",
            "TEST.Empty: reads no resource type",
        ]);
    });

    it("sorts in code-point order, whatever the locale", () => {
        const ids = (list: readonly Control[]) => list.map((c) => c.id);
        const [a, b] = deployabilityControls;
        assert.ok(a && b);
        const upper = { ...a, id: "Z.1" };
        const lower = { ...b, id: "a.1" };
        assert.deepEqual(ids(sortById([lower, upper])), ["Z.1", "a.1"]);
    });
});
