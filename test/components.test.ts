/**
 * Components on their own, through the planner: strategies, counts and the errors their
 * constructors raise for arguments AWS would reject.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { runProgram } from "../src/offline/plan/program";
import { readProject } from "../src/offline/plan/project";
import type { PlannedResource } from "../src/offline/model/types";
import { docStatements, REPO } from "./helpers";
import type { ComponentCase } from "./fixtures/components/cases";

const project = readProject(path.join(REPO, "test", "fixtures", "components"));

const CASES = {
    natNone: { component: "network", args: { natGateways: "none" } },
    natPerAz: { component: "network", args: { natGateways: "perAz" } },
    endpoints: { component: "network", args: { natGateways: "single", interfaceEndpoints: ["ecr.api", "ecr.dkr"] } },
    overlap: { component: "network", args: { natGateways: "single", availabilityZoneCount: 2, publicSubnetCidrs: ["10.0.0.0/24", "10.0.0.0/24"], privateSubnetCidrs: ["10.0.10.0/24", "10.0.11.0/24"] } },
    oneNode: { component: "cache", args: { numCacheClusters: 1 } },
    valkey: { component: "cache", args: { numCacheClusters: 2, engine: "valkey", clients: 2 } },
    sevenNodes: { component: "cache", args: { numCacheClusters: 7 } },
    codeDeploy: { component: "service", args: { deploymentController: "CODE_DEPLOY", targetGroupArn: "arn:aws:elasticloadbalancing:sa-east-1:1:targetgroup/blue/1" } },
    bigMemory: { component: "service", args: { cpu: 256, memory: 4096 } },
    rootUser: { component: "service", args: { user: "root" } },
    shortWindow: { component: "key", args: { deletionWindowInDays: 3 } },
    keyGrant: { component: "key", args: { deletionWindowInDays: 7, grant: "decrypt" } },
    postgres: { component: "database", args: { clients: 2, monitoringIntervalSeconds: 60 } },
    registry: { component: "registry", args: { immutableTags: true, mutableTagFilters: ["latest"], lambdaPull: true } },
    badFilter: { component: "registry", args: { immutableTags: false, mutableTagFilters: ["latest"] } },
    readers: { component: "stream", args: { shardCount: 1, retentionHours: 24, grant: "read" } },
    writers: { component: "stream", args: { shardCount: 2, retentionHours: 168, grant: "write" } },
    shortRetention: { component: "stream", args: { shardCount: 1, retentionHours: 12 } },
    alarmsTopic: { component: "notifications", args: { publishers: ["cloudwatch.amazonaws.com", "events.amazonaws.com"], email: "ops@example.com" } },
    keyNames: { component: "names", args: {} },
    wholeNames: { component: "names", args: { fullName: "design-fixed" } },
    badWholeName: { component: "names", args: { fullName: "design fixed" } },
    httpsAlb: { component: "loadBalancer", args: { publicSubnets: 2, certificateArn: "arn:aws:acm:sa-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d" } },
    oneZoneAlb: { component: "loadBalancer", args: { publicSubnets: 1, healthCheckPath: "health" } },
} as const satisfies Record<string, ComponentCase>;
type Case = keyof typeof CASES;

let run: Awaited<ReturnType<typeof runProgram>>;
before(async () => {
    const cases = Object.entries(CASES).map(([name, c]) => ({ name, ...c }));
    run = await runProgram(project, "dev", { configOverrides: { "components:cases": JSON.stringify(cases) } });
    assert.equal(run.error, null, String(run.error));
});

/** The resources of one case (its components are named after it) and its constructor error. */
function built(name: Case) {
    const mine = run.resources.filter((r) => r.name === name || r.name.startsWith(`${name}-`));
    const of = (type: string): PlannedResource[] => mine.filter((r) => r.type === type);
    const errors = run.outputs.caseErrors as Record<string, string>;
    return { error: errors[name], of };
}

/** Statements of the policy a case's grant attached to its grantee role (`<case>-grantee-<key>`). */
function granted(name: Case, access: string) {
    const policy = run.resources.find((r) => r.type === "aws:iam/policy:Policy" && r.name === `${name}-grantee-${name}-${access}`);
    assert.ok(policy, `no policy ${name}-grantee-${name}-${access}`);
    return Object.fromEntries(docStatements(policy).map((s) => [s.Sid, s]));
}
const actionsOf = (s: { Action: unknown } | undefined) => [s?.Action].flat();
const VIA_SECRETS_MANAGER = { StringEquals: { "kms:ViaService": "secretsmanager.sa-east-1.amazonaws.com" } };

