import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { evaluatePolicies, exceptionCovers, logicalName, policyPackConfig, toPolicyTarget } from "./engine";
import { allControls } from "./registry";
import { codePipelineV2 } from "./deploy/DEPLOY.CodePipelineV2";
import { planned, urnOf } from "../../../test/support/policy/deploy";
import type { Control, ResourceControl, StackControl } from "./types";

const BUCKET = "aws:s3/bucket:Bucket";
const TOPIC = "aws:sns/topic:Topic";
const PIPELINE = "aws:codepipeline/pipeline:Pipeline";

function resourceControl(id: string, levels: ResourceControl["levels"], type = BUCKET): ResourceControl {
    return {
        id,
        title: `${id} fixture`,
        kind: "security",
        scope: "resource",
        severity: "Medium",
        pci: [],
        resourceTypes: [type],
        remediation: "Set encrypted: true.",
        levels,
        check: (r) => (r.props["encrypted"] === true ? [] : [`${r.name} is not encrypted`]),
    };
}

/** A stack control that reports the stack as a whole when no topic exists. */
const needsTopic: StackControl = {
    id: "TEST.NeedsTopic",
    title: "A stack has an alarm topic",
    kind: "security",
    scope: "stack",
    severity: "Low",
    pci: [],
    resourceTypes: [TOPIC, BUCKET],
    remediation: "Add an SNS topic.",
    levels: { dev: "advisory", prod: "mandatory" },
    check: (resources) => (resources.some((r) => r.type === TOPIC) ? [] : [{ message: "no alarm topic" }]),
};

const encrypted = resourceControl("TEST.Encrypted", { dev: "advisory", prod: "mandatory" });
const prodOnly = resourceControl("TEST.ProdOnly", { dev: "disabled", prod: "mandatory" });
const topicEncrypted = resourceControl("TEST.TopicEncrypted", { dev: "mandatory", prod: "mandatory" }, TOPIC);
const controls: readonly Control[] = [encrypted, prodOnly, needsTopic, topicEncrypted];

const plain = planned(BUCKET, "logs");
const secure = planned(BUCKET, "data", { encrypted: true });
const other = planned(BUCKET, "assets");

function evaluate(profile: "dev" | "prod", exceptions: Parameters<typeof evaluatePolicies>[1]["exceptions"] = [], resources = [plain, secure]) {
    return evaluatePolicies(resources, { profile, region: "eu-central-1", exceptions, controls });
}

describe("evaluatePolicies: levels per profile", () => {
    it("reports a finding at the level the profile sets", () => {
        const dev = evaluate("dev").violations.filter((v) => v.policy === "TEST.Encrypted");
        const prod = evaluate("prod").violations.filter((v) => v.policy === "TEST.Encrypted");
        assert.deepEqual(dev, [{ policy: "TEST.Encrypted", level: "advisory", urn: plain.urn, message: "logs is not encrypted", remediation: "Set encrypted: true." }]);
        assert.equal(prod[0]?.level, "mandatory");
    });

    it("does not run a control the profile disables", () => {
        assert.equal(evaluate("dev").violations.some((v) => v.policy === "TEST.ProdOnly"), false);
        assert.equal(evaluate("prod").violations.some((v) => v.policy === "TEST.ProdOnly"), true);
    });

    it("reports a stack finding without a URN", () => {
        const stack = evaluate("prod").violations.find((v) => v.policy === "TEST.NeedsTopic");
        assert.deepEqual(stack, { policy: "TEST.NeedsTopic", level: "mandatory", message: "no alarm topic", remediation: "Add an SNS topic." });
    });
});

