/**
 * service-pipeline, dev and prod, with either source provider: every requirement of the design
 * asserted on what the program registers under the mock runtime.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEPLOYMENT_HISTORY_KEYS } from "../src/functions/lambdaRelease/history";
import type { PlannedResource, StackPlan } from "../src/offline/model/types";
import { appArn, FUNCTION, planService, policiesOf } from "./support/service";
import { actionsOf, assertClean, assertTagged, byName, docStatements, input, ofType, one, projectDir, resourcesOf } from "./helpers";

let dev: StackPlan;
let prod: StackPlan;
/** dev with a CodeCommit source and a deployment role trusted by another account. */
let codecommit: StackPlan;

before(async () => {
    ({ dev, prod, codecommit } = await planService());
});

describe("service-pipeline: every stack", () => {
    it("plans without errors and without mandatory policy violations, with either source", () => {
        assertClean(dev);
        assertClean(prod);
        assertClean(codecommit);
    });

    it("exports the outputs the design names, with real values", () => {
        for (const p of [dev, prod, codecommit]) {
            for (const name of ["pipelineArn", "pipelineUrl", "ecrRepositoryUri", "lambdaFunctionArn", "deploymentTableName"]) {
                assert.ok(typeof p.outputs[name] === "string" && p.outputs[name] !== "", `${p.stack} ${name} is empty`);
            }
        }
        assert.deepEqual(Object.keys(dev.outputs).sort(), [
            "codecommitCloneUrl", "deployFunctionName", "deploymentRoleArn", "deploymentTableName", "ecrRepositoryUri",
            "lambdaFunctionArn", "pipelineArn", "pipelineUrl", "sourceConnectionArn", "sourceConnectionStatus",
        ]);
        assert.equal(dev.outputs.pipelineArn, "arn:aws:codepipeline:us-east-1:123456789012:service-pipeline-release-dev");
        assert.equal(dev.outputs.pipelineUrl, "https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/service-pipeline-release-dev/view?region=us-east-1");
        assert.equal(dev.outputs.ecrRepositoryUri, "123456789012.dkr.ecr.us-east-1.amazonaws.com/service-pipeline-app-dev");
        assert.equal(dev.outputs.lambdaFunctionArn, appArn("dev"));
        assert.equal(dev.outputs.deploymentTableName, "service-pipeline-deployments-dev");
        assert.equal(prod.outputs.deploymentTableName, "service-pipeline-deployments-prod");
    });

    it("tags every taggable resource for cost allocation", () => {
        assertTagged(dev, { Project: "service-pipeline", Environment: "dev", CostCenter: "commerce-platform", ManagedBy: "pulumi" });
        assertTagged(prod, { Project: "service-pipeline", Environment: "prod", Profile: "prod" });
        assertTagged(codecommit, { Project: "service-pipeline", Environment: "dev" });
    });

    it("names AWS resources service-pipeline-<resource>-<suffix>", () => {
        for (const p of [dev, prod]) {
            const names = [
                ...ofType(p, "aws:iam/role:Role").map((r) => input<string>(r, "name")),
                ...ofType(p, "aws:lambda/function:Function").map((r) => input<string>(r, "name")),
                ...ofType(p, "aws:s3/bucket:Bucket").map((r) => input<string>(r, "bucket")),
                ...ofType(p, "aws:codebuild/project:Project").map((r) => input<string>(r, "name")),
                ...ofType(p, "aws:cloudwatch/eventRule:EventRule").map((r) => input<string>(r, "name")),
                input<string>(one(p, "aws:ecr/repository:Repository"), "name"),
                input<string>(one(p, "aws:dynamodb/table:Table"), "name"),
                input<string>(one(p, "aws:codepipeline/pipeline:Pipeline"), "name"),
                input<string>(one(p, "aws:sns/topic:Topic"), "name"),
            ];
            // S3 names are global: buckets add the account and region (mock account, us-east-1).
            for (const n of names) assert.match(n, new RegExp(`^service-pipeline-[a-z0-9-]+-${p.stack}(-123456789012-us-east-1)?$`));
            for (const r of ofType(p, "aws:s3/bucket:Bucket")) assert.match(input<string>(r, "bucket"), new RegExp(`-${p.stack}-123456789012-us-east-1$`));
        }
    });

    it("waives controls only where they conflict with AWS or the design, each with its reason", () => {
        const waived = (p: StackPlan) => p.exceptions.map((e) => `${e.policy} ${e.urn?.split("::").pop()}`).sort();
        assert.deepEqual(waived(dev), [
            "AwsSolutions-IAM5 service-deployer-role-report-jobs",
            "AwsSolutions-IAM5 service-image-build-role-service-registry-push",
            "AwsSolutions-IAM5 service-pipeline-role-pipeline",
            "DynamoDB.6 deployment-history",
        ]);
        assert.deepEqual(waived(prod), [
            "AwsSolutions-IAM5 service-deployer-role-report-jobs",
            "AwsSolutions-IAM5 service-image-build-role-service-registry-push",
            "AwsSolutions-IAM5 service-pipeline-role-pipeline",
            "PCI.DSS.321-LambdaInsideVPC service-app",
            "PCI.DSS.321-LambdaInsideVPC service-deployer",
        ]);
    });
});

