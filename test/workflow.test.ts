import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parseDocument } from "yaml";

import { effectivePermissions, ENVIRONMENTS, filesUnder, grantsWrite, load, majorOf, root, source, Step, usesAction, workflowFiles } from "./support/workflow";

describe("workflow files against the GitHub Actions schema", () => {
    it("finds the plan and deploy workflows", () => {
        assert.deepEqual(workflowFiles().sort(), ["deploy.yml", "plan.yml"]);
    });

    for (const file of ["plan.yml", "deploy.yml"]) {
        it(`${file} has no schema errors`, () => {
            const state = validateWorkflow(source(file));
            assert.equal(state.actionType, "workflow");
            assert.deepEqual(state.errors, []);
        });

        it(`${file}: a copy with an unknown top-level key is rejected`, () => {
            const doc = parseDocument(source(file));
            doc.set("deploy-everything", true);
            const errors = validateWorkflow(String(doc)).errors;
            assert.ok(errors.length > 0);
            assert.ok(errors.some((e) => e.detail?.includes("deploy-everything")), JSON.stringify(errors));
        });

        it(`${file}: a copy without \`on\` is rejected`, () => {
            const doc = parseDocument(source(file));
            assert.ok(doc.delete("on"));
            const errors = validateWorkflow(String(doc)).errors;
            assert.ok(errors.some((e) => e.code === "required" && "path" in e && e.path === "/on"), JSON.stringify(errors));
        });

        it(`${file}: a copy with an invalid permission level is rejected`, () => {
            const doc = parseDocument(source(file));
            doc.set("permissions", { contents: "admin" });
            const errors = validateWorkflow(String(doc)).errors;
            assert.ok(errors.some((e) => "path" in e && e.path === "/permissions"), JSON.stringify(errors));
        });
    }

    it("reports a YAML syntax error as a parse error", () => {
        const errors = validateWorkflow(source("plan.yml").replace("jobs:", "jobs: [")).errors;
        assert.ok(errors.some((e) => e.code === "parse_error"), JSON.stringify(errors));
    });
});

describe("workflow security", () => {
    it("no AWS access keys are referenced anywhere under .github", () => {
        const files = filesUnder(join(root, ".github"));
        assert.ok(files.length >= 2);
        for (const file of files) {
            const text = readFileSync(file, "utf8");
            for (const forbidden of [/AWS_ACCESS_KEY_ID/i, /AWS_SECRET_ACCESS_KEY/i, /aws-access-key-id/i, /aws-secret-access-key/i, /AWS_SESSION_TOKEN/i]) {
                assert.doesNotMatch(text, forbidden, `${file} mentions ${forbidden.source}`);
            }
        }
    });

    it("top-level permissions are contents: read only", () => {
        for (const file of workflowFiles()) {
            assert.deepEqual(load(file).permissions, { contents: "read" }, file);
        }
    });

    it("a job asks for id-token: write exactly when it assumes an AWS role, pull-requests: write exactly when it comments, and writes nothing else", () => {
        let assuming = 0;
        for (const file of workflowFiles()) {
            const workflow = load(file);
            for (const [name, job] of Object.entries(workflow.jobs)) {
                const permissions = effectivePermissions(workflow, job);
                const assumesRole = job.steps.some((s) => usesAction(s, "aws-actions/configure-aws-credentials"));
                const writes = grantsWrite(permissions);
                const comments = job.steps.some((s) => /src\/offline\/diff\/comment\.ts/.test(s.run ?? ""));
                if (comments) {
                    assert.equal(assumesRole, false, `${file} ${name}: a commenting job holds no cloud role`);
                    assert.deepEqual(writes, ["pull-requests: write"], `${file} ${name}`);
                } else if (assumesRole) {
                    assuming += 1;
                    assert.deepEqual(writes, ["id-token: write"], `${file} ${name}`);
                    assert.equal((permissions as Record<string, string>)["contents"], "read", `${file} ${name}`);
                } else {
                    assert.deepEqual(writes, [], `${file} ${name}`);
                }
            }
        }
        assert.equal(assuming, 3);
    });

    it("roles come from the environment's AWS_ROLE_ARN variable, never from a literal ARN", () => {
        const deploy = load("deploy.yml");
        for (const env of ENVIRONMENTS) {
            const step = deploy.jobs[env]?.steps.find((s) => usesAction(s, "aws-actions/configure-aws-credentials"));
            assert.ok(step?.with, env);
            assert.equal(step.with["role-to-assume"], "${{ vars.AWS_ROLE_ARN }}");
            assert.equal(step.with["aws-region"], "${{ matrix.region }}");
            assert.equal(Object.keys(step.with).some((k) => /key|secret|token/i.test(k)), false, env);
        }
        assert.doesNotMatch(source("deploy.yml"), /arn:aws:iam::\d+/);
    });
});

