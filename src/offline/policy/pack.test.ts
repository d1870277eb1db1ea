import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type {
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { evaluatePolicies, policyPackConfig } from "./engine";
import { FALLBACK_REGION, PACK_CONFIG_SCHEMA, contextOf, toPolicies, toPolicy, toPolicyTarget, type PackConfig } from "./pack";
import { deployabilityControls } from "./deploy";
import { controlById } from "./registry";
import { doc, planned, urnOf } from "../../../test/support/policy/deploy";
import type { Control, ResourceControl } from "./types";

function control(id: string): Control {
    const found = controlById(id);
    assert.ok(found, id);
    return found;
}
const codePipelineV2 = control("DEPLOY.CodePipelineV2") as ResourceControl;
const logGroupKmsPolicy = control("DEPLOY.LogGroupKmsPolicy");
const rdsExtendedSupport = control("DEPLOY.RdsExtendedSupport");

const PIPELINE = "aws:codepipeline/pipeline:Pipeline";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const KEY = "aws:kms/key:Key";

const OPTS = { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } };

function notApplicable(reason?: string): never {
    throw new Error(`not applicable: ${reason ?? ""}`);
}

/** What CrossGuard says of every resource, to a resource policy and a stack policy alike. */
function resourceFields(type: string, name: string, props: Record<string, unknown>, providerRegion?: string) {
    return {
        type,
        name,
        urn: urnOf(type, name),
        props,
        opts: OPTS,
        ...(providerRegion === undefined ? {} : { provider: { type: "pulumi:providers:aws", name: "default", urn: "urn:provider", props: { region: providerRegion } } }),
    };
}

/** What CrossGuard passes to validateResource, built by hand (no gRPC server). */
function resourceArgs(type: string, name: string, props: Record<string, unknown>, config: PackConfig = {}, providerRegion?: string): ResourceValidationArgs {
    return {
        ...resourceFields(type, name, props, providerRegion),
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => config as T,
        notApplicable,
    };
}

function policyResource(type: string, name: string, props: Record<string, unknown>, providerRegion?: string): PolicyResource {
    return {
        ...resourceFields(type, name, props, providerRegion),
        dependencies: [],
        propertyDependencies: {},
        isType: () => false,
        asType: () => undefined,
    };
}

function stackArgs(resources: PolicyResource[], config: PackConfig = {}): StackValidationArgs {
    return { resources, stackTags: new Map(), getConfig: <T extends object>() => config as T, notApplicable };
}

interface Reported {
    readonly message: string;
    readonly urn?: string;
    readonly level?: string;
}

/** The pack reports a violation object carrying the profile's level (the form @pulumi/policy's server accepts). */
function collect(reported: Reported[]) {
    return (violation: unknown, urn?: string) => {
        const v = (typeof violation === "string" ? { message: violation, urn } : violation) as { message: string; urn?: string; enforcementLevel?: string };
        reported.push({ message: v.message, ...(v.urn === undefined ? {} : { urn: v.urn }), ...(v.enforcementLevel === undefined ? {} : { level: v.enforcementLevel }) });
    };
}

async function validateResource(policy: ResourceValidationPolicy, args: ResourceValidationArgs): Promise<Reported[]> {
    const reported: Reported[] = [];
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    for (const validate of validations) {
        assert.ok(validate);
        await validate(args, collect(reported));
    }
    return reported;
}

async function validateStack(policy: StackValidationPolicy, args: StackValidationArgs): Promise<Reported[]> {
    const reported: Reported[] = [];
    await policy.validateStack(args, collect(reported));
    return reported;
}

const pipelinePolicy = toPolicy(codePipelineV2) as ResourceValidationPolicy;
const logsPolicy = toPolicy(logGroupKmsPolicy) as StackValidationPolicy;

const prodOnly: ResourceControl = { ...codePipelineV2, id: "TEST.ProdOnly", levels: { dev: "disabled", prod: "mandatory" } };

describe("CrossGuard adapter: policy metadata", () => {
    it("makes a resource policy of a resource control and a stack policy of a stack control", () => {
        assert.equal(typeof pipelinePolicy.validateResource, "function");
        assert.equal("validateStack" in pipelinePolicy, false);
        assert.equal(typeof logsPolicy.validateStack, "function");
        assert.equal("validateResource" in logsPolicy, false);
    });

    it("names each policy by control id, at its prod level (the strict default), with a config schema", () => {
        assert.equal(pipelinePolicy.name, "DEPLOY.CodePipelineV2");
        assert.equal(pipelinePolicy.enforcementLevel, "mandatory");
        assert.equal(toPolicy(rdsExtendedSupport).enforcementLevel, "advisory");
        assert.equal(toPolicy(prodOnly).enforcementLevel, "mandatory");
        assert.equal(pipelinePolicy.severity, "medium");
        assert.equal(pipelinePolicy.configSchema, PACK_CONFIG_SCHEMA);
        // CrossGuard refuses a schema that declares enforcementLevel itself.
        assert.equal("enforcementLevel" in PACK_CONFIG_SCHEMA.properties, false);
        assert.deepEqual(Object.keys(PACK_CONFIG_SCHEMA.properties).sort(), ["exceptions", "profile", "region"]);
    });

    it("makes one uniquely named policy per control", () => {
        const policies = toPolicies(deployabilityControls);
        assert.equal(policies.length, deployabilityControls.length);
        assert.equal(new Set(policies.map((p) => p.name)).size, policies.length);
        assert.ok(policies.every((p) => p.name !== "all"));
    });
});