describe("Network", () => {
    it("none: no NAT, no default route for private subnets", () => {
        const { error, of } = built("natNone");
        assert.equal(error, undefined);
        assert.equal(of("aws:ec2/natGateway:NatGateway").length, 0);
        assert.equal(of("aws:ec2/eip:Eip").length, 0);
        assert.equal(of("aws:ec2/route:Route").filter((r) => r.inputs.natGatewayId).length, 0);
        assert.equal(of("aws:ec2/subnet:Subnet").length, 6);
        assert.equal(of("aws:ec2/routeTable:RouteTable").length, 4, "one public table, one per private subnet");
    });

    it("perAz over three zones: a NAT per zone, each private table to its own", () => {
        const { of } = built("natPerAz");
        const nats = of("aws:ec2/natGateway:NatGateway");
        assert.equal(nats.length, 3);
        assert.deepEqual(nats.map((n) => n.inputs.subnetId), ["natPerAz-public-a-id", "natPerAz-public-b-id", "natPerAz-public-c-id"]);
        const routes = of("aws:ec2/route:Route").filter((r) => r.inputs.natGatewayId);
        assert.deepEqual(routes.map((r) => r.inputs.natGatewayId).sort(), ["natPerAz-nat-a-id", "natPerAz-nat-b-id", "natPerAz-nat-c-id"]);
    });

    it("creates interface endpoints with an HTTPS-only security group, plus the free S3 gateway", () => {
        const { of } = built("endpoints");
        const endpoints = of("aws:ec2/vpcEndpoint:VpcEndpoint");
        assert.deepEqual(endpoints.map((e) => [e.inputs.serviceName, e.inputs.vpcEndpointType]).sort(), [
            ["com.amazonaws.sa-east-1.ecr.api", "Interface"],
            ["com.amazonaws.sa-east-1.ecr.dkr", "Interface"],
            ["com.amazonaws.sa-east-1.s3", "Gateway"],
        ]);
        const https = of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.deepEqual(https.map((r) => [r.inputs.fromPort, r.inputs.cidrIpv4]), [[443, "10.0.0.0/16"]]);
    });

    it("rejects overlapping explicit subnets before creating anything", () => {
        const { error, of } = built("overlap");
        assert.match(error ?? "", /Network: public subnet 1 10\.0\.0\.0\/24 overlaps public subnet 2/);
        assert.equal(of("aws:ec2/vpc:Vpc").length, 0);
    });
});

describe("RedisCache", () => {
    it("one node: no failover, no Multi-AZ, still encrypted with AUTH", () => {
        const { error, of } = built("oneNode");
        assert.equal(error, undefined);
        const rg = of("aws:elasticache/replicationGroup:ReplicationGroup")[0]!;
        assert.equal(rg.inputs.automaticFailoverEnabled, false);
        assert.equal(rg.inputs.multiAzEnabled, false);
        assert.equal(rg.inputs.transitEncryptionEnabled, true);
        assert.equal(of("aws:cloudwatch/metricAlarm:MetricAlarm").length, 1);
    });

    it("valkey uses its own engine and version", () => {
        const rg = built("valkey").of("aws:elasticache/replicationGroup:ReplicationGroup")[0]!;
        assert.equal(rg.inputs.engine, "valkey");
        assert.match(String(rg.inputs.engineVersion), /^8\./);
    });

    it("rejects a node count ElastiCache does not allow", () => {
        assert.match(built("sevenNodes").error ?? "", /numCacheClusters must be 1 to 6, got 7/);
    });
});

