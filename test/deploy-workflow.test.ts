import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";

import { environmentOf, ENVIRONMENTS, Job, load, matrixProjects, needsOf, PROJECT_REGIONS, root, runStep, source, Step, usesAction, workflowFiles } from "./support/workflow";

describe("deploy workflow", () => {
    const deploy = load("deploy.yml");

    it("runs on pushes to main and by hand", () => {
        assert.deepEqual(Object.keys(deploy.on).sort(), ["push", "workflow_dispatch"]);
        assert.deepEqual(deploy.on["push"], { branches: ["main"] });
    });

    it("has exactly the dev, staging and prod jobs, chained prod -> staging -> dev", () => {
        assert.deepEqual(Object.keys(deploy.jobs).sort(), ["dev", "prod", "staging"]);
        assert.deepEqual(needsOf(deploy.jobs["prod"] as Job), ["staging"]);
        assert.deepEqual(needsOf(deploy.jobs["staging"] as Job), ["dev"]);
        assert.deepEqual(needsOf(deploy.jobs["dev"] as Job), []);
        assert.equal(deploy.jobs["dev"]?.if, "github.ref == 'refs/heads/main'");
    });

    for (const env of ENVIRONMENTS) {
        describe(`${env} job`, () => {
            const job = deploy.jobs[env] as Job;

            it("is bound to its GitHub environment", () => {
                assert.equal(environmentOf(job), env);
            });

            it("runs the four projects, each in its region, without cancelling one another", () => {
                assert.deepEqual([...matrixProjects(job)].sort(), Object.keys(PROJECT_REGIONS).sort());
                for (const leg of job.strategy?.matrix.include ?? []) {
                    assert.equal(leg["region"], PROJECT_REGIONS[leg["project"] ?? ""], leg["project"]);
                }
                assert.equal(job.strategy?.["fail-fast"], false);
            });

            it("never overlaps another deploy of the same environment and project", () => {
                assert.ok(job.concurrency);
                assert.equal(job.concurrency.group, `deploy-${env}-\${{ matrix.project }}`);
                assert.equal(job.concurrency["cancel-in-progress"], false);
            });

            it("assumes the role, then previews, then updates the same stack with the policy pack", () => {
                const steps = job.steps;
                const assume = steps.findIndex((s) => usesAction(s, "aws-actions/configure-aws-credentials"));
                const pulumi = steps.flatMap((s, i) => (usesAction(s, "pulumi/actions") ? [i] : []));
                assert.deepEqual(
                    pulumi.map((i) => steps[i]?.with?.["command"]),
                    ["preview", "up"],
                );
                const [preview = -1, up = -1] = pulumi;
                assert.ok(assume >= 0 && assume < preview && preview < up);
                assert.ok(steps.findIndex((s) => s.run?.trim() === "npm ci") < preview, "dependencies installed before preview");

                for (const i of pulumi) {
                    const step = steps[i] as Step;
                    assert.equal(step.with?.["work-dir"], "stacks/${{ matrix.project }}");
                    assert.equal(step.with?.["stack-name"], `\${{ vars.PULUMI_ORG }}/${env}`);
                    assert.equal(step.env?.["PULUMI_ACCESS_TOKEN"], "${{ secrets.PULUMI_ACCESS_TOKEN }}");
                    // pulumi/actions hands the path to the CLI, which resolves it against work-dir.
                    const pack = String(step.with?.["policyPacks"] ?? "");
                    const resolved = pack.startsWith("${{ github.workspace }}/")
                        ? pack.slice("${{ github.workspace }}/".length)
                        : posix.normalize(posix.join("stacks/p", pack));
                    assert.equal(resolved, "src/offline/policy", pack);
                }
            });

            it("checks the deployment settings before it does anything with them", () => {
                const check = job.steps.findIndex((s) => s.name === "Check deployment settings");
                const install = job.steps.findIndex((s) => s.run?.trim() === "npm ci");
                assert.ok(check >= 0 && check < install);
            });

            if (env === "staging") {
                it("skips every step after the stack-file check when Pulumi.staging.yaml is missing", () => {
                    const checkIndex = job.steps.findIndex((s) => s.env?.["STACK_FILE"] !== undefined);
                    const check = job.steps[checkIndex] as Step;
                    assert.equal(check.env?.["STACK_FILE"], "stacks/${{ matrix.project }}/Pulumi.staging.yaml");
                    assert.ok(check.id);
                    const later = job.steps.slice(checkIndex + 1);
                    assert.ok(later.length >= 5);
                    for (const step of later) {
                        assert.equal(step.if, `steps.${check.id}.outputs.exists == 'true'`, step.name);
                    }
                    assert.ok(job.steps.slice(0, checkIndex).every((s) => s.if === undefined && s.run === undefined));
                });
            } else {
                it("runs every step unconditionally: its stack file is in the repository", () => {
                    assert.ok(job.steps.every((s) => s.if === undefined));
                });
            }
        });
    }
});

