/**
 * The access check's findings are waived by a stack's `policyExceptions` like every control's: on
 * a named resource, with a reason, in the offline plan (one program run of a small fixture) and in
 * the pack's ACCESS policies (called as CrossGuard calls them); an exception that waives nothing
 * is an error.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { checkAccess } from "../src/offline/access";
import type { PlannedResource, StackPlan } from "../src/offline/model/types";
import { formatPlan } from "../src/offline/plan/format";
import { planStack } from "../src/offline/plan/planner";
import { readProject } from "../src/offline/plan/project";
import { accessPolicies } from "../src/offline/policy/access";
import { evaluatePolicies } from "../src/offline/policy/engine";
import { setStackUnderCheck } from "../src/offline/policy/stack";
import { renderReport } from "../src/offline/report/html";
import type { PolicyException } from "../src/offline/policy/types";

const FIXTURE = path.join(__dirname, "fixtures", "access-waiver");
const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const urn = (type: string, name: string) => `urn:pulumi:dev::access-waiver::${type}::${name}`;
const ROLE_URN = urn("aws:iam/role:Role", "worker");

/** The fixture's resources, by hand: what the access check reads of them. */
function resources(): PlannedResource[] {
    const r = (type: string, name: string, inputs: Record<string, unknown>): PlannedResource => ({ urn: urn(type, name), type, name, inputs, custom: true, protect: false, dependsOn: [] });
    return [
        r("aws:iam/role:Role", "worker", {
            name: "access-waiver-worker",
            assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
            inlinePolicies: [{ name: "queue", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "Queue", Effect: "Allow", Action: "sqs:SendMessage", Resource: `arn:aws:sqs:${REGION}:${ACCOUNT}:jobs` }] }) }],
        }),
        r("aws:cloudwatch/logGroup:LogGroup", "fn-logs", { name: "/aws/lambda/access-waiver-fn" }),
        r("aws:lambda/function:Function", "fn", { name: "access-waiver-fn", role: `arn:aws:iam::${ACCOUNT}:role/access-waiver-worker` }),
    ];
}

const accessOnly = (violations: readonly { policy: string; urn?: string }[]) => violations.filter((v) => v.policy.startsWith("ACCESS.")).map((v) => `${v.policy} ${v.urn ?? ""}`);

describe("access waivers: the engine", () => {
    it("waives ACCESS.Denied and ACCESS.UnusedGrant on the named resource, records each reason, and counts the access policies", async () => {
        const rs = resources();
        const access = await checkAccess(rs, { region: REGION });
        assert.deepEqual([access.denied.length, access.unused.length], [2, 1], "the fixture has two denied log calls and one unused grant");
        const none = evaluatePolicies(rs, { profile: "dev", region: REGION, exceptions: [], controls: [], access });
        assert.deepEqual(accessOnly(none.violations), [`ACCESS.Denied ${ROLE_URN}`, `ACCESS.Denied ${ROLE_URN}`, `ACCESS.UnusedGrant ${ROLE_URN}`]);
        assert.deepEqual(none.summary, { checked: 3, passed: 1, waived: 0, failed: 2 });

        const exceptions: PolicyException[] = [
            { policy: "ACCESS.Denied", resource: "worker", reason: "logs come later" },
            { policy: "ACCESS.UnusedGrant", resource: ROLE_URN, reason: "the queue's consumer is another stack's" },
        ];
        const waived = evaluatePolicies(rs, { profile: "dev", region: REGION, exceptions, controls: [], access });
        assert.deepEqual(accessOnly(waived.violations), []);
        assert.deepEqual(waived.errors, []);
        assert.deepEqual(waived.exceptions, [
            { policy: "ACCESS.Denied", urn: ROLE_URN, reason: "logs come later" },
            { policy: "ACCESS.UnusedGrant", urn: ROLE_URN, reason: "the queue's consumer is another stack's" },
        ]);
        assert.deepEqual(waived.summary, { checked: 3, passed: 1, waived: 2, failed: 0 });
    });

    it("keeps a finding on another resource, and makes an exception that waives nothing, or has no reason, an error", async () => {
        const rs = resources();
        const access = await checkAccess(rs, { region: REGION });
        const exceptions: PolicyException[] = [
            { policy: "ACCESS.Denied", resource: "fn", reason: "the function is not what must change" },
            { policy: "ACCESS.Reference", reason: "no document problem here" },
            { policy: "ACCESS.UnusedGrant", resource: "worker", reason: " " },
        ];
        const r = evaluatePolicies(rs, { profile: "dev", region: REGION, exceptions, controls: [], access });
        assert.deepEqual(accessOnly(r.violations), [`ACCESS.Denied ${ROLE_URN}`, `ACCESS.Denied ${ROLE_URN}`, `ACCESS.UnusedGrant ${ROLE_URN}`]);
        assert.deepEqual(r.errors, [
            "policyExceptions[2] (ACCESS.UnusedGrant, on worker): the reason is empty; say why the control is waived here.",
            "policyExceptions[0] (ACCESS.Denied, on fn): waives nothing (the control reports nothing it covers); remove it.",
            "policyExceptions[1] (ACCESS.Reference, stack-wide): waives nothing (the control reports nothing it covers); remove it.",
        ]);
    });

    it("a stack-wide exception waives every finding of its id", async () => {
        const rs = resources();
        const access = await checkAccess(rs, { region: REGION });
        const r = evaluatePolicies(rs, { profile: "prod", region: REGION, exceptions: [{ policy: "ACCESS.Denied", reason: "a sandbox stack" }], controls: [], access });
        assert.deepEqual(accessOnly(r.violations), [`ACCESS.UnusedGrant ${ROLE_URN}`]);
        assert.deepEqual(r.exceptions, [{ policy: "ACCESS.Denied", reason: "a sandbox stack" }]);
    });
});

