/**
 * brazilcart-cicd, dev and prod, with the CodeCommit and the GitHub source: every requirement of
 * the design asserted on what the program registers under the mock runtime.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { StackPlan } from "../src/offline/model/types";
import type { Statement } from "../src/offline/policy/documents";
import { assertClean, assertTagged, docStatements, input, ofType, one, plan, resourcesOf } from "./helpers";

let dev: StackPlan;
let prod: StackPlan;
/** dev with the GitHub source, in another region with three zones. */
let github: StackPlan;

before(async () => {
    [dev, prod, github] = await Promise.all([
        plan("brazilcart-cicd", "dev"),
        plan("brazilcart-cicd", "prod"),
        plan("brazilcart-cicd", "dev", {
            configOverrides: { "brazilcart-cicd:sourceProvider": "github", "brazilcart-cicd:githubRepository": "brazilcart/storefront", "aws:region": "us-east-2" },
        }),
    ]);
});

const policy = (p: StackPlan, name: string): Statement[] => docStatements(one(p, "aws:iam/policy:Policy", name));
const bySid = (statements: Statement[]) => Object.fromEntries(statements.map((s) => [s.Sid, s]));
const KEY_ARN = /^arn:aws:kms:[a-z0-9-]+:123456789012:key\//;

describe("brazilcart-cicd: every stack", () => {
    it("plans without errors and without mandatory policy violations", () => {
        for (const p of [dev, prod, github]) assertClean(p);
    });

    it("waives only the reasoned exceptions of its stack file", () => {
        const waived = (p: StackPlan) => [...new Set(p.exceptions.map((e) => `${e.policy} ${e.urn?.split("::").pop()}`))].sort();
        const common = [
            "AwsSolutions-AEC5 cache",
            "AwsSolutions-IAM5 deploy-role-vpc",
            "AwsSolutions-IAM5 network-flow-logs-write-logs",
            "RDS.23 db",
            "SecretsManager.1 cache-auth-token",
        ];
        assert.deepEqual(waived(dev), [...common, "RDS.8 db"].sort());
        assert.deepEqual(waived(prod), common);
        for (const e of [...dev.exceptions, ...prod.exceptions]) assert.ok(e.reason.length > 40, `${e.policy}: a reason`);
    });

    it("exports exactly the outputs the design names, plus the connection's", () => {
        const names = [
            "vpc_id", "rds_endpoint", "rds_secret_arn", "redis_endpoint", "redis_secret_arn", "codecommit_clone_url_http",
            "codepipeline_name", "artifact_bucket", "source_connection_arn", "source_connection_status",
        ].sort();
        for (const p of [dev, prod, github]) assert.deepEqual(Object.keys(p.outputs).sort(), names);
        assert.equal(dev.outputs.vpc_id, "network-id");
        assert.match(String(dev.outputs.rds_endpoint), /^brazilcart-postgres-dev\..*:5432$/);
        assert.match(String(dev.outputs.rds_secret_arn), /^arn:aws:secretsmanager:sa-east-1:123456789012:secret:rds!/);
        assert.match(String(dev.outputs.redis_endpoint), /^master\.brazilcart-redis-dev\./);
        assert.match(String(dev.outputs.redis_secret_arn), /:secret:brazilcart-redis-auth-token-dev-/);
        assert.equal(dev.outputs.codecommit_clone_url_http, "https://git-codecommit.sa-east-1.amazonaws.com/v1/repos/brazilcart-app-dev");
        assert.equal(dev.outputs.codepipeline_name, "brazilcart-pipeline-dev");
        assert.equal(dev.outputs.artifact_bucket, "brazilcart-artifacts-dev-123456789012-sa-east-1");
        assert.equal(prod.outputs.artifact_bucket, "brazilcart-artifacts-prod-123456789012-sa-east-1");
        assert.equal(dev.outputs.source_connection_arn, "");
        assert.equal(dev.outputs.source_connection_status, "NONE");
    });

    it("tags every taggable resource for cost allocation", () => {
        assertTagged(dev, { Project: "brazilcart-cicd", System: "brazilcart", Environment: "dev", Profile: "dev", CostCenter: "commerce-platform", ManagedBy: "pulumi" });
        assertTagged(prod, { Project: "brazilcart-cicd", Environment: "prod", Profile: "prod" });
        assertTagged(github, { Project: "brazilcart-cicd", Environment: "dev" });
    });

    it("names AWS resources brazilcart-<resource>-<suffix>", () => {
        for (const p of [dev, prod]) {
            const names = [
                input<string>(one(p, "aws:rds/instance:Instance"), "identifier"),
                input<string>(one(p, "aws:elasticache/replicationGroup:ReplicationGroup"), "replicationGroupId"),
                input<string>(one(p, "aws:codecommit/repository:Repository"), "repositoryName"),
                input<string>(one(p, "aws:codepipeline/pipeline:Pipeline"), "name"),
                ...ofType(p, "aws:codebuild/project:Project").map((r) => input<string>(r, "name")),
                ...ofType(p, "aws:s3/bucket:Bucket").map((r) => input<string>(r, "bucket")),
                ...ofType(p, "aws:iam/role:Role").map((r) => input<string>(r, "name")),
                ...ofType(p, "aws:sns/topic:Topic").map((r) => input<string>(r, "name")),
            ];
            assert.equal(names.length, 4 + 2 + 2 + 5 + 2 + (p === prod ? 1 : 0));
            // S3 names are global: buckets add the account and region (mock account, sa-east-1).
            for (const n of names) assert.match(n, new RegExp(`^brazilcart-[a-z0-9-]+-${p.stack}(-123456789012-sa-east-1)?$`));
            for (const r of ofType(p, "aws:s3/bucket:Bucket")) assert.match(input<string>(r, "bucket"), new RegExp(`-${p.stack}-123456789012-sa-east-1$`));
        }
    });
});

