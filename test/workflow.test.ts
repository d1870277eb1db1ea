import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parseDocument } from "yaml";

const root = join(__dirname, "..");
const workflowDir = join(root, ".github", "workflows");

type Permissions = string | Record<string, string>;

interface Step {
    id?: string;
    name?: string;
    if?: string;
    uses?: string;
    run?: string;
    with?: Record<string, string | number | boolean>;
    env?: Record<string, string>;
}

interface Job {
    name?: string;
    if?: string;
    needs?: string | string[];
    environment?: string | { name: string };
    permissions?: Permissions;
    concurrency?: { group: string; "cancel-in-progress"?: boolean };
    strategy?: { "fail-fast"?: boolean; matrix: { include?: Record<string, string>[]; project?: string[] } };
    steps: Step[];
}

interface Workflow {
    on: Record<string, unknown>;
    permissions?: Permissions;
    jobs: Record<string, Job>;
}

const PROJECT_REGIONS: Record<string, string> = {
    "fastcart-orders": "eu-central-1",
    "brazilcart-cicd": "sa-east-1",
    "payment-pipeline": "us-east-2",
    "service-pipeline": "us-east-1",
};
const ENVIRONMENTS = ["dev", "staging", "prod"] as const;

function source(file: string): string {
    return readFileSync(join(workflowDir, file), "utf8");
}

function load(file: string): Workflow {
    const doc = parseDocument(source(file));
    assert.deepEqual(doc.errors, [], `${file} is not valid YAML`);
    assert.deepEqual(doc.warnings, [], `${file} has YAML warnings`);
    return doc.toJS() as Workflow;
}

function filesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

function workflowFiles(): string[] {
    return readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f));
}

function usesAction(step: Step, action: string): boolean {
    return step.uses?.split("@")[0] === action;
}

function majorOf(uses: string): number {
    const match = /@v(\d+)$/.exec(uses);
    assert.ok(match, `${uses} is not pinned to a major version tag`);
    return Number(match[1]);
}

function effectivePermissions(workflow: Workflow, job: Job): Permissions | undefined {
    return job.permissions ?? workflow.permissions;
}

function grantsWrite(permissions: Permissions | undefined): string[] {
    if (permissions === undefined) return ["(default token permissions)"];
    if (typeof permissions === "string") return permissions === "read-all" ? [] : [permissions];
    return Object.entries(permissions)
        .filter(([, level]) => level !== "read" && level !== "none")
        .map(([scope, level]) => `${scope}: ${level}`);
}

function needsOf(job: Job): string[] {
    if (job.needs === undefined) return [];
    return typeof job.needs === "string" ? [job.needs] : job.needs;
}

function environmentOf(job: Job): string | undefined {
    return typeof job.environment === "string" ? job.environment : job.environment?.name;
}

function matrixProjects(job: Job): string[] {
    const matrix = job.strategy?.matrix;
    return matrix?.include?.map((leg) => leg.project ?? "") ?? matrix?.project ?? [];
}

/** Runs a step's shell script the way a Linux runner does (`bash -e`), in `cwd`. */
function runStep(step: Step, cwd: string, env: Record<string, string>) {
    assert.ok(step.run, `step ${step.name ?? step.id} has no script`);
    const outputFile = join(cwd, "github-output");
    writeFileSync(outputFile, "");
    const result = spawnSync("bash", ["--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step.run], {
        cwd,
        env: { PATH: process.env.PATH ?? "", GITHUB_OUTPUT: outputFile, ...env },
        encoding: "utf8",
    });
    return { status: result.status, stdout: result.stdout, output: readFileSync(outputFile, "utf8") };
}

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
