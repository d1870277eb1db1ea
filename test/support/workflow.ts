/** The repository's GitHub Actions workflows as their tests read them, and a runner for their steps. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";

export const root = join(__dirname, "..", "..");
export const workflowDir = join(root, ".github", "workflows");

export type Permissions = string | Record<string, string>;

export interface Step {
    id?: string;
    name?: string;
    if?: string;
    uses?: string;
    run?: string;
    with?: Record<string, string | number | boolean>;
    env?: Record<string, string>;
}

export interface Job {
    name?: string;
    if?: string;
    needs?: string | string[];
    environment?: string | { name: string };
    permissions?: Permissions;
    concurrency?: { group: string; "cancel-in-progress"?: boolean };
    strategy?: { "fail-fast"?: boolean; matrix: { include?: Record<string, string>[]; project?: string[] } };
    steps: Step[];
}

export interface Workflow {
    on: Record<string, unknown>;
    permissions?: Permissions;
    jobs: Record<string, Job>;
}

export const PROJECT_REGIONS: Record<string, string> = {
    "fastcart-orders": "eu-central-1",
    "brazilcart-cicd": "sa-east-1",
    "payment-pipeline": "us-east-2",
    "service-pipeline": "us-east-1",
};
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;

export function source(file: string): string {
    return readFileSync(join(workflowDir, file), "utf8");
}

export function load(file: string): Workflow {
    const doc = parseDocument(source(file));
    assert.deepEqual(doc.errors, [], `${file} is not valid YAML`);
    assert.deepEqual(doc.warnings, [], `${file} has YAML warnings`);
    return doc.toJS() as Workflow;
}

export function filesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

export function workflowFiles(): string[] {
    return readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f));
}

export function usesAction(step: Step, action: string): boolean {
    return step.uses?.split("@")[0] === action;
}

export function majorOf(uses: string): number {
    const match = /@v(\d+)$/.exec(uses);
    assert.ok(match, `${uses} is not pinned to a major version tag`);
    return Number(match[1]);
}

export function effectivePermissions(workflow: Workflow, job: Job): Permissions | undefined {
    return job.permissions ?? workflow.permissions;
}

export function grantsWrite(permissions: Permissions | undefined): string[] {
    if (permissions === undefined) return ["(default token permissions)"];
    if (typeof permissions === "string") return permissions === "read-all" ? [] : [permissions];
    return Object.entries(permissions)
        .filter(([, level]) => level !== "read" && level !== "none")
        .map(([scope, level]) => `${scope}: ${level}`);
}

export function needsOf(job: Job): string[] {
    if (job.needs === undefined) return [];
    return typeof job.needs === "string" ? [job.needs] : job.needs;
}

export function environmentOf(job: Job): string | undefined {
    return typeof job.environment === "string" ? job.environment : job.environment?.name;
}

export function matrixProjects(job: Job): string[] {
    const matrix = job.strategy?.matrix;
    return matrix?.include?.map((leg) => leg.project ?? "") ?? matrix?.project ?? [];
}

/** Runs a step's shell script the way a Linux runner does (`bash -e`), in `cwd`. */
export function runStep(step: Step, cwd: string, env: Record<string, string>) {
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