describe("CrossGuard adapter: validateResource", () => {
    it("reports a violation with no config (prod)", async () => {
        const reported = await validateResource(pipelinePolicy, resourceArgs(PIPELINE, "pipeline", { name: "p" }));
        assert.equal(reported.length, 1);
        assert.match(reported[0]?.message ?? "", /pipelineType is unset/);
    });

    it("reports nothing for a compliant resource or a resource of another type", async () => {
        assert.deepEqual(await validateResource(pipelinePolicy, resourceArgs(PIPELINE, "p", { pipelineType: "V2" })), []);
        assert.deepEqual(await validateResource(pipelinePolicy, resourceArgs("aws:s3/bucket:Bucket", "b", {})), []);
    });

    it("does not run a control the configured profile disables", async () => {
        const policy = toPolicy(prodOnly) as ResourceValidationPolicy;
        assert.equal((await validateResource(policy, resourceArgs(PIPELINE, "p", {}, { profile: "dev" }))).length, 0);
        assert.equal((await validateResource(policy, resourceArgs(PIPELINE, "p", {}, { profile: "prod" }))).length, 1);
    });

    it("honours exceptions from config, by logical name or URN, and ignores one without a reason", async () => {
        const byName = { exceptions: [{ resource: "pipeline", reason: "migrating to V2 next sprint" }] };
        const byUrn = { exceptions: [{ resource: urnOf(PIPELINE, "pipeline"), reason: "migrating to V2 next sprint" }] };
        const noReason = { exceptions: [{ resource: "pipeline", reason: "" }] };
        const other = { exceptions: [{ resource: "other-pipeline", reason: "not this one" }] };
        assert.equal((await validateResource(pipelinePolicy, resourceArgs(PIPELINE, "pipeline", {}, byName))).length, 0);
        assert.equal((await validateResource(pipelinePolicy, resourceArgs(PIPELINE, "pipeline", {}, byUrn))).length, 0);
        assert.equal((await validateResource(pipelinePolicy, resourceArgs(PIPELINE, "pipeline", {}, noReason))).length, 1);
        assert.equal((await validateResource(pipelinePolicy, resourceArgs(PIPELINE, "pipeline", {}, other))).length, 1);
    });
});

describe("CrossGuard adapter: validateStack", () => {
    const keyPolicy = (region: string) =>
        doc({ Effect: "Allow", Principal: { Service: `logs.${region}.amazonaws.com` }, Action: "kms:*", Resource: "*" });
    const stack = (region: string | undefined) => [
        policyResource(LOG_GROUP, "app-logs", { kmsKeyId: "logs-key-id" }, region),
        policyResource(KEY, "logs-key", { policy: keyPolicy("sa-east-1") }, region),
    ];

    it("checks with the region of the resources' AWS provider", async () => {
        assert.deepEqual(await validateStack(logsPolicy, stackArgs(stack("sa-east-1"))), []);
        const reported = await validateStack(logsPolicy, stackArgs(stack("us-east-2")));
        assert.equal(reported.length, 1);
        assert.equal(reported[0]?.urn, urnOf(KEY, "logs-key"));
        assert.match(reported[0]?.message ?? "", /logs\.us-east-2\.amazonaws\.com/);
    });

    it("lets config name the region, and waives stack findings by exception", async () => {
        assert.equal((await validateStack(logsPolicy, stackArgs(stack("sa-east-1"), { region: "eu-central-1" }))).length, 1);
        const waived = { exceptions: [{ resource: "logs-key", reason: "key policy managed outside the stack" }] };
        assert.deepEqual(await validateStack(logsPolicy, stackArgs(stack("us-east-2"), waived)), []);
    });

    it("falls back to the environment's region, then us-east-1", () => {
        const saved = { region: process.env["AWS_REGION"], fallback: process.env["AWS_DEFAULT_REGION"] };
        try {
            delete process.env["AWS_REGION"];
            delete process.env["AWS_DEFAULT_REGION"];
            // A fallback region is marked, so checks that depend on the region do not judge it.
            assert.deepEqual(contextOf({}, undefined), { profile: "prod", region: FALLBACK_REGION, regionAssumed: true });
            process.env["AWS_REGION"] = "ap-southeast-2";
            assert.equal(contextOf({ profile: "dev" }, undefined).region, "ap-southeast-2");
            assert.equal(contextOf({}, "eu-west-1").region, "eu-west-1");
            assert.equal(contextOf({}, "eu-west-1").regionAssumed, undefined);
        } finally {
            if (saved.region === undefined) delete process.env["AWS_REGION"];
            else process.env["AWS_REGION"] = saved.region;
            if (saved.fallback !== undefined) process.env["AWS_DEFAULT_REGION"] = saved.fallback;
        }
    });

    it("converts a PolicyResource to a PolicyTarget: props, URN, name, type, protect and parent", () => {
        const parent = policyResource("my:component:Thing", "parent", {});
        const child = { ...policyResource(PIPELINE, "p", { pipelineType: "V2" }), parent };
        assert.deepEqual(toPolicyTarget(child), {
            urn: urnOf(PIPELINE, "p"),
            type: PIPELINE,
            name: "p",
            props: { pipelineType: "V2" },
            inputs: { pipelineType: "V2" },
            dependsOn: [],
            propertyDependencies: {},
            protect: false,
            parent: parent.urn,
        });
    });
});

