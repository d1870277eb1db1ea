import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { NAME_LIMITS, nameProblems } from "../../../aws/names";
import { nameLimits } from "./DEPLOY.NameLimits";
import { run, target } from "../../../../test/support/policy/deploy";

const ALB = "aws:lb/loadBalancer:LoadBalancer";
const TG = "aws:lb/targetGroup:TargetGroup";
const REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";
const RDS = "aws:rds/instance:Instance";
const BUCKET = "aws:s3/bucket:Bucket";

function limitOf(type: string) {
    const limit = NAME_LIMITS.find((l) => l.type === type);
    assert.ok(limit, `no limit for ${type}`);
    return limit;
}

/** Names each breaking one rule of its type, and the message each must get, in order. */
const MESSAGE_CASES: readonly { title: string; type: string; input: string; names: string[]; expected: RegExp[] }[] = [
    {
        title: "non-compliant 3: an ElastiCache id that is long, uppercase, starts with a digit or has a double hyphen",
        type: REDIS,
        input: "replicationGroupId",
        names: ["r".repeat(41), "FastCart-redis", "1fastcart", "fastcart--redis"],
        expected: [/the limit is 40/, /lowercase/, /must start with a letter/, /two consecutive hyphens/],
    },
    {
        title: "non-compliant 4: an RDS identifier over 63 characters or ending with a hyphen",
        type: RDS,
        input: "identifier",
        names: ["d".repeat(64), "orders-db-"],
        expected: [/the limit is 63/, /must not end with a hyphen/],
    },
    {
        title: "non-compliant 5: S3 bucket names that are short, uppercase, IP-shaped or edge-dotted",
        type: BUCKET,
        input: "bucket",
        names: ["ab", "Artifacts-Dev", "192.168.1.10", "artifacts."],
        expected: [/the minimum is 3/, /lowercase/, /IP address/, /start and end with a letter or digit/],
    },
];

/** The named types of the four systems that must each have a row. */
const NAMED_TYPES = [
    "aws:ecr/repository:Repository",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:sns/topic:Topic",
    "aws:dynamodb/table:Table",
    "aws:kinesis/stream:Stream",
    "aws:secretsmanager/secret:Secret",
    "aws:codebuild/project:Project",
    "aws:kms/alias:Alias",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ecs/cluster:Cluster",
    "aws:ecs/service:Service",
    "aws:codedeploy/application:Application",
    "aws:codedeploy/deploymentGroup:DeploymentGroup",
    "aws:sqs/queue:Queue",
];

describe("DEPLOY.NameLimits", () => {
    it("compliant: names within every limit, and resources without an explicit name", () => {
        const findings = run(nameLimits, [
            target(ALB, "alb", { name: "fastcart-alb-dev" }),
            target(TG, "blue", { name: "payment-tg-blue-prod" }),
            target(REDIS, "cache", { replicationGroupId: "fastcart-redis-dev" }),
            target(RDS, "db", { identifier: "brazilcart-postgres-prod" }),
            target(BUCKET, "artifacts", { bucket: "service-pipeline-artifacts-dev" }),
            target("aws:iam/role:Role", "role", { name: "x".repeat(64) }),
            target("aws:codepipeline/pipeline:Pipeline", "p", { name: "p".repeat(100) }),
            target("aws:sqs/queue:Queue", "q", { name: "orders.fifo" }),
            target("aws:kms/alias:Alias", "alias", { name: "alias/fastcart-dev" }),
            target("aws:lambda/function:Function", "fn"),
        ]);
        assert.deepEqual(findings, []);
    });

    it("non-compliant 1: an ALB name over 32 characters, naming the resource, the limit and the value", () => {
        const name = "fastcart-orders-application-lb-dev";
        const [finding, ...rest] = run(nameLimits, [target(ALB, "alb", { name })]);
        assert.equal(rest.length, 0);
        assert.ok(finding);
        assert.match(finding.message, /Load balancer/);
        assert.match(finding.message, /the limit is 32/);
        assert.ok(finding.message.includes(`"${name}"`));
        assert.equal(finding.urn, target(ALB, "alb").urn);
    });

    it("non-compliant 2: a target group with a trailing hyphen or an underscore", () => {
        const findings = run(nameLimits, [target(TG, "a", { name: "payment-tg-" }), target(TG, "b", { name: "payment_tg" })]);
        assert.equal(findings.length, 2);
        assert.match(findings[0]?.message ?? "", /must not start or end with a hyphen/);
        assert.match(findings[1]?.message ?? "", /letters, digits and hyphens/);
    });

    it("reports every problem of one name in one finding", () => {
        const findings = run(nameLimits, [target(TG, "tg", { name: "-payment_tg-" })]);
        assert.equal(findings.length, 1);
        assert.match(findings[0]?.message ?? "", /may contain only letters, digits and hyphens; must not start or end with a hyphen/);
    });

    for (const c of MESSAGE_CASES) {
        it(c.title, () => {
            const messages = run(nameLimits, c.names.map((name, i) => target(c.type, String.fromCharCode(97 + i), { [c.input]: name }))).map((f) => f.message);
            assert.equal(messages.length, c.expected.length);
            c.expected.forEach((pattern, i) => assert.match(messages[i] ?? "", pattern));
        });
    }

    it("non-compliant 6: the other limits the brief names (connection 32, role 64, policy 128, Lambda 64, pipeline 100, rule 64)", () => {
        const cases: [string, string, number][] = [
            ["aws:codestarconnections/connection:Connection", "name", 32],
            ["aws:iam/role:Role", "name", 64],
            ["aws:iam/policy:Policy", "name", 128],
            ["aws:lambda/function:Function", "name", 64],
            ["aws:codepipeline/pipeline:Pipeline", "name", 100],
            ["aws:cloudwatch/eventRule:EventRule", "name", 64],
        ];
        for (const [type, input, max] of cases) {
            assert.equal(run(nameLimits, [target(type, "ok", { [input]: "a".repeat(max) })]).length, 0, type);
            const findings = run(nameLimits, [target(type, "long", { [input]: "a".repeat(max + 1) })]);
            assert.equal(findings.length, 1, type);
            assert.match(findings[0]?.message ?? "", new RegExp(`the limit is ${max}`), type);
        }
    });

    it("non-compliant 7: reserved prefixes (internal- ALB, alias/aws/ KMS alias, sg- security group)", () => {
        assert.equal(nameProblems(limitOf(ALB), "internal-orders").length, 1);
        assert.equal(nameProblems(limitOf("aws:kms/alias:Alias"), "alias/aws/orders").length, 1);
        assert.equal(nameProblems(limitOf("aws:ec2/securityGroup:SecurityGroup"), "sg-orders").length, 1);
        assert.deepEqual(nameProblems(limitOf("aws:ec2/securityGroup:SecurityGroup"), "orders-db (postgres)"), []);
    });

    it("covers every named type of the four systems, with one row per type and a source", () => {
        const types = NAME_LIMITS.map((l) => l.type);
        assert.equal(new Set(types).size, types.length);
        for (const type of NAMED_TYPES) assert.ok(types.includes(type), type);
        for (const limit of NAME_LIMITS) assert.match(limit.source, /^https:\/\//, limit.type);
        assert.deepEqual([...nameLimits.resourceTypes], types);
    });
});