describe("evaluatePolicies: exceptions", () => {
    it("waives a finding for a resource named by logical name, and records it with the URN", () => {
        const result = evaluate("prod", [{ policy: "TEST.Encrypted", resource: "logs", reason: "access logs of a dev bucket" }]);
        assert.equal(result.violations.some((v) => v.policy === "TEST.Encrypted"), false);
        assert.deepEqual(result.exceptions, [{ policy: "TEST.Encrypted", urn: plain.urn, reason: "access logs of a dev bucket" }]);
        assert.deepEqual(result.errors, []);
    });

    it("waives a finding for a resource named by URN, and only that resource", () => {
        const result = evaluate("prod", [{ policy: "TEST.Encrypted", resource: plain.urn, reason: "read-only public assets" }], [plain, other]);
        const left = result.violations.filter((v) => v.policy === "TEST.Encrypted");
        assert.deepEqual(left.map((v) => v.urn), [other.urn]);
        assert.deepEqual(result.errors, []);
    });

    it("waives every finding of the control stack-wide when no resource is named, recorded without a URN", () => {
        const result = evaluate("prod", [{ policy: "TEST.Encrypted", reason: "demo stack holds no data" }], [plain, other]);
        assert.equal(result.violations.some((v) => v.policy === "TEST.Encrypted"), false);
        assert.deepEqual(result.exceptions, [{ policy: "TEST.Encrypted", reason: "demo stack holds no data" }]);
    });

    it("waives a stack-level finding only with a stack-wide exception", () => {
        const scoped = evaluate("prod", [{ policy: "TEST.NeedsTopic", resource: "logs", reason: "alarms go to the shared topic" }]);
        assert.equal(scoped.violations.some((v) => v.policy === "TEST.NeedsTopic"), true);
        assert.equal(scoped.errors.length, 1);
        const wide = evaluate("prod", [{ policy: "TEST.NeedsTopic", reason: "alarms go to the shared topic" }]);
        assert.equal(wide.violations.some((v) => v.policy === "TEST.NeedsTopic"), false);
        assert.deepEqual(wide.errors, []);
    });

    it("reports an exception naming an unknown control as an error", () => {
        const result = evaluate("prod", [{ policy: "RDS.99", reason: "no such control" }]);
        assert.equal(result.errors.length, 1);
        assert.match(result.errors[0] ?? "", /policyExceptions\[0\] \(RDS\.99, stack-wide\): no control has the id "RDS\.99"/);
    });

    it("reports an exception with an empty reason as an error and does not apply it", () => {
        const result = evaluate("prod", [{ policy: "TEST.Encrypted", resource: "logs", reason: "  " }]);
        assert.equal(result.errors.length, 1);
        assert.match(result.errors[0] ?? "", /reason is empty/);
        assert.equal(result.violations.some((v) => v.policy === "TEST.Encrypted"), true);
        assert.deepEqual(result.exceptions, []);
    });

    it("reports an exception that waives nothing as an error", () => {
        const result = evaluate("prod", [{ policy: "TEST.Encrypted", resource: "data", reason: "data is already encrypted" }]);
        assert.equal(result.errors.length, 1);
        assert.match(result.errors[0] ?? "", /policyExceptions\[0\] \(TEST\.Encrypted, on data\): waives nothing/);
    });

    it("says so when the waived control is disabled in the profile", () => {
        const result = evaluate("dev", [{ policy: "TEST.ProdOnly", reason: "dev stacks are destroyable" }]);
        assert.match(result.errors[0] ?? "", /disabled in the dev profile/);
    });

    it("matches an exception by URN or by the logical name at its end", () => {
        assert.equal(logicalName(urnOf(BUCKET, "logs")), "logs");
        assert.equal(exceptionCovers({ resource: "logs" }, { urn: urnOf(BUCKET, "logs"), message: "" }), true);
        assert.equal(exceptionCovers({ resource: "log" }, { urn: urnOf(BUCKET, "logs"), message: "" }), false);
        assert.equal(exceptionCovers({}, { message: "stack" }), true);
        assert.equal(exceptionCovers({ resource: "logs" }, { message: "stack" }), false);
    });
});