describe("brazilcart-cicd: network", () => {
    it("is a 10.0.0.0/16 VPC with DNS support", () => {
        const vpc = one(dev, "aws:ec2/vpc:Vpc");
        assert.equal(input(vpc, "cidrBlock"), "10.0.0.0/16");
        assert.equal(input(vpc, "enableDnsSupport"), true);
        assert.equal(input(vpc, "enableDnsHostnames"), true);
    });

    it("spreads public and private /24 subnets over three zones, from the region's zone list", () => {
        const tier = (p: StackPlan, t: string) => ofType(p, "aws:ec2/subnet:Subnet").filter((s) => (s.inputs.tags as Record<string, string>).Tier === t);
        for (const p of [dev, prod]) {
            assert.deepEqual(tier(p, "public").map((s) => input(s, "cidrBlock")), ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"]);
            assert.deepEqual(tier(p, "private").map((s) => input(s, "cidrBlock")), ["10.0.10.0/24", "10.0.11.0/24", "10.0.12.0/24"]);
            assert.deepEqual(tier(p, "private").map((s) => input(s, "availabilityZone")), ["sa-east-1a", "sa-east-1b", "sa-east-1c"]);
            for (const s of ofType(p, "aws:ec2/subnet:Subnet")) assert.equal(input(s, "mapPublicIpOnLaunch"), false);
        }
        assert.deepEqual(tier(github, "public").map((s) => input(s, "availabilityZone")), ["us-east-2a", "us-east-2b", "us-east-2c"]);
        assert.equal(github.region, "us-east-2");
    });

    it("has one NAT gateway per zone in both stacks, each private subnet routed through its own", () => {
        for (const p of [dev, prod]) {
            const nats = ofType(p, "aws:ec2/natGateway:NatGateway");
            assert.equal(nats.length, 3, `${p.stack}: a NAT gateway per AZ`);
            assert.deepEqual(nats.map((n) => input(n, "subnetId")), ["network-public-a-id", "network-public-b-id", "network-public-c-id"]);
            const natRoutes = ofType(p, "aws:ec2/route:Route").filter((r) => r.inputs.natGatewayId !== undefined);
            assert.equal(new Set(natRoutes.map((r) => r.inputs.natGatewayId)).size, 3);
            for (const eip of ofType(p, "aws:ec2/eip:Eip")) assert.equal(input(eip, "domain"), "vpc");
        }
    });

    it("logs all traffic to an encrypted log group through a role trusted by VPC Flow Logs", () => {
        const flow = one(dev, "aws:ec2/flowLog:FlowLog");
        assert.equal(input(flow, "trafficType"), "ALL");
        assert.equal(input(flow, "logDestinationType"), "cloud-watch-logs");
        assert.equal(input(flow, "logDestination"), "arn:aws:logs:sa-east-1:123456789012:log-group:/vpc/flow-logs/brazilcart-vpc-dev");
        const group = one(dev, "aws:cloudwatch/logGroup:LogGroup", "network-flow-logs");
        assert.match(input<string>(group, "kmsKeyId"), KEY_ARN);
        assert.equal(input(group, "retentionInDays"), 30);
        assert.equal(input(one(prod, "aws:cloudwatch/logGroup:LogGroup", "network-flow-logs"), "retentionInDays"), 365);
        const role = one(dev, "aws:iam/role:Role", "network-flow-logs");
        assert.deepEqual(docStatements(role, "assumeRolePolicy")[0]!.Principal, { Service: ["vpc-flow-logs.amazonaws.com"] });
    });

    it("adds the logs and Secrets Manager endpoints in prod only (nothing here pulls from ECR)", () => {
        assert.equal(ofType(dev, "aws:ec2/vpcEndpoint:VpcEndpoint").length, 0);
        assert.deepEqual(ofType(prod, "aws:ec2/vpcEndpoint:VpcEndpoint").map((e) => input<string>(e, "serviceName")).sort(), [
            "com.amazonaws.sa-east-1.logs",
            "com.amazonaws.sa-east-1.s3",
            "com.amazonaws.sa-east-1.secretsmanager",
        ]);
    });
});

describe("brazilcart-cicd: encryption", () => {
    it("uses two rotated customer keys: the data stores' and the pipeline's", () => {
        const keys = ofType(dev, "aws:kms/key:Key");
        assert.deepEqual(keys.map((k) => k.name).sort(), ["data-key", "pipeline-key"]);
        for (const k of keys) {
            assert.equal(input(k, "enableKeyRotation"), true);
            assert.equal(input(k, "deletionWindowInDays"), 7);
            for (const s of docStatements(k)) assert.notEqual(s.Principal, "*");
        }
        for (const k of ofType(prod, "aws:kms/key:Key")) assert.equal(input(k, "deletionWindowInDays"), 30);
        assert.deepEqual(ofType(dev, "aws:kms/alias:Alias").map((a) => input(a, "name")).sort(), ["alias/brazilcart-data-dev", "alias/brazilcart-pipeline-dev"]);
        const via = (name: string) =>
            (bySid(docStatements(one(dev, "aws:kms/key:Key", name))).UseThroughServices!.Condition!.StringEquals!["kms:ViaService"] as string[]).map((s) => s.split(".")[0]).sort();
        assert.deepEqual(via("data-key"), ["elasticache", "rds", "secretsmanager", "sns"]);
        assert.deepEqual(via("pipeline-key"), ["codebuild", "codecommit", "codepipeline", "s3", "sns"]);
    });
});

describe("brazilcart-cicd: PostgreSQL", () => {
    it("is PostgreSQL 15, Multi-AZ, db.t3.medium, 100 GB encrypted with the data key, 7-day backups, credentials managed in Secrets Manager", () => {
        const dataKey = `arn:aws:kms:sa-east-1:123456789012:key/data-key-key-id`;
        for (const p of [dev, prod]) {
            const db = one(p, "aws:rds/instance:Instance");
            assert.equal(input(db, "engine"), "postgres");
            assert.equal(input(db, "engineVersion"), "15");
            assert.equal(input(db, "multiAz"), true);
            assert.equal(input(db, "instanceClass"), "db.t3.medium");
            assert.equal(input(db, "allocatedStorage"), 100);
            assert.equal(input(db, "storageEncrypted"), true);
            assert.equal(input(db, "kmsKeyId"), dataKey);
            assert.equal(input(db, "backupRetentionPeriod"), 7);
            assert.equal(input(db, "manageMasterUserPassword"), true);
            assert.equal(input(db, "masterUserSecretKmsKeyId"), dataKey);
            assert.equal(input(db, "publiclyAccessible"), false);
            assert.deepEqual(input(one(p, "aws:rds/subnetGroup:SubnetGroup"), "subnetIds"), ["network-private-a-id", "network-private-b-id", "network-private-c-id"]);
        }
    });

    it("skips the final snapshot in dev; keeps it, deletion protection and protect in prod", () => {
        const d = one(dev, "aws:rds/instance:Instance");
        assert.equal(input(d, "skipFinalSnapshot"), true);
        assert.equal(input(d, "deletionProtection"), false);
        assert.equal(d.protect, false);
        const p = one(prod, "aws:rds/instance:Instance");
        assert.equal(input(p, "skipFinalSnapshot"), false);
        assert.equal(input(p, "finalSnapshotIdentifier"), "brazilcart-postgres-prod-final");
        assert.equal(input(p, "deletionProtection"), true);
        assert.equal(p.protect, true);
    });

    it("alarms on CPU to the encrypted alerts topic", () => {
        const cpu = ofType(dev, "aws:cloudwatch/metricAlarm:MetricAlarm").find((a) => a.inputs.metricName === "CPUUtilization")!;
        assert.deepEqual(input(cpu, "dimensions"), { DBInstanceIdentifier: "brazilcart-postgres-dev" });
        assert.deepEqual(input(cpu, "alarmActions"), ["arn:aws:sns:sa-east-1:123456789012:brazilcart-alerts-dev"]);
        assert.match(input<string>(one(dev, "aws:sns/topic:Topic", "alerts"), "kmsMasterKeyId"), /data-key/);
    });
});

describe("brazilcart-cicd: Redis", () => {
    it("is a Redis 7 group of 2 cache.t3.micro nodes with failover, encryption at rest and in transit, and AUTH", () => {
        for (const p of [dev, prod]) {
            const rg = one(p, "aws:elasticache/replicationGroup:ReplicationGroup");
            assert.equal(input(rg, "engine"), "redis");
            assert.match(input<string>(rg, "engineVersion"), /^7\./);
            assert.equal(input(rg, "nodeType"), "cache.t3.micro");
            assert.equal(input(rg, "numCacheClusters"), 2);
            assert.equal(input(rg, "automaticFailoverEnabled"), true);
            assert.equal(input(rg, "atRestEncryptionEnabled"), true);
            assert.match(input<string>(rg, "kmsKeyId"), /data-key/);
            assert.equal(input(rg, "transitEncryptionEnabled"), true);
            assert.match(input<string>(rg, "authToken"), /^[A-Za-z0-9]{16,128}$/);
            assert.equal(rg.protect, p === prod);
        }
    });

    it("keeps the AUTH token in Secrets Manager under the data key", () => {
        const secret = one(dev, "aws:secretsmanager/secret:Secret", "cache-auth-token");
        assert.equal(input(secret, "name"), "brazilcart-redis-auth-token-dev");
        assert.match(input<string>(secret, "kmsKeyId"), /data-key/);
        assert.equal(input(one(dev, "aws:secretsmanager/secretVersion:SecretVersion"), "secretString"), input(one(dev, "aws:elasticache/replicationGroup:ReplicationGroup"), "authToken"));
    });

    it("alarms on each node's memory", () => {
        const memory = ofType(dev, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.inputs.metricName === "DatabaseMemoryUsagePercentage");
        assert.deepEqual(memory.map((a) => (a.inputs.dimensions as Record<string, string>).CacheClusterId).sort(), ["brazilcart-redis-dev-001", "brazilcart-redis-dev-002"]);
    });
});

describe("brazilcart-cicd: who reaches the data stores", () => {
    const ingress = (p: StackPlan) => ofType(p, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.inputs as Record<string, unknown>);

    it("PostgreSQL (5432) and Redis (6379) accept the application and the deploy builds only", () => {
        for (const p of [dev, prod]) {
            const rules = ingress(p);
            const from = (sg: string) => rules.filter((r) => r.securityGroupId === sg).map((r) => [r.fromPort, r.toPort, r.referencedSecurityGroupId, r.cidrIpv4]);
            assert.deepEqual(from("db-sg-id"), [[5432, 5432, "app-sg-id", undefined], [5432, 5432, "deploy-sg-id", undefined]]);
            assert.deepEqual(from("cache-sg-id"), [[6379, 6379, "app-sg-id", undefined], [6379, 6379, "deploy-sg-id", undefined]]);
            assert.deepEqual(from("deploy-sg-id"), [], "nothing connects to the deploy builds");
            assert.ok(rules.every((r) => r.cidrIpv4 !== "0.0.0.0/0"), "nothing is open to the internet");
        }
    });

    it("runs the deploy project in the private subnets with the deploy security group", () => {
        const deploy = one(dev, "aws:codebuild/project:Project", "deploy");
        assert.deepEqual(input(deploy, "vpcConfig"), {
            vpcId: "network-id",
            subnets: ["network-private-a-id", "network-private-b-id", "network-private-c-id"],
            securityGroupIds: ["deploy-sg-id"],
        });
        assert.equal(input(one(dev, "aws:codebuild/project:Project", "build"), "vpcConfig"), undefined);
    });
});

const stagesOf = (p: StackPlan) => input<{ name: string; actions: Record<string, unknown>[] }[]>(one(p, "aws:codepipeline/pipeline:Pipeline"), "stages");

describe("brazilcart-cicd: pipeline", () => {
    it("is a V2 pipeline Source → Build → Approval → Deploy, artifacts encrypted with the pipeline key", () => {
        for (const p of [dev, prod, github]) {
            const pipeline = one(p, "aws:codepipeline/pipeline:Pipeline");
            assert.equal(input(pipeline, "pipelineType"), "V2");
            assert.deepEqual(stagesOf(p).map((s) => s.name), ["Source", "Build", "Approval", "Deploy"]);
            assert.deepEqual(stagesOf(p).map((s) => s.actions.map((a) => `${a.category}/${a.provider}`)), [
                [p === github ? "Source/CodeStarSourceConnection" : "Source/CodeCommit"],
                ["Build/CodeBuild"],
                ["Approval/Manual"],
                ["Build/CodeBuild"],
            ]);
            const [store] = input<{ location: string; encryptionKey: { type: string; id: string } }[]>(pipeline, "artifactStores");
            assert.equal(store!.location, `brazilcart-artifacts-${p.stack}-123456789012-${p.region}`);
            assert.equal(store!.encryptionKey.type, "KMS");
            assert.match(store!.encryptionKey.id, /pipeline-key/);
        }
        assert.deepEqual(stagesOf(dev)[1]!.actions[0]!.configuration, { ProjectName: "brazilcart-build-dev" });
        assert.deepEqual(stagesOf(dev)[3]!.actions[0]!.configuration, { ProjectName: "brazilcart-deploy-dev" });
    });

    it("reads a CodeCommit repository it creates, encrypted with the pipeline key, and starts on a push to main", () => {
        const repo = one(dev, "aws:codecommit/repository:Repository");
        assert.equal(input(repo, "repositoryName"), "brazilcart-app-dev");
        assert.equal(input(repo, "defaultBranch"), undefined, "AWS refuses a default branch on an empty repository");
        assert.match(input<string>(repo, "kmsKeyId"), /pipeline-key/);
        assert.equal(one(prod, "aws:codecommit/repository:Repository").protect, true);
        assert.deepEqual(stagesOf(dev)[0]!.actions[0]!.configuration, { RepositoryName: "brazilcart-app-dev", BranchName: "main", PollForSourceChanges: "false", OutputArtifactFormat: "CODE_ZIP" });
        const push = JSON.parse(input<string>(one(dev, "aws:cloudwatch/eventRule:EventRule", "pipeline-on-push"), "eventPattern")) as { detail: { referenceName: string[] } };
        assert.deepEqual(push.detail.referenceName, ["main"]);
        assert.equal(ofType(dev, "aws:codestarconnections/connection:Connection").length, 0);
    });

    it("reads GitHub through a CodeStar connection that starts PENDING, and says so in its outputs", () => {
        assert.equal(ofType(github, "aws:codecommit/repository:Repository").length, 0);
        const connection = one(github, "aws:codestarconnections/connection:Connection");
        assert.equal(input(connection, "name"), "brazilcart-github-dev");
        assert.equal(input(connection, "providerType"), "GitHub");
        const source = stagesOf(github)[0]!.actions[0]!.configuration as Record<string, string>;
        assert.equal(source.FullRepositoryId, "brazilcart/storefront");
        assert.equal(source.BranchName, "main");
        assert.equal(source.ConnectionArn, github.outputs.source_connection_arn);
        assert.equal(github.outputs.codecommit_clone_url_http, "");
        assert.equal(github.outputs.source_connection_status, "PENDING");
        assert.match(String(github.outputs.source_connection_arn), /^arn:aws:codeconnections:us-east-2:/);
        const use = bySid(policy(github, "pipeline-role-pipeline")).UseSourceConnection!;
        assert.deepEqual(resourcesOf(use), [github.outputs.source_connection_arn]);
    });

    it("waits for a manual approval announced on the encrypted approvals topic, which also hears of failures", () => {
        const approval = stagesOf(dev)[2]!.actions[0]!;
        const config = approval.configuration as Record<string, string>;
        assert.equal(config.NotificationArn, "arn:aws:sns:sa-east-1:123456789012:brazilcart-approvals-dev");
        assert.match(config.CustomData!, /Approve deploying/);
        const topic = one(dev, "aws:sns/topic:Topic", "approvals");
        assert.match(input<string>(topic, "kmsMasterKeyId"), /pipeline-key/);
        assert.equal(input(one(dev, "aws:cloudwatch/eventTarget:EventTarget", "pipeline-executions"), "arn"), config.NotificationArn);
    });
});

describe("brazilcart-cicd: pipeline builds and events", () => {
    it("builds with CodeBuild: encrypted with the pipeline key, its own log groups", () => {
        for (const name of ["build", "deploy"]) {
            const project = one(dev, "aws:codebuild/project:Project", name);
            assert.match(input<string>(project, "encryptionKey"), /pipeline-key/);
            assert.equal((input<Record<string, unknown>>(project, "environment")).privilegedMode, false);
            const group = one(dev, "aws:cloudwatch/logGroup:LogGroup", `${name}-logs`);
            assert.equal(input(group, "name"), `/aws/codebuild/brazilcart-${name}-dev`);
            assert.match(input<string>(group, "kmsKeyId"), /pipeline-key/);
            assert.equal(input(group, "retentionInDays"), 30);
            assert.equal(input(one(prod, "aws:cloudwatch/logGroup:LogGroup", `${name}-logs`), "retentionInDays"), 365);
        }
    });

    it("gives the deploy builds the database and cache by reference, secrets from Secrets Manager", () => {
        const vars = (input<{ environmentVariables: { name: string; type: string; value: string }[] }>(one(dev, "aws:codebuild/project:Project", "deploy"), "environment")).environmentVariables;
        const byName = Object.fromEntries(vars.map((v) => [v.name, v]));
        assert.match(byName.DB_HOST!.value, /^brazilcart-postgres-dev\./);
        assert.equal(byName.DB_PORT!.value, "5432");
        assert.deepEqual([byName.DB_PASSWORD!.type, byName.DB_PASSWORD!.value], ["SECRETS_MANAGER", `${dev.outputs.rds_secret_arn}:password`]);
        assert.deepEqual([byName.REDIS_AUTH_TOKEN!.type, byName.REDIS_AUTH_TOKEN!.value], ["SECRETS_MANAGER", dev.outputs.redis_secret_arn]);
        for (const v of vars.filter((x) => /PASSWORD|TOKEN/.test(x.name))) assert.equal(v.type, "SECRETS_MANAGER");
    });

    it("records every execution event in an encrypted log group", () => {
        const group = one(dev, "aws:cloudwatch/logGroup:LogGroup", "pipeline-events");
        assert.equal(input(group, "name"), "/aws/events/codepipeline/brazilcart-pipeline-dev");
        assert.match(input<string>(group, "kmsKeyId"), /pipeline-key/);
        const rule = JSON.parse(input<string>(one(dev, "aws:cloudwatch/eventRule:EventRule", "pipeline-events"), "eventPattern")) as Record<string, string[]>;
        assert.deepEqual(rule.resources, ["arn:aws:codepipeline:sa-east-1:123456789012:brazilcart-pipeline-dev"]);
        assert.equal(input(one(dev, "aws:cloudwatch/eventTarget:EventTarget", "pipeline-events"), "arn"), "arn:aws:logs:sa-east-1:123456789012:log-group:/aws/events/codepipeline/brazilcart-pipeline-dev");
    });
});

describe("brazilcart-cicd: IAM scoped to what each role touches", () => {
    it("lets the pipeline use the artifact bucket, its key, the repository, the two projects and the approvals topic, nothing else", () => {
        const s = bySid(policy(dev, "pipeline-role-pipeline"));
        assert.deepEqual(Object.keys(s).sort(), ["ArtifactBucket", "Artifacts", "CustomerKey", "NotifyApproversApproveDeployment", "NotifyApproversKeyApproveDeployment", "ReadSourceRepository", "RunBuildBuild", "RunBuildDeploy"].sort());
        assert.deepEqual(resourcesOf(s.Artifacts!), ["arn:aws:s3:::brazilcart-artifacts-dev-123456789012-sa-east-1/*"]);
        assert.match(resourcesOf(s.CustomerKey!)[0]!, /pipeline-key/);
        assert.deepEqual(resourcesOf(s.ReadSourceRepository!), ["arn:aws:codecommit:sa-east-1:123456789012:brazilcart-app-dev"]);
        assert.deepEqual(resourcesOf(s.NotifyApproversApproveDeployment!), ["arn:aws:sns:sa-east-1:123456789012:brazilcart-approvals-dev"]);
        assert.equal(resourcesOf(s.RunBuildBuild!).length, 1);
        assert.equal(resourcesOf(s.RunBuildDeploy!).length, 1);
    });

    it("lets each build write its own logs and artifacts; only the deploy builds read the data secrets and place interfaces in the VPC", () => {
        const build = bySid(policy(dev, "build-role-build"));
        assert.deepEqual(Object.keys(build).sort(), ["ArtifactBucket", "CustomerKey", "PipelineArtifacts", "WriteOwnLogs"]);
        assert.deepEqual(resourcesOf(build.WriteOwnLogs!)[0], "arn:aws:logs:sa-east-1:123456789012:log-group:/aws/codebuild/brazilcart-build-dev:log-stream:*");
        const deploy = bySid(policy(dev, "deploy-role-build"));
        assert.deepEqual(resourcesOf(deploy.ReadBuildSecrets!), [dev.outputs.rds_secret_arn, dev.outputs.redis_secret_arn]);
        // The secrets' key (the data key, not the pipeline's), only through Secrets Manager.
        assert.deepEqual(resourcesOf(deploy.ReadBuildSecretsKey!), ["arn:aws:kms:sa-east-1:123456789012:key/data-key-key-id"]);
        assert.deepEqual(deploy.ReadBuildSecretsKey!.Condition, { StringEquals: { "kms:ViaService": "secretsmanager.sa-east-1.amazonaws.com" } });
        const vpc = bySid(policy(dev, "deploy-role-vpc"));
        assert.deepEqual((vpc.AttachInterfacesForCodeBuild!.Condition!.StringEquals!["ec2:Subnet"] as string[]).map((a) => a.split("/").pop()), [
            "network-private-a-id", "network-private-b-id", "network-private-c-id",
        ]);
        assert.equal(ofType(dev, "aws:iam/policy:Policy").filter((p) => p.name.startsWith("build-role-")).length, 1);
    });

    it("attaches no AWS managed policy", () => {
        for (const a of ofType(dev, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")) assert.doesNotMatch(input<string>(a, "policyArn"), /:iam::aws:policy\//);
    });
});

describe("brazilcart-cicd: artifact bucket", () => {
    const side = (p: StackPlan, type: string, name = "artifacts") => one(p, `aws:s3/${type}`, name);

    it("is encrypted with the pipeline key, versioned, closed to the public, TLS-only and access-logged", () => {
        const [rule] = input<Record<string, unknown>[]>(side(dev, "bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"), "rules");
        assert.deepEqual(rule!.applyServerSideEncryptionByDefault, { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:sa-east-1:123456789012:key/pipeline-key-key-id" });
        assert.equal(rule!.bucketKeyEnabled, true);
        assert.deepEqual(input(side(dev, "bucketVersioning:BucketVersioning"), "versioningConfiguration"), { status: "Enabled" });
        const block = side(dev, "bucketPublicAccessBlock:BucketPublicAccessBlock").inputs;
        assert.deepEqual([block.blockPublicAcls, block.blockPublicPolicy, block.ignorePublicAcls, block.restrictPublicBuckets], [true, true, true, true]);
        const deny = docStatements(side(dev, "bucketPolicy:BucketPolicy"))[0]!;
        assert.equal(deny.Effect, "Deny");
        assert.deepEqual(deny.Condition, { Bool: { "aws:SecureTransport": "false" } });
        assert.deepEqual(resourcesOf(deny), ["arn:aws:s3:::brazilcart-artifacts-dev-123456789012-sa-east-1", "arn:aws:s3:::brazilcart-artifacts-dev-123456789012-sa-east-1/*"]);
        assert.equal(input(side(dev, "bucketLogging:BucketLogging"), "targetBucket"), "brazilcart-access-logs-dev-123456789012-sa-east-1");
    });

    it("is destroyable with its objects in dev; protected and kept a year in prod", () => {
        const d = side(dev, "bucket:Bucket");
        assert.equal(input(d, "forceDestroy"), true);
        assert.equal(d.protect, false);
        const p = side(prod, "bucket:Bucket");
        assert.equal(input(p, "forceDestroy"), false);
        assert.equal(p.protect, true);
        assert.equal(side(prod, "bucket:Bucket", "access-logs").protect, true);
        const expiry = (plan: StackPlan) => input<{ id: string; expiration?: { days?: number } }[]>(side(plan, "bucketLifecycleConfiguration:BucketLifecycleConfiguration"), "rules").find((r) => r.id === "expire-objects")!.expiration!.days;
        assert.equal(expiry(dev), 30);
        assert.equal(expiry(prod), 365);
    });
});
