/**
 * The pack as `pulumi preview` runs it on a first deployment, when ids and ARNs are not known
 * yet: the request goes through CrossGuard's own AnalyzeStack handler, which wraps each
 * resource's props so that reading an unknown value throws (and skips the whole policy). The
 * references the S3 controls follow (`bucket: bucket.id`) are unknown here; the plan index
 * answers them from the property dependencies the engine sends with each resource.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import { urnOf } from "../../../test/support/resources";
import { toPolicies } from "./pack";
import { controlById } from "./registry";

type Handler = (call: { request: analyzerproto.AnalyzeStackRequest }, cb: (err: unknown, resp: analyzerproto.AnalyzeResponse) => void) => Promise<void>;
/** CrossGuard's AnalyzeStack handler, the one its gRPC server serves (internal, so untyped). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeAnalyzeStackRpcFun } = require("@pulumi/policy/server") as {
    makeAnalyzeStackRpcFun(name: string, version: string, level: string, policies: unknown[]): Handler;
};

/** How the engine sends a value it cannot know during preview (Pulumi's unknown string sentinel). */
const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const BUCKET = "aws:s3/bucket:Bucket";

interface Sent {
    readonly type: string;
    readonly name: string;
    readonly props: Record<string, unknown>;
    /** Per input, the resources (by logical name and type) whose outputs it takes. */
    readonly from?: Record<string, readonly [string, string]>;
}

function resource(sent: Sent): analyzerproto.AnalyzerResource {
    const r = new analyzerproto.AnalyzerResource();
    r.setType(sent.type);
    r.setName(sent.name);
    r.setUrn(urnOf(sent.type, sent.name));
    r.setProperties(structproto.Struct.fromJavaScript(sent.props as Record<string, structproto.JavaScriptValue>));
    r.setOptions(new analyzerproto.AnalyzerResourceOptions());
    const provider = new analyzerproto.AnalyzerProviderResource();
    provider.setType("pulumi:providers:aws");
    provider.setName("default");
    provider.setUrn("urn:pulumi:dev::fixture::pulumi:providers:aws::default");
    provider.setProperties(structproto.Struct.fromJavaScript({ region: "us-east-1" }));
    r.setProvider(provider);
    const deps: string[] = [];
    for (const [key, [type, name]] of Object.entries(sent.from ?? {})) {
        const urns = new analyzerproto.AnalyzerPropertyDependencies();
        urns.setUrnsList([urnOf(type, name)]);
        r.getPropertydependenciesMap().set(key, urns);
        deps.push(urnOf(type, name));
    }
    r.setDependenciesList([...new Set(deps)]);
    return r;
}

interface Diagnostic {
    readonly policy: string;
    readonly urn: string;
    readonly message: string;
}

/** Runs the given controls' stack policies through CrossGuard's AnalyzeStack handler. */
async function analyzeStack(ids: readonly string[], sent: readonly Sent[]): Promise<Diagnostic[]> {
    const controls = ids.map((id) => {
        const c = controlById(id);
        assert.ok(c, id);
        return c;
    });
    const request = new analyzerproto.AnalyzeStackRequest();
    request.setResourcesList(sent.map(resource));
    const handler = makeAnalyzeStackRpcFun("commerce-aws-controls", "0.0.1", "mandatory", toPolicies(controls));
    const response = await new Promise<analyzerproto.AnalyzeResponse>((resolve, reject) => {
        void handler({ request }, (err, resp) => (err ? reject(err) : resolve(resp)));
    });
    return response.getDiagnosticsList().map((d) => ({ policy: d.getPolicyname(), urn: d.getUrn(), message: d.getMessage() }));
}

/** A first preview: the buckets' names are given, their ids are not known yet. */
function firstPreview(logsFor: string): Sent[] {
    return [
        { type: BUCKET, name: "data", props: { bucket: "shop-data-dev" } },
        { type: BUCKET, name: "logs", props: { bucket: "shop-logs-dev" } },
        {
            type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            name: "data-public",
            props: { bucket: UNKNOWN_VALUE, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            from: { bucket: [BUCKET, "data"] },
        },
        {
            type: "aws:s3/bucketLogging:BucketLogging",
            name: "data-logging",
            props: { bucket: UNKNOWN_VALUE, targetBucket: UNKNOWN_VALUE, targetPrefix: "data/" },
            from: { bucket: [BUCKET, logsFor], targetBucket: [BUCKET, "logs"] },
        },
    ];
}

describe("the pack during pulumi preview, with ids not known yet", () => {
    it("follows unknown references through property dependencies instead of skipping the controls", async () => {
        const found = await analyzeStack(["S3.8", "S3.9"], firstPreview("data"));
        assert.deepEqual(
            found.filter((d) => /can't run/.test(d.message)),
            [],
            "no control may be skipped for an unknown reference",
        );
        // Only the log bucket lacks a public access block; the data bucket's is found by dependency.
        assert.deepEqual(found.map((d) => `${d.policy} ${d.urn}`).sort(), [`S3.8 ${urnOf(BUCKET, "logs")}`]);
    });

    it("still reports what the dependencies show to be missing", async () => {
        // The logging resource depends on the log bucket, not the data bucket: the data bucket is not logged.
        const found = await analyzeStack(["S3.9"], firstPreview("logs"));
        assert.deepEqual(found.map((d) => `${d.policy} ${d.urn}`), [`S3.9 ${urnOf(BUCKET, "data")}`]);
    });

    it("skips a control, as CrossGuard does, when a value it must read itself is unknown", async () => {
        const sent: Sent[] = [{ type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: "p", props: { bucket: "b", blockPublicAcls: UNKNOWN_VALUE } }];
        const found = await analyzeStack(["S3.8"], [{ type: BUCKET, name: "b", props: { bucket: "b" } }, ...sent]);
        assert.equal(found.length, 1);
        assert.match(found[0]?.message ?? "", /can't run policy 'S3.8'.*during preview/);
    });
});
