/**
 * `pulumi preview --policy-pack src/offline/policy`, as the CLI runs it, for every stack: the pack
 * served by @pulumi/pulumi's run-policy-pack (TypeScript through ts-node with type checking, as
 * the CLI serves a TypeScript pack), then the engine's calls over gRPC: ConfigureStack with the
 * stack's config as in its stack file, Analyze for each planned resource and AnalyzeStack with
 * all of them. With no `--policy-pack-config` file it must apply the stack's own profile levels
 * and waivers: zero mandatory violations, and the same findings as the offline plan. One served
 * pack answers every stack (starting it type-checks the pack, which is most of this test's time).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { mapLimit } from "../src/offline/plan/cli";
import { readProject, readStackConfig } from "../src/offline/plan/project";
import { evaluatePolicies } from "../src/offline/policy/engine";
import { policySettings } from "../src/offline/policy/settings";
import type { PlannedResource, StackPlan } from "../src/offline/model/types";
import { plan, PRODUCT_STACKS, projectDir, REPO } from "./helpers";

const STACKS = PRODUCT_STACKS;

const LEVEL: Record<number, string> = {
    [analyzer.EnforcementLevel.ADVISORY]: "advisory",
    [analyzer.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzer.EnforcementLevel.DISABLED]: "disabled",
    [analyzer.EnforcementLevel.REMEDIATE]: "remediate",
};

interface Finding {
    readonly policy: string;
    readonly level: string;
    readonly urn: string;
}

/** Starts the pack as the CLI does and resolves with its port once it prints it. */
function servePack(): Promise<{ child: ChildProcess; port: number }> {
    const packDir = path.join(REPO, "src", "offline", "policy");
    const runner = path.join(REPO, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
    // A fresh environment without PROFILE, so the stack's config decides as on a user's machine.
    const env = { ...process.env };
    delete env["PROFILE"];
    const child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: packDir, env, stdio: ["ignore", "pipe", "pipe"] });
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        child.stdout!.on("data", (d: Buffer) => {
            out += d.toString();
            const m = /^(\d+)\s*$/m.exec(out);
            if (m) resolve({ child, port: Number(m[1]) });
        });
        child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
        child.on("exit", (code) => reject(new Error(`the pack exited (${code}) before serving:\n${err}`)));
    });
}

function call<Req, Res>(fn: (req: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => void, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => fn(req, (e, r) => (e ? reject(e) : resolve(r))));
}

/** Plain JSON, as the engine marshals planned inputs (undefined dropped). */
function struct(value: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(value)) as Parameters<typeof Struct.fromJavaScript>[0]);
}

function options(r: PlannedResource): analyzer.AnalyzerResourceOptions {
    const o = new analyzer.AnalyzerResourceOptions();
    o.setProtect(r.protect);
    if (r.parent) o.setParent(r.parent);
    return o;
}

function provider(region: string): analyzer.AnalyzerProviderResource {
    const p = new analyzer.AnalyzerProviderResource();
    p.setType("pulumi:providers:aws");
    p.setName("default");
    p.setUrn("urn:pulumi:stack::project::pulumi:providers:aws::default");
    p.setProperties(struct({ region }));
    return p;
}

function findings(diagnostics: analyzer.AnalyzeDiagnostic[], urn?: string): Finding[] {
    return diagnostics.map((d) => ({ policy: d.getPolicyname(), level: LEVEL[d.getEnforcementlevel()] ?? "?", urn: d.getUrn() || urn || "" }));
}

type Described = analyzer.AnalyzeRequest | analyzer.AnalyzerResource;

/** The fields an Analyze request and an AnalyzeStack resource share. */
function describeResource<T extends Described>(m: T, r: PlannedResource, aws: analyzer.AnalyzerProviderResource): T {
    m.setType(r.type);
    m.setUrn(r.urn);
    m.setName(r.name);
    m.setProperties(struct(r.inputs));
    m.setOptions(options(r));
    m.setProvider(aws);
    return m;
}