describe("service-pipeline: ECR", () => {
    it("scans on push, encrypts with the customer key and keeps the newest 10 images", () => {
        const repo = one(dev, "aws:ecr/repository:Repository");
        assert.deepEqual(input(repo, "imageScanningConfiguration"), { scanOnPush: true });
        assert.deepEqual(input(repo, "encryptionConfigurations"), [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:us-east-1:123456789012:key/service-key-key-id" }]);
        const rules = (JSON.parse(input<string>(one(dev, "aws:ecr/lifecyclePolicy:LifecyclePolicy"), "policy")) as { rules: { selection: Record<string, unknown> }[] }).rules;
        assert.ok(rules.some((r) => r.selection.tagStatus === "any" && r.selection.countType === "imageCountMoreThan" && r.selection.countNumber === 10));
    });

    it("has mutable tags and is deleted with the stack in dev; immutable tags and kept in prod", () => {
        assert.equal(input(one(dev, "aws:ecr/repository:Repository"), "imageTagMutability"), "MUTABLE");
        assert.equal(input(one(dev, "aws:ecr/repository:Repository"), "forceDelete"), true);
        assert.equal(input(one(prod, "aws:ecr/repository:Repository"), "imageTagMutability"), "IMMUTABLE");
        assert.equal(input(one(prod, "aws:ecr/repository:Repository"), "forceDelete"), false);
    });

    it("lets Lambda pull images for this account's functions only", () => {
        const [statement] = docStatements(one(dev, "aws:ecr/repositoryPolicy:RepositoryPolicy"));
        assert.deepEqual(statement!.Principal, { Service: "lambda.amazonaws.com" });
        assert.deepEqual(actionsOf(statement!).sort(), ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]);
        assert.deepEqual(statement!.Condition, { StringLike: { "aws:sourceArn": "arn:aws:lambda:us-east-1:123456789012:function:*" } });
    });
});

describe("service-pipeline: the application function", () => {
    it("is created from a bootstrap image the program builds from public.ecr.aws/lambda/nodejs:22 and pushes to the repository", () => {
        const image = one(dev, "docker-build:index:Image");
        assert.equal(input(image, "push"), true);
        assert.deepEqual(input(image, "platforms"), ["linux/amd64"]);
        assert.deepEqual(input(image, "context"), { location: "bootstrap" }, "relative to the project folder, where Pulumi runs the program");
        assert.match(fs.readFileSync(path.join(projectDir("service-pipeline"), "bootstrap", "Dockerfile"), "utf8"), /^FROM public\.ecr\.aws\/lambda\/nodejs:22$/m);
        const [tag] = input<string[]>(image, "tags");
        assert.match(tag!, /^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/service-pipeline-app-dev:bootstrap-[0-9a-f]{12}$/);
        assert.equal(input<string[]>(one(prod, "docker-build:index:Image"), "tags")[0]!.split(":").pop(), tag!.split(":").pop(), "the tag follows the folder's content");

        const fn = one(dev, FUNCTION, "service-app");
        assert.equal(input(fn, "packageType"), "Image");
        assert.equal(
            input(fn, "imageUri"),
            `123456789012.dkr.ecr.us-east-1.amazonaws.com/service-pipeline-app-dev@sha256:${"0".repeat(64)}`,
            "the pushed image by digest alone: Lambda rejects a tag and a digest together",
        );
        assert.ok(fn.dependsOn.includes(image.urn), "the function waits for the push");
        assert.ok(fn.dependsOn.includes(one(dev, "aws:ecr/repositoryPolicy:RepositoryPolicy").urn), "and for the policy that lets Lambda pull");
        assert.deepEqual(input(fn, "architectures"), ["x86_64"]);
    });

    it("has 1024 MB, 30 s, 50 reserved executions in prod only, and the table name and suffix in its encrypted environment", () => {
        for (const p of [dev, prod]) {
            const fn = one(p, FUNCTION, "service-app");
            assert.equal(input(fn, "name"), `service-pipeline-app-${p.stack}`);
            assert.equal(input(fn, "memorySize"), 1024);
            assert.equal(input(fn, "timeout"), 30);
            // A new account's quota (10) cannot spare 50 with 100 kept unreserved: dev leaves it unset.
            assert.equal(input(fn, "reservedConcurrentExecutions"), p === prod ? 50 : undefined);
            assert.deepEqual(input(fn, "environment"), { variables: { DEPLOYMENT_TABLE_NAME: `service-pipeline-deployments-${p.stack}`, ENVIRONMENT_SUFFIX: p.stack } });
            assert.match(input<string>(fn, "kmsKeyArn"), /^arn:aws:kms:/);
        }
    });

    it("logs JSON to its own encrypted log group: 7 days in dev, a year in prod", () => {
        assert.deepEqual(input(one(dev, FUNCTION, "service-app"), "loggingConfig"), { logFormat: "JSON", logGroup: "/aws/lambda/service-pipeline-app-dev" });
        const group = byName(dev, "service-app-logs");
        assert.equal(input(group, "name"), "/aws/lambda/service-pipeline-app-dev");
        assert.equal(input(group, "retentionInDays"), 7);
        assert.match(input<string>(group, "kmsKeyId"), /^arn:aws:kms:/);
        assert.equal(input(byName(prod, "service-app-logs"), "retentionInDays"), 365);
    });

    it("alarms to the SNS topic on more than 5 errors in 5 minutes", () => {
        for (const p of [dev, prod]) {
            const alarm = one(p, "aws:cloudwatch/metricAlarm:MetricAlarm");
            assert.equal(input(alarm, "namespace"), "AWS/Lambda");
            assert.equal(input(alarm, "metricName"), "Errors");
            assert.deepEqual(input(alarm, "dimensions"), { FunctionName: `service-pipeline-app-${p.stack}` });
            assert.equal(input(alarm, "statistic"), "Sum");
            assert.equal(input(alarm, "comparisonOperator"), "GreaterThanThreshold");
            assert.equal(input(alarm, "threshold"), 5);
            assert.equal(input(alarm, "period"), 300);
            assert.equal(input(alarm, "evaluationPeriods"), 1);
            assert.deepEqual(input(alarm, "alarmActions"), [`arn:aws:sns:us-east-1:123456789012:service-pipeline-alerts-${p.stack}`]);
        }
    });

    it("may only read the deployment history and write its own logs", () => {
        const statements = policiesOf(dev, "service-pipeline-app-fn-dev");
        assert.deepEqual(statements.flatMap(actionsOf).sort(), ["dynamodb:GetItem", "dynamodb:Query", "kms:Decrypt", "kms:DescribeKey", "logs:CreateLogStream", "logs:PutLogEvents"]);
        assert.deepEqual(statements.find((s) => s.Sid === "TableKey")!.Condition, { StringEquals: { "kms:ViaService": "dynamodb.us-east-1.amazonaws.com" } });
        assert.deepEqual(resourcesOf(statements.find((s) => s.Sid === "ReadItems")!), ["arn:aws:dynamodb:us-east-1:123456789012:table/service-pipeline-deployments-dev"]);
    });
});

describe("service-pipeline: deployment history table", () => {
    it("has the deploy function's key schema, on-demand billing, point-in-time recovery and the customer key", () => {
        for (const p of [dev, prod]) {
            const table = one(p, "aws:dynamodb/table:Table");
            assert.equal(input(table, "hashKey"), "deploymentId");
            assert.equal(input(table, "rangeKey"), "timestamp");
            assert.deepEqual(input(table, "attributes"), DEPLOYMENT_HISTORY_KEYS.attributes.map((a) => ({ ...a })));
            assert.deepEqual(input(table, "attributes"), [{ name: "deploymentId", type: "S" }, { name: "timestamp", type: "S" }]);
            assert.equal(input(table, "billingMode"), "PAY_PER_REQUEST");
            assert.deepEqual(input(table, "pointInTimeRecovery"), { enabled: true });
            assert.deepEqual(input(table, "serverSideEncryption"), { enabled: true, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/service-key-key-id" });
        }
    });

    it("is destroyable in dev; deletion-protected and protected in prod", () => {
        assert.equal(input(one(dev, "aws:dynamodb/table:Table"), "deletionProtectionEnabled"), false);
        assert.equal(one(dev, "aws:dynamodb/table:Table").protect, false);
        assert.equal(input(one(prod, "aws:dynamodb/table:Table"), "deletionProtectionEnabled"), true);
        assert.equal(one(prod, "aws:dynamodb/table:Table").protect, true);
    });
});

describe("service-pipeline: the deploy function", () => {
    it("is the repository's bundle on Node.js 22, with the table, suffix and target in its environment", () => {
        const fn = one(dev, FUNCTION, "service-deployer");
        assert.equal(input(fn, "name"), "service-pipeline-deploy-dev");
        assert.equal(input(fn, "packageType"), "Zip");
        assert.equal(input(fn, "runtime"), "nodejs22.x");
        assert.equal(input(fn, "handler"), "index.handler");
        assert.equal(input<Record<string, unknown>>(fn, "code").__pulumiArchive, true);
        assert.equal(input(fn, "timeout"), 300);
        assert.deepEqual(input(fn, "environment"), {
            variables: { DEPLOYMENT_TABLE_NAME: "service-pipeline-deployments-dev", ENVIRONMENT_SUFFIX: "dev", TARGET_FUNCTION_NAME: "service-pipeline-app-dev" },
        });
    });

    it("may do exactly what its README lists, on the application function and the table", () => {
        const statements = policiesOf(dev, "service-pipeline-deploy-fn-dev");
        const bySid = (sid: string) => statements.find((s) => s.Sid === sid)!;
        assert.deepEqual(actionsOf(bySid("ReleaseFunction")).sort(), [
            "lambda:CreateAlias", "lambda:GetAlias", "lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:PublishVersion", "lambda:UpdateAlias", "lambda:UpdateFunctionCode",
        ]);
        assert.deepEqual(resourcesOf(bySid("ReleaseFunction")), [appArn("dev"), `${appArn("dev")}:*`]);
        assert.deepEqual(actionsOf(bySid("ReadWriteItems")).sort(), ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"]);
        assert.deepEqual(resourcesOf(bySid("ReadWriteItems")), ["arn:aws:dynamodb:us-east-1:123456789012:table/service-pipeline-deployments-dev"]);
        assert.deepEqual(actionsOf(bySid("ReportJobResults")).sort(), ["codepipeline:PutJobFailureResult", "codepipeline:PutJobSuccessResult"]);
        assert.deepEqual(resourcesOf(bySid("WriteOwnLogs")), ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/service-pipeline-deploy-dev:*"]);
        const tableKey = bySid("TableKey");
        assert.deepEqual(resourcesOf(tableKey), ["arn:aws:kms:us-east-1:123456789012:key/service-key-key-id"]);
        assert.deepEqual(tableKey.Condition, { StringEquals: { "kms:ViaService": "dynamodb.us-east-1.amazonaws.com" } });
        const targetKey = bySid("ReleaseFunctionKey");
        assert.deepEqual([actionsOf(targetKey), resourcesOf(targetKey), targetKey.Condition], [["kms:Decrypt"], ["arn:aws:kms:us-east-1:123456789012:key/service-key-key-id"], { StringEquals: { "kms:ViaService": "lambda.us-east-1.amazonaws.com" } }]);
        assert.equal(statements.length, 6);
    });
});

describe("service-pipeline: buckets", () => {
    const settings = (p: StackPlan, name: string, type: string): PlannedResource => {
        const found = ofType(p, type).filter((r) => r.name === name);
        assert.equal(found.length, 1, `${type} ${name}`);
        return found[0]!;
    };

    it("encrypt artifacts and the build cache with the customer key, version them and expire them after 30 days (365 in prod)", () => {
        for (const [p, name] of [dev, prod].flatMap((p) => ["service-artifacts", "service-build-cache"].map((n) => [p, n] as const))) {
            const sse = settings(p, name, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
            const [rule] = input<{ applyServerSideEncryptionByDefault: { sseAlgorithm: string; kmsMasterKeyId: string } }[]>(sse, "rules");
            assert.equal(rule!.applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
            assert.match(rule!.applyServerSideEncryptionByDefault.kmsMasterKeyId, /^arn:aws:kms:/);
            assert.deepEqual(input(settings(p, name, "aws:s3/bucketVersioning:BucketVersioning"), "versioningConfiguration"), { status: "Enabled" });
            const rules = input<{ expiration?: { days?: number } }[]>(settings(p, name, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"), "rules");
            const days = p === prod ? 365 : 30;
            assert.ok(rules.some((r) => r.expiration?.days === days), `${name} expires objects after ${days} days`);
        }
    });

    it("block public access, deny requests without TLS and log access", () => {
        for (const [p, name] of [dev, prod].flatMap((p) => ["service-artifacts", "service-build-cache"].map((n) => [p, n] as const))) {
            const block = settings(p, name, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
            for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) assert.equal(input(block, flag), true);
            const deny = docStatements(settings(p, name, "aws:s3/bucketPolicy:BucketPolicy")).find((s) => s.Effect === "Deny")!;
            assert.deepEqual(deny.Condition, { Bool: { "aws:SecureTransport": "false" } });
            assert.equal(input(settings(p, name, "aws:s3/bucketLogging:BucketLogging"), "targetBucket"), `service-pipeline-access-logs-${p.stack}-123456789012-us-east-1`);
        }
    });

    it("are emptied on destroy in dev only, and protected in prod as in every other system", () => {
        for (const b of ofType(dev, "aws:s3/bucket:Bucket")) {
            assert.equal(input(b, "forceDestroy"), true);
            assert.equal(b.protect, false);
        }
        for (const b of ofType(prod, "aws:s3/bucket:Bucket")) {
            assert.equal(input(b, "forceDestroy"), false);
            assert.equal(b.protect, true, `${b.name} is protected in prod`);
        }
    });

    it("keep replaced versions 7 days, access logs included", () => {
        for (const p of [dev, prod]) {
            const rules = input<{ id: string; noncurrentVersionExpiration?: { noncurrentDays: number } }[]>(settings(p, "service-access-logs", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"), "rules");
            assert.equal(rules.find((r) => r.id === "expire-noncurrent-versions")?.noncurrentVersionExpiration?.noncurrentDays, 7);
        }
    });
});
