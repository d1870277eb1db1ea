import assert from "node:assert/strict";
import { describe, it } from "node:test";
import data from "./replacement-data.json";
import { cfnMappedTypes, cfnProperty, cfnTypeOf, PROVIDER_DIFFERS, PROVIDER_ONLY, replacementOf } from "./replacement";

const types = data.types as Record<string, Record<string, string>>;

describe("the replacement data and its mapping agree", () => {
    it("every mapped CloudFormation type is in the vendored data, with its provenance", () => {
        for (const pulumi of cfnMappedTypes()) assert.ok(types[cfnTypeOf(pulumi)!], `${pulumi} → ${cfnTypeOf(pulumi)} is not in replacement-data.json: run npm run refresh-aws-data`);
        assert.match(data.source, /@aws-cdk\/aws-service-spec \d+\.\d+\.\d+/);
        assert.match(data.refreshed, /^\d{4}-\d{2}-\d{2}$/);
    });

    it("every input the mapping names maps onto a property the data still has", () => {
        const planned = ["identifier", "instanceClass", "username", "hashKey", "assumeRolePolicy", "bucket", "cidrIpv4", "name"];
        for (const pulumi of cfnMappedTypes()) {
            for (const input of planned) {
                const prop = cfnProperty(pulumi, input);
                if (prop !== undefined) assert.ok(prop in types[cfnTypeOf(pulumi)!]!, `${pulumi}.${input} → ${prop} is gone from the data`);
            }
        }
    });

    it("the provider tables name only types the CloudFormation mapping does not contradict", () => {
        for (const type of Object.keys(PROVIDER_DIFFERS)) assert.ok(cfnTypeOf(type), `${type} differs from a CloudFormation type it is not mapped to`);
        for (const type of Object.keys(PROVIDER_ONLY)) assert.equal(cfnTypeOf(type), undefined, `${type} is a part of another resource, not a CloudFormation type`);
        for (const [type, inputs] of Object.entries(PROVIDER_DIFFERS)) {
            for (const input of Object.keys(inputs)) assert.ok(cfnProperty(type, input) !== undefined, `${type}.${input} maps onto no CloudFormation property, so nothing differs`);
        }
    });
});

describe("replacementOf", () => {
    const cases: Array<[string, string, "yes" | "maybe" | "no" | undefined]> = [
        ["aws:rds/instance:Instance", "identifier", "yes"],
        ["aws:rds/instance:Instance", "dbName", "yes"],
        ["aws:rds/instance:Instance", "storageEncrypted", "yes"],
        ["aws:rds/instance:Instance", "instanceClass", "no"],
        ["aws:rds/instance:Instance", "multiAz", "maybe"],
        ["aws:rds/instance:Instance", "port", "no"],
        ["aws:rds/instance:Instance", "skipFinalSnapshot", undefined],
        ["aws:kinesis/stream:Stream", "shardCount", "no"],
        ["aws:kinesis/stream:Stream", "name", "yes"],
        ["aws:s3/bucket:Bucket", "bucket", "yes"],
        ["aws:s3/bucket:Bucket", "tags", "no"],
        ["aws:s3/bucketVersioning:BucketVersioning", "bucket", "yes"],
        ["aws:s3/bucketVersioning:BucketVersioning", "versioningConfiguration", "no"],
        ["aws:ecs/taskDefinition:TaskDefinition", "containerDefinitions", "yes"],
        ["aws:elasticache/replicationGroup:ReplicationGroup", "engine", "no"],
        ["aws:elasticache/replicationGroup:ReplicationGroup", "atRestEncryptionEnabled", "yes"],
        ["aws:dynamodb/table:Table", "hashKey", "yes"],
        ["aws:kms/key:Key", "customerMasterKeySpec", "yes"],
        ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "fromPort", "no"],
        ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "securityGroupId", "yes"],
        ["random:index/randomPassword:RandomPassword", "length", "yes"],
        ["aws:unknown/thing:Thing", "name", undefined],
    ];
    for (const [type, input, want] of cases) {
        it(`${type.split(":").pop()}.${input}: ${want ?? "unknown"}`, () => {
            assert.equal(replacementOf(type, input)?.replaces, want);
        });
    }

    it("says where a decision comes from: the CloudFormation property, or the provider's page", () => {
        assert.match(replacementOf("aws:rds/instance:Instance", "identifier")!.source, /^AWS::RDS::DBInstance\.DBInstanceIdentifier \(/);
        assert.match(replacementOf("aws:rds/instance:Instance", "port")!.source, /db_instance#port$/);
    });
});