/** What the engine sends for one stack: ConfigureStack, Analyze per resource, AnalyzeStack. */
async function preview(client: AnalyzerClient, p: StackPlan, config: Record<string, string>): Promise<Finding[]> {
    const configure = new analyzer.AnalyzerStackConfigureRequest();
    configure.setProject(p.project);
    configure.setStack(p.stack);
    configure.setDryRun(true);
    for (const [k, v] of Object.entries(config)) configure.getConfigMap().set(k, v);
    await call(client.configureStack.bind(client), configure);

    const found: Finding[] = [];
    const aws = provider(p.region);
    for (const r of p.resources) {
        const req = describeResource(new analyzer.AnalyzeRequest(), r, aws);
        const res = await call<analyzer.AnalyzeRequest, analyzer.AnalyzeResponse>(client.analyze.bind(client), req);
        found.push(...findings(res.getDiagnosticsList(), r.urn));
    }
    const stackReq = new analyzer.AnalyzeStackRequest();
    stackReq.setResourcesList(
        p.resources.map((r) => {
            const a = describeResource(new analyzer.AnalyzerResource(), r, aws);
            if (r.parent) a.setParent(r.parent);
            a.setDependenciesList([...r.dependsOn]);
            return a;
        }),
    );
    const res = await call<analyzer.AnalyzeStackRequest, analyzer.AnalyzeResponse>(client.analyzeStack.bind(client), stackReq);
    found.push(...findings(res.getDiagnosticsList()));
    return found;
}

const key = (f: Finding) => `${f.level} ${f.policy} ${f.urn}`;

describe("pulumi preview --policy-pack, served as the CLI serves it", () => {
    let served: { child: ChildProcess; port: number };
    let client: AnalyzerClient;
    const plans = new Map<string, StackPlan>();

    before(async () => {
        // Two plans at a time beside the pack's start, as the planner runs them on two cores.
        const [pack] = await Promise.all([servePack(), mapLimit(STACKS, 2, async ([project, stack]) => plans.set(`${project}/${stack}`, await plan(project, stack)))]);
        served = pack;
        client = new AnalyzerClient(`127.0.0.1:${served.port}`, grpc.credentials.createInsecure());
    });
    after(() => {
        client?.close();
        served?.child.kill();
    });

    for (const [project, stack] of STACKS) {
        it(`${project}/${stack}: the stack's own levels and waivers, no mandatory finding, the offline plan's findings`, async () => {
            const p = plans.get(`${project}/${stack}`)!;
            assert.equal(p.error, null, String(p.error));
            const found = await preview(client, p, readStackConfig(readProject(projectDir(project)), stack).config);
            assert.deepEqual(found.filter((f) => f.level === "mandatory"), []);
            assert.deepEqual(found.map(key).sort(), p.violations.map((v) => key({ policy: v.policy, level: v.level, urn: v.urn ?? "" })).sort());
        });
    }

    it("without the stack's config (a stack named dev, no waivers) the same preview has mandatory findings", async () => {
        const p = plans.get("payment-pipeline/dev")!;
        const found = await preview(client, p, {});
        const mandatory = found.filter((f) => f.level === "mandatory").map((f) => f.policy);
        // The waived ELB and IAM findings of the stack file come back.
        assert.ok(mandatory.includes("ELB.1"), mandatory.join(", "));
    });

    it("reads the profile from the ConfigureStack config: profile prod on a stack named dev checks at prod levels", async () => {
        const p = plans.get("fastcart-orders/dev")!;
        const config = { ...readStackConfig(readProject(projectDir("fastcart-orders")), "dev").config, "fastcart-orders:profile": "prod" };
        const found = await preview(client, p, config);
        const expected = evaluatePolicies(p.resources, { profile: "prod", region: p.region, exceptions: policySettings("fastcart-orders", "dev", config, {}).exceptions });
        assert.ok(found.some((f) => f.level === "mandatory"), "dev's destroyable resources fail prod's mandatory controls");
        // The access check does not depend on the profile: its findings are the offline plan's.
        const access = p.violations.filter((v) => v.policy.startsWith("ACCESS."));
        assert.deepEqual(found.map(key).sort(), [...expected.violations, ...access].map((v) => key({ policy: v.policy, level: v.level, urn: v.urn ?? "" })).sort());
    });
});