describe("ContainerService", () => {
    it("hands deployments to CodeDeploy with the target group, and drops the circuit breaker", () => {
        const { error, of } = built("codeDeploy");
        assert.equal(error, undefined);
        const svc = of("aws:ecs/service:Service")[0]!;
        assert.deepEqual(svc.inputs.deploymentController, { type: "CODE_DEPLOY" });
        assert.equal(svc.inputs.deploymentCircuitBreaker, undefined);
        assert.deepEqual(svc.inputs.loadBalancers, [{ targetGroupArn: "arn:aws:elasticloadbalancing:sa-east-1:1:targetgroup/blue/1", containerName: "app", containerPort: 8080 }]);
    });

    it("rejects a Fargate size AWS does not offer and a root user", () => {
        assert.match(built("bigMemory").error ?? "", /memory 4096 MiB is not valid with cpu 256/);
        assert.match(built("rootUser").error ?? "", /must not be root/);
    });
});

describe("EncryptionKey", () => {
    it("rejects a deletion window KMS does not allow", () => {
        assert.match(built("shortWindow").error ?? "", /deletionWindowInDays must be 7 to 30, got 3/);
    });
});

describe("grants and clients of the data stores", () => {
    it("RedisCache admits exactly the security groups given to allowFrom, and grants its token with its key", () => {
        const ingress = built("valkey").of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.deepEqual(ingress.map((r) => [r.name, r.inputs.fromPort, r.inputs.referencedSecurityGroupId, r.inputs.cidrIpv4]), [
            ["valkey-sg-in-0", 6379, "sg-valkey-client-1", undefined],
            ["valkey-sg-in-1", 6379, "sg-valkey-client-2", undefined],
        ]);
        const read = granted("valkey", "secret-read");
        assert.deepEqual(actionsOf(read.ReadSecrets), ["secretsmanager:GetSecretValue"]);
        assert.match(String([read.ReadSecrets!.Resource].flat()[0]), /secret:valkey-redis-auth-token-dev/);
        assert.deepEqual(read.ReadSecretsKey!.Condition, VIA_SECRETS_MANAGER);
    });

    it("PostgresDatabase: clients on 5432 only, TLS forced, enhanced monitoring to RDSOSMetrics, the master secret readable through its grant", () => {
        const { error, of } = built("postgres");
        assert.equal(error, undefined);
        const ingress = of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.deepEqual(ingress.map((r) => [r.inputs.fromPort, r.inputs.referencedSecurityGroupId]), [[5432, "sg-postgres-client-1"], [5432, "sg-postgres-client-2"]]);
        assert.ok(ingress.every((r) => r.inputs.cidrIpv4 === undefined));
        const parameters = of("aws:rds/parameterGroup:ParameterGroup")[0]!.inputs.parameters as { name: string; value: string }[];
        assert.deepEqual(parameters.find((p) => p.name === "rds.force_ssl"), { name: "rds.force_ssl", value: "1" });
        assert.deepEqual(of("aws:secretsmanager/secretRotation:SecretRotation")[0]!.inputs.rotationRules, { automaticallyAfterDays: 30 });
        const monitoring = run.resources.find((r) => r.type === "aws:iam/policy:Policy" && r.name === "postgres-monitoring-enhanced-monitoring")!;
        for (const s of docStatements(monitoring)) for (const r of [s.Resource].flat()) assert.match(String(r), /log-group:RDSOSMetrics/);
        const read = granted("postgres", "secret-read");
        assert.deepEqual(actionsOf(read.ReadSecrets), ["secretsmanager:GetSecretValue"]);
        assert.deepEqual(read.ReadSecretsKey!.Condition, VIA_SECRETS_MANAGER);
        assert.deepEqual([read.ReadSecretsKey!.Resource].flat(), ["arn:aws:kms:sa-east-1:123456789012:key/test"]);
    });

    it("EncryptionKey.grantDecrypt grants decrypting and describing the key, nothing else", () => {
        const decrypt = granted("keyGrant", "decrypt");
        assert.deepEqual(actionsOf(decrypt.DecryptWithKey), ["kms:Decrypt", "kms:DescribeKey"]);
        assert.deepEqual([decrypt.DecryptWithKey!.Resource].flat(), ["arn:aws:kms:sa-east-1:123456789012:key/keyGrant-key-id"]);
    });
});

