/**
 * fastcart-orders, dev and prod: every requirement of the design asserted on what the program
 * registers under the mock runtime.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { StackPlan } from "../src/offline/model/types";
import { assertClean, assertTagged, docStatements, input, one, ofType, plan } from "./helpers";

let dev: StackPlan;
let prod: StackPlan;

before(async () => {
    [dev, prod] = await Promise.all([plan("fastcart-orders", "dev"), plan("fastcart-orders", "prod")]);
});

describe("fastcart-orders: both stacks", () => {
    it("plan without errors and without mandatory policy violations", () => {
        assertClean(dev);
        assertClean(prod);
    });

    it("export every output the design names, with real values", () => {
        const names = [
            "vpc_id", "ecs_cluster_arn", "kinesis_stream_name", "kinesis_stream_arn", "rds_endpoint", "rds_instance_id", "redis_endpoint", "redis_port",
            "ecr_repository_url", "kms_key_id", "kms_key_arn", "log_group_name", "db_secret_arn", "ecs_service_name", "private_subnet_ids", "public_subnet_ids",
        ];
        for (const p of [dev, prod]) {
            assert.deepEqual(Object.keys(p.outputs).sort(), [...names].sort());
            for (const n of names) assert.ok(p.outputs[n] !== undefined && p.outputs[n] !== "", `${p.stack} ${n} is empty`);
        }
        assert.equal(dev.outputs.kinesis_stream_name, "fastcart-orders-dev");
        assert.equal(dev.outputs.rds_instance_id, "fastcart-postgres-dev");
        assert.equal(dev.outputs.redis_port, 6379);
        assert.equal((dev.outputs.private_subnet_ids as string[]).length, 2);
    });

    it("tag every taggable resource for cost allocation", () => {
        assertTagged(dev, { Project: "fastcart-orders", Environment: "dev", CostCenter: "commerce-platform", ManagedBy: "pulumi" });
        assertTagged(prod, { Project: "fastcart-orders", Environment: "prod", Profile: "prod" });
    });

    it("price dev below prod, with NAT, database and cache lines", () => {
        assert.ok(dev.cost && prod.cost);
        assert.ok(dev.cost.monthlyUsd > 0);
        assert.ok(dev.cost.monthlyUsd < prod.cost.monthlyUsd, `dev ${dev.cost.monthlyUsd} < prod ${prod.cost.monthlyUsd}`);
        const described = dev.cost.items.map((i) => i.description).join("\n");
        assert.match(described, /NAT gateway/);
        assert.match(described, /db\.t3\.micro/);
        assert.match(described, /cache\.t3\.micro/);
    });

    it("name AWS resources fastcart-<resource>-<suffix>", () => {
        for (const p of [dev, prod]) {
            const named = [
                input<string>(one(p, "aws:kinesis/stream:Stream"), "name"),
                input<string>(one(p, "aws:rds/instance:Instance"), "identifier"),
                input<string>(one(p, "aws:elasticache/replicationGroup:ReplicationGroup"), "replicationGroupId"),
                input<string>(one(p, "aws:ecr/repository:Repository"), "name"),
                input<string>(one(p, "aws:ecs/cluster:Cluster"), "name"),
                ...ofType(p, "aws:iam/role:Role").map((r) => input<string>(r, "name")),
            ];
            for (const n of named) assert.match(n, new RegExp(`^fastcart-[a-z0-9-]+-${p.stack}$`));
        }
    });
});

describe("fastcart-orders: network", () => {
    it("is a 10.0.0.0/16 VPC with DNS support and hostnames", () => {
        const vpc = one(dev, "aws:ec2/vpc:Vpc");
        assert.equal(input(vpc, "cidrBlock"), "10.0.0.0/16");
        assert.equal(input(vpc, "enableDnsSupport"), true);
        assert.equal(input(vpc, "enableDnsHostnames"), true);
    });

    it("has 2 public and 2 private subnets in eu-central-1a and 1b, none assigning public IPs", () => {
        const subnets = ofType(dev, "aws:ec2/subnet:Subnet");
        assert.equal(subnets.length, 4);
        const tier = (t: string) => subnets.filter((s) => (s.inputs.tags as Record<string, string>).Tier === t);
        assert.deepEqual(tier("public").map((s) => input(s, "availabilityZone")), ["eu-central-1a", "eu-central-1b"]);
        assert.deepEqual(tier("private").map((s) => input(s, "availabilityZone")), ["eu-central-1a", "eu-central-1b"]);
        assert.deepEqual(tier("public").map((s) => input(s, "cidrBlock")), ["10.0.0.0/24", "10.0.1.0/24"]);
        assert.deepEqual(tier("private").map((s) => input(s, "cidrBlock")), ["10.0.10.0/24", "10.0.11.0/24"]);
        for (const s of subnets) assert.equal(input(s, "mapPublicIpOnLaunch"), false);
    });

    it("routes public subnets to the internet gateway and private subnets through NAT: one in dev, one per AZ in prod", () => {
        assert.equal(ofType(dev, "aws:ec2/internetGateway:InternetGateway").length, 1);
        assert.equal(ofType(dev, "aws:ec2/natGateway:NatGateway").length, 1);
        assert.equal(ofType(prod, "aws:ec2/natGateway:NatGateway").length, 2);
        for (const eip of ofType(prod, "aws:ec2/eip:Eip")) assert.equal(input(eip, "domain"), "vpc");
        const routes = ofType(dev, "aws:ec2/route:Route");
        assert.equal(routes.filter((r) => r.inputs.gatewayId !== undefined).length, 1);
        const natRoutes = routes.filter((r) => r.inputs.natGatewayId !== undefined);
        assert.equal(natRoutes.length, 2);
        assert.equal(new Set(natRoutes.map((r) => r.inputs.natGatewayId)).size, 1, "dev: both private routes use the single NAT");
        const prodNat = ofType(prod, "aws:ec2/route:Route").filter((r) => r.inputs.natGatewayId !== undefined);
        assert.equal(new Set(prodNat.map((r) => r.inputs.natGatewayId)).size, 2, "prod: each AZ its own NAT");
        assert.equal(ofType(dev, "aws:ec2/routeTableAssociation:RouteTableAssociation").length, 4);
    });

    it("closes the default security group and logs all traffic to an encrypted log group", () => {
        const sg = one(dev, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        assert.deepEqual(input(sg, "ingress"), []);
        assert.deepEqual(input(sg, "egress"), []);
        const flow = one(dev, "aws:ec2/flowLog:FlowLog");
        assert.equal(input(flow, "trafficType"), "ALL");
        assert.equal(input(flow, "logDestinationType"), "cloud-watch-logs");
        const group = one(dev, "aws:cloudwatch/logGroup:LogGroup", "orders-network-flow-logs");
        assert.ok(String(input(group, "kmsKeyId")).startsWith("arn:aws:kms:"));
        assert.equal(input(flow, "logDestination"), "arn:aws:logs:eu-central-1:123456789012:log-group:/vpc/flow-logs/fastcart-vpc-dev");
        const role = ofType(dev, "aws:iam/role:Role").find((r) => String(r.inputs.name).includes("flow-logs"))!;
        assert.deepEqual(docStatements(role, "assumeRolePolicy")[0]!.Principal, { Service: ["vpc-flow-logs.amazonaws.com"] });
    });

    it("adds ECR, logs, Secrets Manager and Kinesis endpoints in prod only", () => {
        assert.equal(ofType(dev, "aws:ec2/vpcEndpoint:VpcEndpoint").length, 0);
        const services = ofType(prod, "aws:ec2/vpcEndpoint:VpcEndpoint").map((e) => input<string>(e, "serviceName")).sort();
        assert.deepEqual(services, [
            "com.amazonaws.eu-central-1.ecr.api",
            "com.amazonaws.eu-central-1.ecr.dkr",
            "com.amazonaws.eu-central-1.kinesis-streams",
            "com.amazonaws.eu-central-1.logs",
            "com.amazonaws.eu-central-1.s3",
            "com.amazonaws.eu-central-1.secretsmanager",
        ]);
    });
});

describe("fastcart-orders: encryption", () => {
    it("uses one rotated customer key with an alias, and a key policy for exactly the services that use it", () => {
        const key = one(dev, "aws:kms/key:Key");
        assert.equal(input(key, "enableKeyRotation"), true);
        assert.equal(input(key, "deletionWindowInDays"), 7);
        assert.equal(input(one(prod, "aws:kms/key:Key"), "deletionWindowInDays"), 30);
        assert.equal(input(one(dev, "aws:kms/alias:Alias"), "name"), "alias/fastcart-key-dev");
        const statements = docStatements(key);
        for (const s of statements) assert.notEqual(s.Principal, "*", "no statement may allow everyone");
        const via = statements.find((s) => s.Sid === "UseThroughServices")!;
        assert.deepEqual(
            (via.Condition!.StringEquals!["kms:ViaService"] as string[]).map((s) => s.split(".")[0]).sort(),
            ["ecr", "elasticache", "kinesis", "rds", "secretsmanager", "sns"],
        );
        const logs = statements.find((s) => s.Sid === "CloudWatchLogs")!;
        assert.deepEqual(logs.Principal, { Service: "logs.eu-central-1.amazonaws.com" });
    });
});

describe("fastcart-orders: Kinesis", () => {
    it("has 2 KMS-encrypted shards, 24 h in dev and 168 h in prod, with shard-level metrics", () => {
        const s = one(dev, "aws:kinesis/stream:Stream");
        assert.equal(input(s, "shardCount"), 2);
        assert.equal(input(s, "retentionPeriod"), 24);
        assert.equal(input(s, "encryptionType"), "KMS");
        assert.ok(String(input(s, "kmsKeyId")).startsWith("arn:aws:kms:"));
        assert.ok(input<string[]>(s, "shardLevelMetrics").includes("IncomingRecords"));
        assert.equal(input(one(prod, "aws:kinesis/stream:Stream"), "retentionPeriod"), 168);
    });

    it("alarms on iterator age", () => {
        const alarm = ofType(dev, "aws:cloudwatch/metricAlarm:MetricAlarm").find((a) => a.inputs.metricName === "GetRecords.IteratorAgeMilliseconds");
        assert.ok(alarm);
        assert.equal(input(alarm, "namespace"), "AWS/Kinesis");
        assert.deepEqual(input(alarm, "dimensions"), { StreamName: "fastcart-orders-dev" });
    });
});

describe("fastcart-orders: ECS Fargate", () => {
    it("runs a Container Insights cluster and a service of 2 tasks in private subnets without public IPs", () => {
        assert.deepEqual(input(one(dev, "aws:ecs/cluster:Cluster"), "settings"), [{ name: "containerInsights", value: "enabled" }]);
        const svc = one(dev, "aws:ecs/service:Service");
        assert.equal(input(svc, "desiredCount"), 2);
        assert.equal(input(svc, "launchType"), "FARGATE");
        const net = input<{ subnets: string[]; assignPublicIp: boolean }>(svc, "networkConfiguration");
        assert.equal(net.assignPublicIp, false);
        assert.deepEqual(net.subnets, ["orders-network-private-a-id", "orders-network-private-b-id"]);
    });

    it("defines a 512 CPU / 1024 MiB task with environment, secrets from Secrets Manager and encrypted logs", () => {
        const td = one(dev, "aws:ecs/taskDefinition:TaskDefinition");
        assert.equal(input(td, "cpu"), "512");
        assert.equal(input(td, "memory"), "1024");
        assert.deepEqual(input(td, "requiresCompatibilities"), ["FARGATE"]);
        const [container] = JSON.parse(input<string>(td, "containerDefinitions")) as Record<string, unknown>[];
        const env = Object.fromEntries((container!.environment as { name: string; value: string }[]).map((e) => [e.name, e.value]));
        assert.equal(env.KINESIS_STREAM_NAME, "fastcart-orders-dev");
        assert.match(env.DB_HOST!, /^fastcart-postgres-dev\./);
        assert.match(env.REDIS_HOST!, /fastcart-redis-dev/);
        for (const forbidden of ["DB_PASSWORD", "REDIS_AUTH_TOKEN", "AWS_ACCESS_KEY_ID"]) assert.ok(!(forbidden in env));
        // The database password rotates: the service reads the secret when it connects, so it is not injected at start.
        assert.equal(env.DB_SECRET_ARN, dev.outputs.db_secret_arn);
        assert.equal(env.DB_SSL, "verify-full");
        const secrets = Object.fromEntries((container!.secrets as { name: string; valueFrom: string }[]).map((s) => [s.name, s.valueFrom]));
        assert.deepEqual(Object.keys(secrets), ["REDIS_AUTH_TOKEN"]);
        assert.match(secrets.REDIS_AUTH_TOKEN!, /^arn:aws:secretsmanager:.*fastcart-redis-auth-token-dev/);
        assert.equal(container!.readonlyRootFilesystem, true);
        assert.notEqual(container!.user, "root");
        const log = (container!.logConfiguration as { logDriver: string; options: Record<string, string> });
        assert.equal(log.logDriver, "awslogs");
        assert.equal(log.options["awslogs-group"], "/ecs/fastcart-service-dev");
    });

    it("runs its image from the stack's own repository by digest (no anonymous pulls), as uid 1000, and waits for a steady service", () => {
        const [container] = JSON.parse(input<string>(one(dev, "aws:ecs/taskDefinition:TaskDefinition"), "containerDefinitions")) as Record<string, unknown>[];
        assert.match(String(container!.image), /^123456789012\.dkr\.ecr\.eu-central-1\.amazonaws\.com\/fastcart-orders-dev@sha256:[0-9a-f]{64}$/);
        assert.equal(container!.command, undefined, "the image's own entrypoint, not the placeholder's");
        assert.equal(container!.user, "1000:1000");
        assert.equal(input(one(dev, "aws:ecs/service:Service"), "waitForSteadyState"), true);
    });

    it("keeps logs 7 days in dev and a year in prod, encrypted with the key", () => {
        const g = ofType(dev, "aws:cloudwatch/logGroup:LogGroup").find((l) => l.inputs.name === "/ecs/fastcart-service-dev")!;
        assert.equal(input(g, "retentionInDays"), 7);
        assert.ok(String(input(g, "kmsKeyId")).startsWith("arn:aws:kms:"));
        for (const lg of ofType(prod, "aws:cloudwatch/logGroup:LogGroup")) assert.equal(input(lg, "retentionInDays"), 365);
    });

    it("runs the order service's image, built from services/orders and pushed to the stack's repository by digest", () => {
        const image = one(dev, "docker-build:index:Image");
        assert.equal(input(image, "push"), true);
        assert.equal(input(image, "buildOnPreview"), false);
        assert.deepEqual(input(image, "dockerfile"), { location: "../../services/orders/Dockerfile" });
        const [tag] = input<string[]>(image, "tags");
        assert.match(tag!, /\/fastcart-orders-dev:build-[0-9a-f]{12}$/);
        const td = one(dev, "aws:ecs/taskDefinition:TaskDefinition");
        const [container] = JSON.parse(input<string>(td, "containerDefinitions")) as { image: string; user: string }[];
        assert.match(container!.image, /\/fastcart-orders-dev@sha256:[0-9a-f]{64}$/);
        assert.equal(container!.user, "1000:1000", "the image's USER");
    });

    it("gives the task role exactly what the service calls: read the stream, decrypt, read the database secret", () => {
        const policies = ofType(dev, "aws:iam/policy:Policy").filter((p) => String(p.inputs.name).startsWith("fastcart-task-dev"));
        const actions = policies.flatMap((p) => docStatements(p).flatMap((s) => [s.Action].flat()));
        assert.deepEqual(
            [...new Set(actions)].sort(),
            ["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kms:Decrypt", "secretsmanager:GetSecretValue"],
        );
        for (const s of policies.flatMap((p) => docStatements(p))) {
            for (const r of [s.Resource].flat()) assert.notEqual(r, "*", `task role statement ${s.Sid} must name its resources`);
        }
    });

    it("lets the execution role read exactly the cache's AUTH token (the database secret is the task's own)", () => {
        const read = ofType(dev, "aws:iam/policy:Policy").find((p) => p.inputs.name === "fastcart-task-execution-dev-read-secrets")!;
        const secrets = docStatements(read).find((s) => s.Sid === "Secrets")!;
        assert.equal([secrets.Resource].flat().length, 1);
        for (const r of [secrets.Resource].flat()) assert.match(String(r), /^arn:aws:secretsmanager:/);
    });
});

describe("fastcart-orders: security groups", () => {
    const rules = (p: StackPlan, type: string) => ofType(p, type).map((r) => r.inputs as Record<string, unknown>);

    it("admits the service's HTTP port from the VPC only", () => {
        const service = one(dev, "aws:ec2/securityGroup:SecurityGroup", "orders-service-sg");
        const ingress = rules(dev, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.securityGroupId === `${service.name}-id`);
        assert.deepEqual(ingress.map((r) => [r.fromPort, r.cidrIpv4]), [[8080, "10.0.0.0/16"]]);
    });

    it("admits PostgreSQL and Redis from the service security group only", () => {
        const ingress = rules(dev, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        const db = ingress.filter((r) => r.securityGroupId === "orders-db-sg-id");
        const cache = ingress.filter((r) => r.securityGroupId === "orders-cache-sg-id");
        assert.deepEqual(db.map((r) => [r.fromPort, r.referencedSecurityGroupId, r.cidrIpv4]), [[5432, "orders-service-sg-id", undefined]]);
        assert.deepEqual(cache.map((r) => [r.fromPort, r.referencedSecurityGroupId, r.cidrIpv4]), [[6379, "orders-service-sg-id", undefined]]);
        assert.ok(ingress.every((r) => r.cidrIpv4 !== "0.0.0.0/0"), "nothing is open to the internet");
    });
});

describe("fastcart-orders: PostgreSQL", () => {
    it("is PostgreSQL 15 (major only), private, encrypted with the key, with managed credentials and exported logs", () => {
        const db = one(dev, "aws:rds/instance:Instance");
        assert.equal(input(db, "engine"), "postgres");
        assert.equal(input(db, "engineVersion"), "15");
        assert.equal(input(db, "instanceClass"), "db.t3.micro");
        assert.equal(input(db, "publiclyAccessible"), false);
        assert.equal(input(db, "storageEncrypted"), true);
        assert.ok(String(input(db, "kmsKeyId")).startsWith("arn:aws:kms:"));
        assert.equal(input(db, "manageMasterUserPassword"), true);
        assert.equal(input(db, "password"), undefined);
        assert.ok(String(input(db, "masterUserSecretKmsKeyId")).startsWith("arn:aws:kms:"));
        assert.equal(input(db, "backupRetentionPeriod"), 7);
        assert.deepEqual(input(db, "enabledCloudwatchLogsExports"), ["postgresql", "upgrade"]);
        assert.equal(input(db, "engineLifecycleSupport"), "open-source-rds-extended-support-disabled");
    });

    it("is single-AZ and destroyable in dev; Multi-AZ, protected and snapshotted in prod", () => {
        const d = one(dev, "aws:rds/instance:Instance");
        assert.equal(input(d, "multiAz"), false);
        assert.equal(input(d, "deletionProtection"), false);
        assert.equal(input(d, "skipFinalSnapshot"), true);
        assert.equal(d.protect, false);
        const p = one(prod, "aws:rds/instance:Instance");
        assert.equal(input(p, "multiAz"), true);
        assert.equal(input(p, "deletionProtection"), true);
        assert.equal(input(p, "skipFinalSnapshot"), false);
        assert.equal(input(p, "finalSnapshotIdentifier"), "fastcart-postgres-prod-final");
        assert.equal(p.protect, true);
    });

    it("rotates the managed credentials every 30 days and alarms on CPU", () => {
        const rotation = one(dev, "aws:secretsmanager/secretRotation:SecretRotation");
        assert.deepEqual(input(rotation, "rotationRules"), { automaticallyAfterDays: 30 });
        assert.match(input<string>(rotation, "secretId"), /^arn:aws:secretsmanager:/);
        const cpu = ofType(dev, "aws:cloudwatch/metricAlarm:MetricAlarm").find((a) => a.inputs.metricName === "CPUUtilization")!;
        assert.deepEqual(input(cpu, "dimensions"), { DBInstanceIdentifier: "fastcart-postgres-dev" });
        assert.equal(input(cpu, "threshold"), 80);
    });
});

describe("fastcart-orders: Redis", () => {
    it("is a 2-node Redis 7 group with encryption at rest and in transit, AUTH, Multi-AZ failover, in private subnets", () => {
        const rg = one(dev, "aws:elasticache/replicationGroup:ReplicationGroup");
        assert.equal(input(rg, "engine"), "redis");
        assert.match(input<string>(rg, "engineVersion"), /^7\./);
        assert.equal(input(rg, "numCacheClusters"), 2);
        assert.equal(input(rg, "atRestEncryptionEnabled"), true);
        assert.ok(String(input(rg, "kmsKeyId")).startsWith("arn:aws:kms:"));
        assert.equal(input(rg, "transitEncryptionEnabled"), true);
        assert.equal(input(rg, "automaticFailoverEnabled"), true);
        assert.equal(input(rg, "multiAzEnabled"), true);
        assert.match(input<string>(rg, "authToken"), /^[A-Za-z0-9]{16,128}$/);
        assert.equal(input(rg, "authTokenUpdateStrategy"), "ROTATE");
        const subnets = one(dev, "aws:elasticache/subnetGroup:SubnetGroup");
        assert.deepEqual(input(subnets, "subnetIds"), ["orders-network-private-a-id", "orders-network-private-b-id"]);
    });

    it("keeps the AUTH token in Secrets Manager under the key", () => {
        const secret = one(dev, "aws:secretsmanager/secret:Secret");
        assert.equal(input(secret, "name"), "fastcart-redis-auth-token-dev");
        assert.ok(String(input(secret, "kmsKeyId")).startsWith("arn:aws:kms:"));
        const version = one(dev, "aws:secretsmanager/secretVersion:SecretVersion");
        assert.equal(input(version, "secretString"), input(one(dev, "aws:elasticache/replicationGroup:ReplicationGroup"), "authToken"));
    });

    it("alarms on each node's memory", () => {
        const memory = ofType(dev, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.inputs.metricName === "DatabaseMemoryUsagePercentage");
        assert.deepEqual(memory.map((a) => (a.inputs.dimensions as Record<string, string>).CacheClusterId).sort(), ["fastcart-redis-dev-001", "fastcart-redis-dev-002"]);
    });
});

describe("fastcart-orders: ECR", () => {
    it("scans on push, encrypts with the key, expires old images; mutable tags in dev, immutable in prod", () => {
        const repo = one(dev, "aws:ecr/repository:Repository");
        assert.deepEqual(input(repo, "imageScanningConfiguration"), { scanOnPush: true });
        assert.equal(input<{ encryptionType: string }[]>(repo, "encryptionConfigurations")[0]!.encryptionType, "KMS");
        assert.equal(input(repo, "imageTagMutability"), "MUTABLE");
        assert.equal(input(repo, "forceDelete"), true);
        const p = one(prod, "aws:ecr/repository:Repository");
        assert.equal(input(p, "imageTagMutability"), "IMMUTABLE");
        assert.equal(input(p, "forceDelete"), false);
        assert.equal(ofType(dev, "aws:ecr/lifecyclePolicy:LifecyclePolicy").length, 1);
    });
});

describe("fastcart-orders: prod protects every data store", () => {
    it("sets protect on the database, the cache and the stream in prod only", () => {
        for (const type of ["aws:rds/instance:Instance", "aws:elasticache/replicationGroup:ReplicationGroup", "aws:kinesis/stream:Stream"]) {
            assert.equal(one(prod, type).protect, true, `${type} protected in prod`);
            assert.equal(one(dev, type).protect, false, `${type} destroyable in dev`);
        }
    });
});