describe("evaluatePolicies: summary", () => {
    it("counts checked, passed, waived and failed controls", () => {
        const topic = planned(TOPIC, "alarms", { encrypted: true });
        const result = evaluate("prod", [{ policy: "TEST.Encrypted", resource: "logs", reason: "access logs only" }], [plain, secure, topic]);
        // Encrypted waived; ProdOnly failed (logs); NeedsTopic passed; TopicEncrypted passed.
        assert.deepEqual(result.summary, { checked: 4, passed: 2, waived: 1, failed: 1 });
    });

    it("does not count controls that read no resource of the stack, nor disabled ones", () => {
        const result = evaluate("dev", [], [secure]);
        // Encrypted passes; NeedsTopic fails (no topic); ProdOnly disabled; TopicEncrypted has no topic to read.
        assert.deepEqual(result.summary, { checked: 2, passed: 1, waived: 0, failed: 1 });
    });

    it("counts a stack control that reports a finding even when no type it reads is present", () => {
        const result = evaluatePolicies([], { profile: "prod", region: "eu-central-1", exceptions: [], controls: [needsTopic] });
        assert.deepEqual(result.summary, { checked: 1, passed: 0, waived: 0, failed: 1 });
    });

    it("turns a control that throws into an error instead of a crash", () => {
        const broken: ResourceControl = { ...encrypted, id: "TEST.Broken", check: () => { throw new Error("boom"); } };
        const result = evaluatePolicies([plain], { profile: "prod", region: "eu-central-1", exceptions: [], controls: [broken] });
        assert.deepEqual(result.errors, ["TEST.Broken: the control failed: boom"]);
        assert.deepEqual(result.summary, { checked: 0, passed: 0, waived: 0, failed: 0 });
    });
});

describe("evaluatePolicies: the pack's own controls", () => {
    it("runs every control of the pack when none are given", () => {
        const result = evaluatePolicies([planned(PIPELINE, "pipeline", { name: "p" })], { profile: "dev", region: "us-east-1", exceptions: [] });
        const v = result.violations.find((x) => x.policy === codePipelineV2.id);
        assert.equal(v?.level, "mandatory");
        assert.ok(result.summary.checked >= 2);
    });

    it("passes inputs to controls as props", () => {
        const target = toPolicyTarget({ ...plain, parent: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", protect: true });
        assert.deepEqual(target.props, plain.inputs);
        assert.equal(target.protect, true);
        assert.equal(target.parent, "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev");
    });
});

describe("policyPackConfig", () => {
    it("gives every control its profile level, the profile and the exceptions that name it", () => {
        const config = policyPackConfig(
            "dev",
            [
                { policy: "TEST.Encrypted", resource: "logs", reason: "access logs only" },
                { policy: "TEST.Encrypted", reason: "demo" },
                { policy: "TEST.NeedsTopic", reason: "shared topic" },
            ],
            controls,
        );
        assert.deepEqual(Object.keys(config), [...controls.map((c) => c.id), "ACCESS.Denied", "ACCESS.Reference", "ACCESS.UnusedGrant"]);
        assert.deepEqual(config["TEST.Encrypted"], {
            enforcementLevel: "advisory",
            profile: "dev",
            exceptions: [{ resource: "logs", reason: "access logs only" }, { reason: "demo" }],
        });
        assert.equal(config["TEST.ProdOnly"]?.enforcementLevel, "disabled");
        assert.deepEqual(config["TEST.TopicEncrypted"]?.exceptions, []);
        assert.equal(JSON.parse(JSON.stringify(config))["TEST.NeedsTopic"].exceptions[0].reason, "shared topic");
    });

    it("covers every control of the pack by default", () => {
        assert.deepEqual(Object.keys(policyPackConfig("prod", [])), [...allControls.map((c) => c.id), "ACCESS.Denied", "ACCESS.Reference", "ACCESS.UnusedGrant"]);
    });

    it("gives the access check's policies their level and the exceptions that name them, as the pack serves them", () => {
        const config = policyPackConfig("dev", [{ policy: "ACCESS.UnusedGrant", resource: "worker", reason: "the consumer is another stack's" }], controls);
        assert.deepEqual(config["ACCESS.UnusedGrant"], { enforcementLevel: "advisory", profile: "dev", exceptions: [{ resource: "worker", reason: "the consumer is another stack's" }] });
        assert.deepEqual(config["ACCESS.Denied"], { enforcementLevel: "mandatory", profile: "dev", exceptions: [] });
    });
});