describe("CrossGuard adapter: a finding's detail", () => {
    it("puts input, value, rule and source in the message, since reportViolation carries nothing else", async () => {
        const versionPolicy = toPolicy(control("DEPLOY.VersionOffered")) as ResourceValidationPolicy;
        const args = resourceArgs("aws:rds/instance:Instance", "db", { engine: "mariadb", engineVersion: "10.2.44" }, {}, "eu-central-1");
        const [reported, ...rest] = await validateResource(versionPolicy, args);
        assert.equal(rest.length, 0);
        for (const part of ['engineVersion = "10.2.44"', "rule: no new resources on 10.2 from 2022-10-15", "source: https://aws.amazon.com/blogs/database/upgrading-from-amazon-rds-for-mariadb-version-10-2/"]) {
            assert.ok(reported?.message.includes(part), part);
        }
        const [v1] = await validateResource(pipelinePolicy, resourceArgs(PIPELINE, "p", { pipelineType: "V1" }, {}, "eu-central-1"));
        assert.match(v1?.message ?? "", /pipelineType is "V1".*\[rule: pipelineType "V2"\]$/);
    });
});

describe("CrossGuard adapter and offline engine agree", () => {
    it("reports the same findings for the same stack, profile and exceptions", async () => {
        const resources = [
            planned(PIPELINE, "build", { name: "build-dev" }),
            planned(PIPELINE, "deploy", { name: "deploy-dev" }),
            planned(LOG_GROUP, "app-logs", { kmsKeyId: "logs-key-id" }),
            planned(KEY, "logs-key"),
        ];
        const exceptions = [{ policy: "DEPLOY.CodePipelineV2", resource: "build", reason: "migrating to V2 next sprint" }];
        const offline = evaluatePolicies(resources, { profile: "dev", region: "eu-central-1", exceptions, controls: deployabilityControls });

        const config = policyPackConfig("dev", exceptions, deployabilityControls);
        const viaPack: { policy: string; urn?: string; message: string }[] = [];
        for (const policy of toPolicies(deployabilityControls)) {
            // CrossGuard hands getConfig() the entry without enforcementLevel.
            const { enforcementLevel, ...properties } = config[policy.name] ?? { enforcementLevel: "mandatory" };
            if (enforcementLevel === "disabled") continue;
            if ("validateStack" in policy) {
                const args = stackArgs(resources.map((r) => policyResource(r.type, r.name, r.inputs, "eu-central-1")), properties);
                for (const r of await validateStack(policy, args)) viaPack.push({ policy: policy.name, ...r });
            } else {
                for (const r of resources) {
                    const args = resourceArgs(r.type, r.name, r.inputs, properties, "eu-central-1");
                    for (const v of await validateResource(policy, args)) viaPack.push({ policy: policy.name, urn: r.urn, message: v.message });
                }
            }
        }
        const key = (v: { policy: string; urn?: string; message: string }) => `${v.policy} ${v.urn ?? ""} ${v.message}`;
        assert.deepEqual(viaPack.map(key).sort(), offline.violations.map(key).sort());
        assert.equal(offline.violations.length, 2);
    });
});

describe("pack entry", () => {
    it("constructs the PolicyPack in index.ts and nowhere else in the pack", () => {
        const files = (dir: string): string[] =>
            readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
        const constructing = files(__dirname)
            .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
            .filter((f) => readFileSync(f, "utf8").includes("new PolicyPack("))
            .map((f) => f.slice(__dirname.length + 1));
        assert.deepEqual(constructing, ["index.ts"]);
        assert.match(readFileSync(join(__dirname, "index.ts"), "utf8"), /new PolicyPack\("commerce-aws-controls"/);
    });
});
