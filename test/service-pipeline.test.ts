/**
 * service-pipeline, dev and prod, with either source provider: the pipeline, its CodeCommit
 * source and the cross-account deployment role, asserted on what the program registers.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import type { StackPlan } from "../src/offline/model/types";
import { action, appArn, configuration, OTHER_ACCOUNT, planService, policiesOf, project, RULE, stages, TARGET } from "./support/service";
import { actionsOf, docStatements, input, ofType, one, resourcesOf } from "./helpers";

let dev: StackPlan;
let prod: StackPlan;
/** dev with a CodeCommit source and a deployment role trusted by another account. */
let codecommit: StackPlan;

before(async () => {
    ({ dev, prod, codecommit } = await planService());
});

describe("service-pipeline: the pipeline", () => {
    it("is a V2 pipeline of five stages: source, build, test, approval, deploy", () => {
        for (const p of [dev, prod, codecommit]) {
            const pipeline = one(p, "aws:codepipeline/pipeline:Pipeline");
            assert.equal(input(pipeline, "pipelineType"), "V2");
            assert.deepEqual(stages(p).map((s) => s.name), ["Source", "Build", "Test", "Approval", "Deploy"]);
            const source = p === codecommit ? "CodeCommit" : "CodeStarSourceConnection";
            assert.deepEqual(stages(p).map((s) => s.actions[0]!.provider), [source, "CodeBuild", "CodeBuild", "Manual", "Lambda"]);
            const [store] = input<{ location: string; encryptionKey: { type: string } }[]>(pipeline, "artifactStores");
            assert.equal(store!.location, `service-pipeline-artifacts-${p.stack}-123456789012-us-east-1`);
            assert.equal(store!.encryptionKey.type, "KMS");
        }
    });

    it("reads GitHub through a pending CodeStar connection, started by a V2 push trigger on main", () => {
        const source = action(dev, "Source");
        assert.equal(source.provider, "CodeStarSourceConnection");
        assert.deepEqual(configuration(source), {
            ConnectionArn: dev.outputs.sourceConnectionArn as string,
            FullRepositoryId: "acme-commerce/orders-service",
            BranchName: "main",
            DetectChanges: "false",
            OutputArtifactFormat: "CODE_ZIP",
        });
        assert.equal(input(one(dev, "aws:codestarconnections/connection:Connection"), "name"), "service-pipeline-gh-dev");
        assert.equal(dev.outputs.sourceConnectionStatus, "PENDING");
        assert.deepEqual(input(one(dev, "aws:codepipeline/pipeline:Pipeline"), "triggers"), [
            { providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: "Source", pushes: [{ branches: { includes: ["main"] } }] } },
        ]);
        assert.equal(ofType(dev, "aws:codecommit/repository:Repository").length, 0);
        assert.equal(ofType(dev, "aws:cloudwatch/eventRule:EventRule").filter((r) => String(r.inputs.eventPattern).includes("aws.codecommit")).length, 0);
    });

    it("builds the image on BUILD_GENERAL1_MEDIUM with a layer cache in the S3 cache bucket and pushes it to ECR", () => {
        const build = project(dev, "service-image-build");
        const env = input<Record<string, unknown>>(build, "environment");
        assert.equal(env.computeType, "BUILD_GENERAL1_MEDIUM");
        assert.equal(env.privilegedMode, true);
        assert.deepEqual(env.environmentVariables, [{ name: "REPOSITORY_URI", type: "PLAINTEXT", value: "123456789012.dkr.ecr.us-east-1.amazonaws.com/service-pipeline-app-dev" }]);
        assert.deepEqual(input(build, "cache"), { type: "S3", location: "service-pipeline-build-cache-dev-123456789012-us-east-1/image-build" });
        const spec = parse(input<{ buildspec: string }>(build, "source").buildspec) as { env: Record<string, string[]>; phases: Record<string, { commands: string[] }>; cache: { paths: string[] } };
        assert.deepEqual(spec.env["exported-variables"], ["IMAGE_URI", "COMMIT"]);
        const buildCommand = spec.phases.build!.commands[0]!;
        for (const part of ["--cache-from type=local", "--cache-to type=local", "--provenance=false", "--push", '--tag "$REPOSITORY_URI:$IMAGE_TAG"']) assert.ok(buildCommand.includes(part), part);
        assert.deepEqual(spec.cache.paths, ["/root/.buildx-cache/**/*"]);
        assert.deepEqual(configuration(action(dev, "Build")), { ProjectName: "service-pipeline-image-build-dev" });
        assert.equal(action(dev, "Build").namespace, "BuildVariables");

        const statements = policiesOf(dev, "service-pipeline-image-build-dev");
        const push = statements.find((s) => s.Sid === "PushImages")!;
        assert.ok(actionsOf(push).includes("ecr:PutImage"));
        assert.deepEqual(resourcesOf(push), ["arn:aws:ecr:us-east-1:123456789012:repository/service-pipeline-app-dev"]);
        const cache = statements.find((s) => s.Sid === "BuildCacheObjects")!;
        assert.deepEqual(resourcesOf(cache), ["arn:aws:s3:::service-pipeline-build-cache-dev-123456789012-us-east-1/image-build/*"]);
    });
});

