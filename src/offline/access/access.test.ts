/**
 * Integration cases on hand-written plans: a passing case and numbered failing cases.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkAccess } from ".";
import type { AccessResource } from "./types";

const ACCOUNT = "123456789012";
const R = "us-east-1";
const res = (type: string, name: string, inputs: Record<string, unknown>): AccessResource => ({ urn: `urn:pulumi:dev::t::${type}::${name}`, type, name, inputs });
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const ROOT = { Sid: "Admin", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };

function eventsToEncryptedTopic(keyStatement: object): AccessResource[] {
    return [
        res("aws:kms/key:Key", "key", { policy: doc(ROOT, keyStatement) }),
        res("aws:sns/topic:Topic", "topic", { name: "alerts", kmsMasterKeyId: `arn:aws:kms:${R}:${ACCOUNT}:key/key-key-id` }),
        res("aws:sns/topicPolicy:TopicPolicy", "topic", { arn: `arn:aws:sns:${R}:${ACCOUNT}:alerts`, policy: doc({ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish", Resource: `arn:aws:sns:${R}:${ACCOUNT}:alerts` }) }),
        res("aws:cloudwatch/eventRule:EventRule", "rule", { name: "rule" }),
        res("aws:cloudwatch/eventTarget:EventTarget", "target", { rule: "rule", arn: `arn:aws:sns:${R}:${ACCOUNT}:alerts` }),
    ];
}

describe("access: EventBridge to an encrypted SNS topic", () => {
    const allow = { Sid: "Events", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Resource: "*" };
    it("passes when the key policy lets events.amazonaws.com use the key without a source condition", async () => {
        const r = await checkAccess(eventsToEncryptedTopic(allow), { region: R });
        assert.equal(r.checked, 3);
        assert.deepEqual(r.denied, []);
    });
    it("fails 1: the key policy conditions EventBridge on aws:SourceAccount, which it does not send", async () => {
        const r = await checkAccess(eventsToEncryptedTopic({ ...allow, Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } }), { region: R });
        assert.deepEqual(r.denied.map((d) => [d.urn.split("::").pop(), d.action]), [["key", "kms:GenerateDataKey"], ["key", "kms:Decrypt"]]);
        assert.match(r.denied[0]!.message, /events\.amazonaws\.com cannot kms:GenerateDataKey .*sns-key-management/);
    });
    it("fails 2: the key policy does not name EventBridge at all", async () => {
        const r = await checkAccess(eventsToEncryptedTopic({ ...allow, Principal: { Service: "cloudwatch.amazonaws.com" } }), { region: R });
        assert.equal(r.denied.length, 2);
        assert.equal(r.unused.length, 1, "the statement for CloudWatch is needed by no call here");
    });
});

function lambdaPipeline(statements: object[]): AccessResource[] {
    const trust = doc({ Effect: "Allow", Principal: { Service: "codepipeline.amazonaws.com" }, Action: "sts:AssumeRole" });
    return [
        res("aws:iam/role:Role", "role", { name: "pipeline-role", assumeRolePolicy: trust, inlinePolicies: [{ name: "p", policy: doc(...statements) }] }),
        res("aws:lambda/function:Function", "fn", { name: "deploy" }),
        res("aws:codepipeline/pipeline:Pipeline", "pipeline", { name: "p", roleArn: `arn:aws:iam::${ACCOUNT}:role/pipeline-role`, artifactStores: [], stages: [{ actions: [{ provider: "Lambda", configuration: { FunctionName: "deploy" } }] }] }),
    ];
}

describe("access: CodePipeline Lambda invoke action", () => {
    const invoke = { Sid: "Invoke", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: `arn:aws:lambda:${R}:${ACCOUNT}:function:deploy` };
    const list = { Sid: "List", Effect: "Allow", Action: "lambda:ListFunctions", Resource: "*" };
    it("passes with InvokeFunction on the function and ListFunctions on *", async () => {
        const r = await checkAccess(lambdaPipeline([invoke, list]), { region: R });
        assert.deepEqual([r.checked, r.denied.length, r.documents.length], [3, 0, 0]);
    });
    it("fails 1: no lambda:ListFunctions (the role, not the function, must change)", async () => {
        const r = await checkAccess(lambdaPipeline([invoke]), { region: R });
        assert.deepEqual(r.denied.map((d) => [d.urn.split("::").pop(), d.action, d.deniedBy]), [["role", "lambda:ListFunctions", "identity"]]);
    });
    it("fails 2: ListFunctions scoped to the function ARN grants nothing (the reference says it takes no resource)", async () => {
        const r = await checkAccess(lambdaPipeline([invoke, { ...list, Resource: invoke.Resource }]), { region: R });
        assert.equal(r.denied.length, 1);
        assert.match(r.documents[0]!.message, /lambda:ListFunctions supports no resource type/);
    });
    it("fails 3: an action the reference does not have", async () => {
        const r = await checkAccess(lambdaPipeline([invoke, list, { Sid: "Typo", Effect: "Allow", Action: "lambda:InvokeFunctions", Resource: "*" }]), { region: R });
        assert.match(r.documents[0]!.message, /lambda:InvokeFunctions matches no action/);
    });
});

describe("access: grants no call needs", () => {
    const invoke = { Sid: "Invoke", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: `arn:aws:lambda:${R}:${ACCOUNT}:function:deploy` };
    const list = { Sid: "List", Effect: "Allow", Action: "lambda:ListFunctions", Resource: "*" };
    const redundant = (r: { unused: readonly { statement: string; message: string }[] }) => r.unused.filter((u) => /adds nothing/.test(u.message)).map((u) => u.statement).sort();

    it("reports each of two identity statements that allow the same call, and neither of the ones needed", async () => {
        const r = await checkAccess(lambdaPipeline([invoke, { ...invoke, Sid: "Again" }, list]), { region: R });
        assert.deepEqual(r.denied, []);
        assert.deepEqual(redundant(r), ["Again", "Invoke"]);
    });

    it("reports both of an identity grant and the function permission that repeats it, one on each side", async () => {
        const permission = res("aws:lambda/permission:Permission", "allow-pipeline", { function: "deploy", action: "lambda:InvokeFunction", principal: `arn:aws:iam::${ACCOUNT}:role/pipeline-role` });
        const r = await checkAccess([...lambdaPipeline([invoke, list]), permission], { region: R });
        assert.deepEqual(r.denied, []);
        assert.deepEqual(redundant(r), ["Invoke", "allow-pipeline"], "each side allows the call without the other");
    });

    it("keeps the one grant a call has, however many calls the plan makes", async () => {
        const r = await checkAccess(lambdaPipeline([invoke, list]), { region: R });
        assert.deepEqual(r.denied, []);
        assert.deepEqual(redundant(r), []);
    });
});