describe("access waivers: the offline plan", () => {
    let p: StackPlan;
    before(async () => {
        p = await planStack(readProject(FIXTURE), "dev");
    });

    it("applies the stack file's exceptions to the access findings, prints each waiver, and fails on the one that waives nothing", () => {
        assert.equal(p.access?.denied.length, 2, "the access report itself still lists what it found");
        assert.deepEqual(accessOnly(p.violations), []);
        assert.deepEqual(
            p.exceptions.filter((e) => e.policy.startsWith("ACCESS.")).map((e) => `${e.policy} ${e.urn?.split("::").pop() ?? ""}`),
            ["ACCESS.Denied worker", "ACCESS.UnusedGrant worker"],
        );
        assert.match(String(p.error), /policyExceptions\[2\] \(ACCESS\.Denied, on fn\): waives nothing/);
    });

    it("counts waived calls apart in the terminal and the report, not as denied", () => {
        assert.match(formatPlan(p), /Access: \d+ calls checked, 2 denied \(2 waived\), 0 document problems, 1 unused grants \(1 waived\)/);
        const chips = /<ul class="chips access">(.*?)<\/ul>/.exec(renderReport({ plans: [p], diagrams: ["<svg></svg>"], generatedAt: new Date(0) }))?.[1] ?? "";
        assert.match(chips, /<li class="ok">0 denied<\/li><li class="ok">0 unused grants<\/li><li class="waived">3 waived<\/li>/);
    });
});

describe("access waivers: the pack", () => {
    const policyResources: PolicyResource[] = resources().map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.inputs,
        opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } },
        dependencies: [],
        propertyDependencies: {},
        isType: () => false,
        asType: () => undefined,
    }));
    const args = (config: object = {}): StackValidationArgs => ({
        resources: policyResources,
        stackTags: new Map(),
        getConfig: <T extends object>() => config as T,
        notApplicable: () => {
            throw new Error("not applicable");
        },
    });
    const run = async (policy: StackValidationPolicy, a: StackValidationArgs) => {
        const found: string[] = [];
        await policy.validateStack(a, (v: unknown) => found.push(`${policy.name} ${(v as { urn?: string }).urn ?? ""}`));
        return found;
    };
    const policies = accessPolicies();
    const all = async (a: StackValidationArgs) => (await Promise.all(policies.map((policy) => run(policy, a)))).flat();
    after(() => setStackUnderCheck(undefined));

    it("reports the findings without waivers, and drops those the stack's policyExceptions waive", async () => {
        setStackUnderCheck({ project: "access-waiver", stack: "dev", config: {} }, {});
        assert.deepEqual(await all(args()), [`ACCESS.Denied ${ROLE_URN}`, `ACCESS.Denied ${ROLE_URN}`, `ACCESS.UnusedGrant ${ROLE_URN}`]);
        const exceptions = JSON.stringify([{ policy: "ACCESS.Denied", resource: "worker", reason: "logs come later" }]);
        setStackUnderCheck({ project: "access-waiver", stack: "dev", config: { "access-waiver:policyExceptions": exceptions } }, {});
        assert.deepEqual(await all(args()), [`ACCESS.UnusedGrant ${ROLE_URN}`]);
    });

    it("takes a policy's --policy-pack-config exceptions over the stack's", async () => {
        setStackUnderCheck({ project: "access-waiver", stack: "dev", config: {} }, {});
        const unused = policies.find((x) => x.name === "ACCESS.UnusedGrant")!;
        assert.deepEqual(await run(unused, args({ exceptions: [{ resource: "worker", reason: "another stack's queue" }] })), []);
        assert.deepEqual(await run(unused, args({ exceptions: [{ resource: "fn", reason: "not the role" }] })), [`ACCESS.UnusedGrant ${ROLE_URN}`]);
    });
});