describe("service-pipeline: the test, approval and deploy stages", () => {
    it("runs the test suite on BUILD_GENERAL1_SMALL with Node.js 22", () => {
        const tests = project(dev, "service-tests");
        assert.equal(input<Record<string, unknown>>(tests, "environment").computeType, "BUILD_GENERAL1_SMALL");
        assert.equal(input<Record<string, unknown>>(tests, "environment").privilegedMode, false);
        const spec = parse(input<{ buildspec: string }>(tests, "source").buildspec) as { phases: { install: Record<string, unknown>; build: { commands: string[] } } };
        assert.deepEqual(spec.phases.install["runtime-versions"], { nodejs: 22 });
        assert.deepEqual(spec.phases.build.commands, ["npm ci", "npm test"]);
        assert.equal(action(dev, "Test").category, "Test");
        assert.deepEqual(action(dev, "Test").inputArtifacts, ["source"]);
    });

    it("waits for a manual approval announced on the encrypted SNS topic", () => {
        const approval = action(dev, "Approval");
        assert.equal(approval.category, "Approval");
        assert.equal(approval.provider, "Manual");
        assert.equal(configuration(approval).NotificationArn, "arn:aws:sns:us-east-1:123456789012:service-pipeline-alerts-dev");
        assert.match(configuration(approval).CustomData!, /#\{BuildVariables\.IMAGE_URI\}/);
    });

    it("deploys by invoking the deploy function with the built image and commit, and may invoke nothing else", () => {
        const deploy = action(dev, "Deploy");
        assert.equal(deploy.category, "Invoke");
        assert.equal(deploy.provider, "Lambda");
        assert.equal(configuration(deploy).FunctionName, "service-pipeline-deploy-dev");
        assert.deepEqual(JSON.parse(configuration(deploy).UserParameters!), { imageUri: "#{BuildVariables.IMAGE_URI}", commit: "#{BuildVariables.COMMIT}" });
        const invoke = policiesOf(dev, "service-pipeline-release-dev").filter((s) => actionsOf(s).includes("lambda:InvokeFunction"));
        assert.equal(invoke.length, 1);
        assert.deepEqual(resourcesOf(invoke[0]!), ["arn:aws:lambda:us-east-1:123456789012:function:service-pipeline-deploy-dev"]);
    });

    it("notifies the SNS topic of failed executions through EventBridge, which the topic and key let publish", () => {
        const rule = one(dev, RULE, "service-pipeline-executions");
        const pattern = JSON.parse(input<string>(rule, "eventPattern")) as Record<string, unknown>;
        assert.deepEqual(pattern.detail, { state: ["FAILED"] });
        assert.deepEqual(pattern.resources, [dev.outputs.pipelineArn]);
        assert.deepEqual(pattern["detail-type"], ["CodePipeline Pipeline Execution State Change"]);
        assert.equal(input(rule, "name"), "service-pipeline-release-executions-dev");
        const target = one(dev, TARGET, "service-pipeline-executions");
        assert.equal(input(target, "arn"), "arn:aws:sns:us-east-1:123456789012:service-pipeline-alerts-dev");
        const topicPolicy = docStatements(one(dev, "aws:sns/topicPolicy:TopicPolicy"));
        assert.deepEqual(topicPolicy[0]!.Principal, { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] });
        const keyPolicy = docStatements(one(dev, "aws:kms/key:Key"));
        // EventBridge sends KMS no aws:SourceAccount: its statement must carry no condition on it.
        const events = keyPolicy.find((s) => s.Sid === "EventBridgePublishesToEncryptedTopics")!;
        assert.deepEqual([events.Principal, events.Condition], [{ Service: "events.amazonaws.com" }, undefined]);
        assert.deepEqual(keyPolicy.find((s) => s.Sid === "PublishToEncryptedTopics")!.Principal, { Service: ["cloudwatch.amazonaws.com"] });
    });
});