describe("workflow security: actions, secrets and checkouts", () => {
    it("every action is pinned to a version tag of a current major", () => {
        const minimumMajor: Record<string, number> = {
            "actions/checkout": 4,
            "actions/setup-node": 4,
            "actions/upload-artifact": 4,
            "aws-actions/configure-aws-credentials": 4,
            "pulumi/actions": 6,
        };
        let checked = 0;
        for (const file of workflowFiles()) {
            for (const job of Object.values(load(file).jobs)) {
                for (const step of job.steps.filter((s) => s.uses !== undefined)) {
                    const uses = step.uses ?? "";
                    const [action = "", ref = ""] = uses.split("@");
                    assert.ok(!["master", "main", "latest", ""].includes(ref), `${file}: ${uses} is not pinned`);
                    const minimum = minimumMajor[action];
                    assert.ok(minimum !== undefined, `${file}: ${action} is not an allowed action`);
                    assert.ok(majorOf(uses) >= minimum, `${file}: ${uses} is older than v${minimum}`);
                    checked += 1;
                }
            }
        }
        assert.ok(checked >= 10, `only ${checked} actions found`);
    });

    it("the plan workflow uses no secrets, so it is safe on pull requests from forks", () => {
        assert.doesNotMatch(source("plan.yml"), /secrets\./);
        assert.doesNotMatch(source("plan.yml"), /pull_request_target/);
    });

    it("checkouts do not leave the job token in the git config", () => {
        for (const file of workflowFiles()) {
            for (const job of Object.values(load(file).jobs)) {
                const checkout = job.steps.find((s) => usesAction(s, "actions/checkout"));
                assert.equal(checkout?.with?.["persist-credentials"], false, file);
            }
        }
    });
});

describe("plan workflow", () => {
    const plan = load("plan.yml");
    const job = plan.jobs["plan"];

    it("runs on pull requests and on pushes to every branch but main", () => {
        assert.ok("pull_request" in plan.on);
        assert.deepEqual(plan.on["push"], { "branches-ignore": ["main"] });
    });

    it("installs with npm ci on Node 22, tests, plans with the policy pack and uploads out/", () => {
        assert.ok(job);
        const steps = job.steps;
        const index = (pred: (s: Step) => boolean, what: string) => {
            const i = steps.findIndex(pred);
            assert.ok(i >= 0, `no step ${what}`);
            return i;
        };
        const checkout = index((s) => usesAction(s, "actions/checkout"), "checkout");
        const node = index((s) => usesAction(s, "actions/setup-node"), "setup-node");
        const install = index((s) => s.run?.trim() === "npm ci", "npm ci");
        const test = index((s) => s.run?.trim() === "npm test", "npm test");
        const start = index((s) => /npm start\b/.test(s.run ?? ""), "npm start");
        const upload = index((s) => usesAction(s, "actions/upload-artifact"), "upload-artifact");
        assert.ok(checkout < node && node < install && install < test && test < start && start < upload);

        assert.equal(Number(steps[node]?.with?.["node-version"]), 22);
        assert.equal(steps[node]?.with?.["cache"], "npm");

        // npm prints its "> package start" banner on stdout unless silenced; the file must hold only JSON.
        const planCommand = steps[start]?.run ?? "";
        assert.match(planCommand, /npm start (--silent|-s) -- --json > out\/plan\.json/);

        const uploadStep = steps[upload];
        assert.equal(uploadStep?.with?.["path"], "out/");
        assert.equal(uploadStep?.if, "${{ !cancelled() }}");
    });
});

describe("plan diff job", () => {
    const job = load("plan.yml").jobs["diff"];

    it("runs on pull requests only, with the base branch checked out and no credentials kept", () => {
        assert.ok(job);
        assert.equal(job.if, "${{ github.event_name == 'pull_request' }}");
        const checkout = job.steps.find((s) => usesAction(s, "actions/checkout"));
        assert.equal(checkout?.with?.["fetch-depth"], 0);
    });

    it("plans against the base ref passed through the environment, writes the Markdown, then comments", () => {
        const plan = job!.steps.find((s) => /--base/.test(s.run ?? ""));
        assert.ok(plan);
        assert.equal(plan.env?.["BASE_REF"], "${{ github.base_ref }}");
        assert.doesNotMatch(plan.run ?? "", /\$\{\{/, "no expression is spliced into the script");
        assert.match(plan.run ?? "", /npm start --silent -- --base "origin\/\$BASE_REF" --markdown out\/diff\.md --json > out\/plan\.json/);
        const steps = job!.steps;
        const comment = steps.findIndex((s) => /src\/offline\/diff\/comment\.ts out\/diff\.md/.test(s.run ?? ""));
        assert.ok(comment > steps.indexOf(plan));
        assert.equal(steps[comment]?.env?.["GITHUB_TOKEN"], "${{ github.token }}");
        assert.match(steps[comment]?.if ?? "", /!cancelled\(\)/);
    });
});
