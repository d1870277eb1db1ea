import ElastiCache1 from "../../../../src/offline/policy/controls/ElastiCache.1";
import ElastiCache2 from "../../../../src/offline/policy/controls/ElastiCache.2";
import ElastiCache3 from "../../../../src/offline/policy/controls/ElastiCache.3";
import ElastiCache4 from "../../../../src/offline/policy/controls/ElastiCache.4";
import ElastiCache5 from "../../../../src/offline/policy/controls/ElastiCache.5";
import ElastiCache6 from "../../../../src/offline/policy/controls/ElastiCache.6";
import ElastiCache7 from "../../../../src/offline/policy/controls/ElastiCache.7";
import AwsSolutionsAEC5 from "../../../../src/offline/policy/controls/AwsSolutions-AEC5";
import AwsSolutionsAEC6 from "../../../../src/offline/policy/controls/AwsSolutions-AEC6";
import Kinesis1 from "../../../../src/offline/policy/controls/Kinesis.1";
import Kinesis3 from "../../../../src/offline/policy/controls/Kinesis.3";
import { builder, controlCases, dev, fail, pass } from "../controls";

const redis = builder("aws:elasticache/replicationGroup:ReplicationGroup");
const stream = builder("aws:kinesis/stream:Stream");

controlCases(ElastiCache1, {
    passing: [pass("one day of snapshots", redis({ snapshotRetentionLimit: 1 }))],
    failing: [
        fail("unset (no snapshots)", redis(), "snapshotRetentionLimit"),
        fail("zero", redis({ snapshotRetentionLimit: 0 }), "snapshotRetentionLimit"),
    ],
});

controlCases(ElastiCache2, {
    passing: [pass("unset (default true)", redis()), pass("true", redis({ autoMinorVersionUpgrade: true }))],
    failing: [fail("false", redis({ autoMinorVersionUpgrade: false }), "autoMinorVersionUpgrade")],
});

controlCases(ElastiCache3, {
    passing: [pass("failover with two nodes", redis({ automaticFailoverEnabled: true, numCacheClusters: 2 }))],
    failing: [
        fail("unset", redis(), "automaticFailoverEnabled"),
        fail("false", redis({ automaticFailoverEnabled: false }), "automaticFailoverEnabled"),
    ],
});

controlCases(ElastiCache4, {
    passing: [pass("encrypted at rest", redis({ atRestEncryptionEnabled: true }))],
    failing: [
        fail("unset", redis(), "atRestEncryptionEnabled"),
        fail("false", redis({ atRestEncryptionEnabled: false }), "atRestEncryptionEnabled"),
    ],
});

controlCases(ElastiCache5, {
    passing: [pass("TLS", redis({ transitEncryptionEnabled: true }))],
    failing: [
        fail("unset", redis(), "transitEncryptionEnabled"),
        fail("false", redis({ transitEncryptionEnabled: false }), "transitEncryptionEnabled"),
    ],
});

controlCases(ElastiCache6, {
    passing: [
        pass("Redis 5 with an auth token", redis({ engineVersion: "5.0.6", authToken: "a-long-enough-token" })),
        pass("Redis 5 with a write-only token", redis({ engine: "redis", engineVersion: "5.0.6", authTokenWo: "a-long-enough-token" })),
        pass("Redis 7 (RBAC era)", redis({ engineVersion: "7.1" })),
        pass("engineVersion unset (latest)", redis()),
        pass("Valkey", redis({ engine: "valkey", engineVersion: "5.0" })),
    ],
    failing: [
        fail("Redis 5 without a token", redis({ engineVersion: "5.0.6" }), "authToken"),
        fail("Redis 4 with an empty token", redis({ engine: "redis", engineVersion: "4.0.10", authToken: "" }), "authToken"),
    ],
});

controlCases(ElastiCache7, {
    passing: [pass("custom subnet group", redis({ subnetGroupName: "fastcart-cache-subnets-dev" }))],
    failing: [
        fail("unset", redis(), "subnetGroupName"),
        fail("default", redis({ subnetGroupName: "default" }), "subnetGroupName"),
    ],
});

controlCases(AwsSolutionsAEC5, {
    passing: [pass("custom port", redis({ port: 6380 }))],
    failing: [fail("unset", redis(), "port"), fail("6379", redis({ port: 6379 }), "port")],
});

controlCases(AwsSolutionsAEC6, {
    passing: [
        pass("auth token", redis({ authToken: "a-long-enough-token" })),
        pass("write-only auth token", redis({ authTokenWo: "a-long-enough-token" })),
    ],
    failing: [fail("no token", redis({ engineVersion: "7.1" }), "authToken"), fail("empty token", redis({ authToken: "" }), "authToken")],
});

controlCases(Kinesis1, {
    passing: [
        pass("AWS managed key", stream({ encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" })),
        pass("customer managed key", stream({ encryptionType: "KMS", kmsKeyId: "arn:aws:kms:us-east-1:1:key/abc" })),
    ],
    failing: [
        fail("unset (NONE)", stream(), "encryptionType"),
        fail("NONE with a key", stream({ encryptionType: "NONE", kmsKeyId: "alias/aws/kinesis" }), "encryptionType"),
        fail("KMS without a key", stream({ encryptionType: "KMS" }), "kmsKeyId"),
    ],
});

controlCases(Kinesis3, {
    passing: [pass("seven days", stream({ retentionPeriod: 168 }))],
    failing: [
        fail("unset (24 hours)", stream(), "retentionPeriod"),
        fail("48 hours, reported in dev too", stream({ retentionPeriod: 48 }), "retentionPeriod", 1, dev),
    ],
});