describe("deploy workflow scripts", () => {
    const deploy = load("deploy.yml");

    it("the staging check reports whether the project's Pulumi.staging.yaml exists", () => {
        const step = deploy.jobs["staging"]?.steps.find((s) => s.env?.["STACK_FILE"] !== undefined) as Step;
        const dir = mkdtempSync(join(tmpdir(), "staging-check-"));
        try {
            mkdirSync(join(dir, "stacks", "fastcart-orders"), { recursive: true });
            writeFileSync(join(dir, "stacks", "fastcart-orders", "Pulumi.staging.yaml"), "config: {}\n");
            const env = (project: string) => ({
                STACK_FILE: (step.env?.["STACK_FILE"] ?? "").replace("${{ matrix.project }}", project),
            });

            const present = runStep(step, dir, env("fastcart-orders"));
            assert.equal(present.status, 0);
            assert.equal(present.output.trim(), "exists=true");

            const absent = runStep(step, dir, env("payment-pipeline"));
            assert.equal(absent.status, 0);
            assert.equal(absent.output.trim(), "exists=false");
            assert.match(absent.stdout, /::notice .*payment-pipeline\/Pulumi\.staging\.yaml does not exist/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it("the settings check fails with the names of what is missing, and passes when all is set", () => {
        const dir = mkdtempSync(join(tmpdir(), "settings-check-"));
        try {
            for (const env of ENVIRONMENTS) {
                const step = deploy.jobs[env]?.steps.find((s) => s.name === "Check deployment settings") as Step;
                assert.deepEqual(step.env, {
                    AWS_ROLE_ARN: "${{ vars.AWS_ROLE_ARN }}",
                    PULUMI_ORG: "${{ vars.PULUMI_ORG }}",
                    HAS_PULUMI_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN != '' }}",
                });

                const nothing = runStep(step, dir, { AWS_ROLE_ARN: "", PULUMI_ORG: "", HAS_PULUMI_TOKEN: "false" });
                assert.equal(nothing.status, 1, env);
                assert.match(nothing.stdout, new RegExp(`::error .*environment ${env}:`));
                for (const name of ["variable:AWS_ROLE_ARN", "variable:PULUMI_ORG", "secret:PULUMI_ACCESS_TOKEN"]) {
                    assert.ok(nothing.stdout.includes(name), `${env}: ${name} not reported`);
                }

                const noToken = runStep(step, dir, {
                    AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/github-deploy",
                    PULUMI_ORG: "acme",
                    HAS_PULUMI_TOKEN: "false",
                });
                assert.equal(noToken.status, 1, env);
                assert.ok(noToken.stdout.includes("secret:PULUMI_ACCESS_TOKEN"));
                assert.ok(!noToken.stdout.includes("variable:"));

                const all = runStep(step, dir, {
                    AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/github-deploy",
                    PULUMI_ORG: "acme",
                    HAS_PULUMI_TOKEN: "true",
                });
                assert.equal(all.status, 0, env);
                assert.equal(all.stdout, "");
            }
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("docs/delivery.md", () => {
    const docs = readFileSync(join(root, "docs", "delivery.md"), "utf8");

    it("names every variable and secret the workflows read", () => {
        const names = new Set<string>();
        for (const file of workflowFiles()) {
            for (const match of source(file).matchAll(/\b(vars|secrets)\.([A-Z_][A-Z0-9_]*)/g)) {
                names.add(match[2] ?? "");
            }
        }
        assert.deepEqual([...names].sort(), ["AWS_ROLE_ARN", "PULUMI_ACCESS_TOKEN", "PULUMI_ORG"]);
        for (const name of names) assert.ok(docs.includes(`\`${name}\``), `${name} is not documented`);
    });

    it("shows a trust policy restricted to one repository environment and the STS audience", () => {
        const block = /```json\n([\s\S]*?)```/.exec(docs);
        assert.ok(block?.[1], "no JSON block");
        const policy = JSON.parse(block[1]) as {
            Statement: { Effect: string; Action: string; Principal: { Federated: string }; Condition: Record<string, Record<string, string>> }[];
        };
        assert.equal(policy.Statement.length, 1);
        const [statement] = policy.Statement;
        assert.ok(statement);
        assert.equal(statement.Effect, "Allow");
        assert.equal(statement.Action, "sts:AssumeRoleWithWebIdentity");
        assert.match(statement.Principal.Federated, /:oidc-provider\/token\.actions\.githubusercontent\.com$/);
        assert.deepEqual(Object.keys(statement.Condition), ["StringEquals"]);
        const equals = statement.Condition["StringEquals"] ?? {};
        assert.equal(equals["token.actions.githubusercontent.com:aud"], "sts.amazonaws.com");
        assert.match(equals["token.actions.githubusercontent.com:sub"] ?? "", /^repo:[^:*]+\/[^:*]+:environment:(dev|staging|prod)$/);
    });

    it("documents the environments, their reviewers and the staging skip", () => {
        for (const env of ENVIRONMENTS) assert.ok(docs.includes(`\`${env}\``), env);
        assert.match(docs, /[Rr]equired reviewers/);
        assert.match(docs, /Pulumi\.staging\.yaml/);
        assert.match(docs, /profile: prod/);
    });
});