describe("service-pipeline: CodeCommit source", () => {
    it("creates the repository and reads main without polling", () => {
        const repo = one(codecommit, "aws:codecommit/repository:Repository");
        assert.equal(input(repo, "repositoryName"), "service-pipeline-app-dev");
        const source = action(codecommit, "Source");
        assert.equal(source.provider, "CodeCommit");
        assert.equal(configuration(source).BranchName, "main");
        assert.equal(configuration(source).PollForSourceChanges, "false");
        assert.equal(input(one(codecommit, "aws:codepipeline/pipeline:Pipeline"), "triggers"), undefined);
        assert.equal(ofType(codecommit, "aws:codestarconnections/connection:Connection").length, 0);
        assert.equal(codecommit.outputs.sourceConnectionStatus, "NONE");
        assert.equal(codecommit.outputs.codecommitCloneUrl, "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/service-pipeline-app-dev");
    });

    it("is started by an EventBridge rule on the main branch, whose role may start this pipeline only", () => {
        const rule = one(codecommit, RULE, "service-pipeline-on-push");
        const pattern = JSON.parse(input<string>(rule, "eventPattern")) as { source: string[]; resources: string[]; detail: Record<string, string[]> };
        assert.deepEqual(pattern.source, ["aws.codecommit"]);
        assert.deepEqual(pattern.resources, ["arn:aws:codecommit:us-east-1:123456789012:service-pipeline-app-dev"]);
        assert.deepEqual(pattern.detail.referenceName, ["main"]);
        assert.deepEqual(pattern.detail.referenceType, ["branch"]);
        const target = one(codecommit, TARGET, "service-pipeline-on-push");
        assert.equal(input(target, "arn"), codecommit.outputs.pipelineArn);
        const start = policiesOf(codecommit, "service-pipeline-release-push-dev");
        assert.deepEqual(start.flatMap(actionsOf), ["codepipeline:StartPipelineExecution"]);
        assert.deepEqual(start.flatMap(resourcesOf), [codecommit.outputs.pipelineArn]);
        const trust = docStatements(one(codecommit, "aws:iam/role:Role", "service-pipeline-on-push"), "assumeRolePolicy");
        assert.deepEqual(trust[0]!.Principal, { Service: ["events.amazonaws.com"] });
    });
});

describe("service-pipeline: cross-account deployment role", () => {
    const role = (p: StackPlan) => ofType(p, "aws:iam/role:Role").find((r) => r.inputs.name === `service-pipeline-deployment-${p.stack}`)!;

    it("can be assumed by CodePipeline and by the trusted account, this one by default", () => {
        const trust = docStatements(role(dev), "assumeRolePolicy");
        assert.deepEqual(trust.map((s) => s.Principal), [{ Service: ["codepipeline.amazonaws.com"] }, { AWS: ["arn:aws:iam::123456789012:root"] }]);
        const other = docStatements(role(codecommit), "assumeRolePolicy");
        assert.deepEqual(other[1]!.Principal, { AWS: [`arn:aws:iam::${OTHER_ACCOUNT}:root`] });
    });

    it("has Lambda deployment and ECR permissions on this service only, in customer-managed policies", () => {
        const r = role(dev);
        assert.equal(r.inputs.inlinePolicies, undefined);
        assert.equal(r.inputs.managedPolicyArns, undefined);
        assert.equal(ofType(dev, "aws:iam/rolePolicy:RolePolicy").length, 0, "no inline policies anywhere");
        const attachments = ofType(dev, "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
        for (const a of attachments) assert.match(input<string>(a, "policyArn"), /^arn:aws:iam::123456789012:policy\//, "customer-managed only");
        const statements = policiesOf(dev, "service-pipeline-deployment-dev");
        const release = statements.find((s) => s.Sid === "ReleaseFunction")!;
        assert.ok(actionsOf(release).includes("lambda:UpdateFunctionCode"));
        assert.deepEqual(resourcesOf(release), [appArn("dev"), `${appArn("dev")}:*`]);
        const images = statements.find((s) => s.Sid === "ReadImages")!;
        assert.ok(actionsOf(images).includes("ecr:BatchGetImage"));
        assert.deepEqual(resourcesOf(images), ["arn:aws:ecr:us-east-1:123456789012:repository/service-pipeline-app-dev"]);
    });
});