describe("ContainerRegistry", () => {
    it("keeps version tags immutable with the listed exclusions and lets Lambda of this account pull", () => {
        const { error, of } = built("registry");
        assert.equal(error, undefined);
        const repo = of("aws:ecr/repository:Repository")[0]!;
        assert.equal(repo.inputs.imageTagMutability, "IMMUTABLE_WITH_EXCLUSION");
        assert.deepEqual(repo.inputs.imageTagMutabilityExclusionFilters, [{ filter: "latest", filterType: "WILDCARD" }]);
        assert.deepEqual(repo.inputs.encryptionConfigurations, [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:sa-east-1:123456789012:key/test" }]);
        const policy = docStatements(of("aws:ecr/repositoryPolicy:RepositoryPolicy")[0]!)[0]!;
        assert.deepEqual(policy.Principal, { Service: "lambda.amazonaws.com" });
    });

    it("grants a push with the login, a pull with the login, an image read without it, all on this repository", () => {
        const push = granted("registry", "push");
        assert.deepEqual([push.EcrLogin!.Resource].flat(), ["*"]);
        assert.ok(actionsOf(push.PushImages).includes("ecr:PutImage") && actionsOf(push.PushImages).includes("ecr:BatchGetImage"));
        assert.deepEqual([push.PushImages!.Resource].flat(), ["arn:aws:ecr:sa-east-1:123456789012:repository/registry-app-dev"]);
        const pull = granted("registry", "pull");
        assert.ok(!actionsOf(pull.PullImages).includes("ecr:PutImage"));
        const read = granted("registry", "image-read");
        assert.deepEqual(Object.keys(read), ["ReadImages"], "no registry login: Lambda reads the image itself");
    });

    it("refuses tag exclusions on a mutable repository", () => {
        assert.match(built("badFilter").error ?? "", /mutableTagFilters needs immutableTags/);
    });
});

describe("KinesisStream", () => {
    it("consumers read and decrypt, and may not put records", () => {
        const read = granted("readers", "read");
        assert.ok(actionsOf(read.StreamRecords).includes("kinesis:GetRecords"));
        assert.ok(!actionsOf(read.StreamRecords).some((a) => String(a).startsWith("kinesis:Put")));
        assert.deepEqual(actionsOf(read.StreamKey), ["kms:Decrypt"]);
    });

    it("producers put records with a data key, and may not read them; a week of retention with shard metrics and a lag alarm", () => {
        const write = granted("writers", "write");
        assert.ok(actionsOf(write.StreamRecords).includes("kinesis:PutRecords"));
        assert.ok(!actionsOf(write.StreamRecords).includes("kinesis:GetRecords"));
        assert.deepEqual(actionsOf(write.StreamKey), ["kms:GenerateDataKey"]);
        const { of } = built("writers");
        const stream = of("aws:kinesis/stream:Stream")[0]!;
        assert.equal(stream.inputs.retentionPeriod, 168);
        assert.equal(stream.inputs.encryptionType, "KMS");
        assert.ok((stream.inputs.shardLevelMetrics as string[]).includes("IteratorAgeMilliseconds"));
        assert.equal(of("aws:cloudwatch/metricAlarm:MetricAlarm")[0]!.inputs.metricName, "GetRecords.IteratorAgeMilliseconds");
    });

    it("refuses a retention Kinesis does not allow", () => {
        assert.match(built("shortRetention").error ?? "", /retentionHours must be 24 to 8760, got 12/);
    });
});

describe("SnsTopic", () => {
    it("encrypts the topic with its key, lets only its publishers of this account publish, and lets them use the key", () => {
        const { error, of } = built("alarmsTopic");
        assert.equal(error, undefined);
        const topic = of("aws:sns/topic:Topic")[0]!;
        assert.equal(topic.inputs.kmsMasterKeyId, "arn:aws:kms:sa-east-1:123456789012:key/alarmsTopic-key-key-id");
        const [publish, deny] = docStatements(of("aws:sns/topicPolicy:TopicPolicy")[0]!);
        assert.deepEqual(publish!.Principal, { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] });
        assert.deepEqual(publish!.Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
        assert.equal(deny!.Effect, "Deny");
        assert.equal(of("aws:sns/topicSubscription:TopicSubscription")[0]!.inputs.endpoint, "ops@example.com");
        const keyStatements = docStatements(of("aws:kms/key:Key")[0]!);
        const alarms = keyStatements.find((s) => s.Sid === "PublishToEncryptedTopics")!;
        assert.deepEqual([alarms.Principal, alarms.Condition], [{ Service: ["cloudwatch.amazonaws.com"] }, { StringEquals: { "aws:SourceAccount": "123456789012" } }]);
        // EventBridge sends KMS no source keys: a condition on them would drop every event.
        const events = keyStatements.find((s) => s.Sid === "EventBridgePublishesToEncryptedTopics")!;
        assert.deepEqual([events.Principal, events.Condition], [{ Service: "events.amazonaws.com" }, undefined]);
    });
});

describe("BlueGreenLoadBalancer", () => {
    it("with a certificate: HTTPS on 443 under a TLS 1.3 policy, two ip target groups, open on 443 only", () => {
        const { error, of } = built("httpsAlb");
        assert.equal(error, undefined);
        const listener = of("aws:lb/listener:Listener")[0]!;
        assert.equal(listener.inputs.protocol, "HTTPS");
        assert.equal(listener.inputs.port, 443);
        assert.equal(listener.inputs.sslPolicy, "ELBSecurityPolicy-TLS13-1-3-2021-06");
        assert.deepEqual(of("aws:lb/targetGroup:TargetGroup").map((t) => [t.inputs.name, t.inputs.targetType, t.inputs.port]), [
            ["httpsalb-blue-dev", "ip", 8080],
            ["httpsalb-green-dev", "ip", 8080],
        ]);
        assert.deepEqual(of("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => [r.inputs.fromPort, r.inputs.cidrIpv4]), [[443, "0.0.0.0/0"]]);
        assert.deepEqual(of("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map((r) => [r.inputs.fromPort, r.inputs.cidrIpv4]), [[8080, "10.0.0.0/16"]]);
        const lb = of("aws:lb/loadBalancer:LoadBalancer")[0]!;
        assert.equal(lb.inputs.dropInvalidHeaderFields, true);
        assert.deepEqual(lb.inputs.accessLogs, { enabled: true, bucket: "logs-bucket", prefix: "alb" });
    });

    it("reports every problem at once: one zone, a health check path without a slash", () => {
        const error = built("oneZoneAlb").error ?? "";
        assert.match(error, /at least two availability zones \(ELB\.13\)/);
        assert.match(error, /healthCheck\.path must start with "\/"/);
    });
});

describe("names: a <thing>Name is a key, a fullName is the design's whole name", () => {
    const awsNames = (name: Case) => {
        const { of } = built(name);
        return {
            role: of("aws:iam/role:Role").map((r) => r.inputs.name),
            topic: of("aws:sns/topic:Topic").map((r) => r.inputs.name),
            secret: of("aws:secretsmanager/secret:Secret").map((r) => r.inputs.name),
            application: of("aws:codedeploy/application:Application").map((r) => r.inputs.name),
            group: of("aws:codedeploy/deploymentGroup:DeploymentGroup").map((r) => r.inputs.deploymentGroupName),
        };
    };

    it("names each resource <system>-<key>-<suffix> from its key", () => {
        assert.equal(built("keyNames").error, undefined);
        const names = awsNames("keyNames");
        assert.deepEqual(names.role.sort(), ["keynames-app-codedeploy-dev", "keynames-role-dev"]);
        assert.deepEqual(
            [names.topic, names.secret, names.application, names.group],
            [["keynames-topic-dev"], ["keynames-secret-dev"], ["keynames-app-dev"], ["keynames-group-dev"]],
        );
    });

    it("keeps a whole name as given, and names a role's policies after it", () => {
        assert.equal(built("wholeNames").error, undefined);
        const names = awsNames("wholeNames");
        assert.deepEqual(names.role.sort(), ["design-fixed-codedeploy", "design-fixed-role"]);
        assert.deepEqual(
            [names.topic, names.secret, names.application, names.group],
            [["design-fixed-topic"], ["design-fixed-secret"], ["design-fixed-app"], ["design-fixed-group"]],
        );
        const policies = built("wholeNames").of("aws:iam/policy:Policy").map((r) => String(r.inputs.name));
        assert.ok(policies.length > 0 && policies.every((p) => p.startsWith("design-fixed-codedeploy-")), policies.join());
    });

    it("checks a whole name against AWS's rule for its kind", () => {
        assert.match(String(built("badWholeName").error), /name "design fixed-role" for role breaks AWS's rule/);
    });
});
