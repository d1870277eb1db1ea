/**
 * Renamed components keep their deployed resources: each registers with an alias to the type
 * token its class had before, read from the registrations Pulumi's mock monitor receives.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { Namer } from "../src/config/naming";
import { EncryptionKey } from "../src/components/encryption";
import { KinesisStream } from "../src/components/kinesisStream";
import { ReleaseFunction, type ContainerImageFunction } from "../src/components/lambda";
import type { DynamoDbTable } from "../src/components/table";
import { SnsTopic } from "../src/components/snsTopic";

interface AliasRequest {
    getType(): string;
    getName(): string;
    getAliasesList(): { getSpec(): { getType(): string } | undefined }[];
}

/** Alias types of each registered resource, by `<type> <name>`. */
const aliases = new Map<string, string[]>();

before(async () => {
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => ({ id: `${args.name}-id`, state: { ...args.inputs, arn: `arn:aws:mock:us-east-1:123456789012:${args.name}`, name: args.inputs.name ?? args.name } }),
            call: (args) => (args.token === "aws:index/getCallerIdentity:getCallerIdentity" ? { accountId: "123456789012" } : args.token === "aws:index/getRegion:getRegion" ? { region: "us-east-1", name: "us-east-1" } : args.token === "aws:index/getPartition:getPartition" ? { partition: "aws" } : {}),
        },
        "aliases",
        "dev",
        false,
    );
    const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: AliasRequest, cb: unknown): unknown };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
        aliases.set(`${req.getType()} ${req.getName()}`, req.getAliasesList().map((a) => a.getSpec()?.getType() ?? ""));
        return register(req, cb);
    };
    const base = { namer: new Namer("aliases", "dev"), tags: { Project: "aliases" } };
    new KinesisStream("orders", { ...base, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k", shardCount: 1, retentionHours: 24, removal: "destroy" });
    const key = new EncryptionKey("key", { ...base, aliasName: "key", description: "topic key", viaServices: ["sns"], removal: "destroy" });
    new SnsTopic("alerts", { ...base, topicName: "alerts", displayName: "Alerts", key, publishers: ["cloudwatch.amazonaws.com"] });
    // The release function only reads its target's and table's names and asks them for grants.
    const target = { name: "aliases-app-dev", grantRelease: () => undefined } as unknown as ContainerImageFunction;
    const history = { name: "aliases-deployments-dev", grantReadWriteData: () => undefined } as unknown as DynamoDbTable;
    new ReleaseFunction("deployer", { ...base, functionName: "deploy", description: "release", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k", logRetentionDays: 7, target, history, environmentSuffix: "dev" });
    // Every registration the constructors started, answered.
    await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
});

describe("renamed components alias their old type token", () => {
    const cases = [
        ["commerce:kinesis:KinesisStream orders", "commerce:kinesis:EventStream"],
        ["commerce:sns:SnsTopic alerts", "commerce:sns:Notifications"],
        ["commerce:lambda:ReleaseFunction deployer", "commerce:lambda:DeployFunction"],
    ] as const;
    for (const [resource, old] of cases) {
        it(`${resource} was ${old}`, () => {
            assert.ok(aliases.has(resource), `${resource} was not registered: ${[...aliases.keys()].join(", ")}`);
            assert.deepEqual(aliases.get(resource), [old]);
        });
    }

    it("gives resources that were not renamed no alias", () => {
        const stream = [...aliases].find(([k]) => k.startsWith("aws:kinesis/stream:Stream "));
        assert.ok(stream, "the stream itself was registered");
        assert.deepEqual(stream[1], []);
    });
});
