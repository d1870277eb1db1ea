/**
 * A Pulumi project outside the repository, as a new user points the planner at one: it installs
 * its own @pulumi packages but no TypeScript loader, and the planner brings its own for
 * TypeScript and JavaScript programs alike.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import type { PlanDocument } from "../src/offline/model/types";
import { REPO } from "./helpers";

function project(root: string, name: string, main: string, source: string): string {
    const dir = path.join(root, name);
    fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
    // The project's own install of the Pulumi SDKs (here the repository's, by link); no tsx.
    fs.symlinkSync(path.join(REPO, "node_modules", "@pulumi"), path.join(dir, "node_modules", "@pulumi"), "dir");
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\nmain: ${main}\n`);
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  aws:region: eu-west-1\n");
    fs.writeFileSync(path.join(dir, main), source);
    return dir;
}

describe("planning a project outside the repository", () => {
    it("plans a TypeScript and a JavaScript program that install no loader of their own", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "outside-"));
        const ts = project(root, "outside-ts", "index.ts", 'import * as aws from "@pulumi/aws";\nconst topic = new aws.sns.Topic("alerts", { name: "outside-ts-alerts" });\nexport const arn: unknown = topic.arn;\n');
        const js = project(root, "outside-js", "index.js", 'const aws = require("@pulumi/aws");\nconst topic = new aws.sns.Topic("alerts", { name: "outside-js-alerts" });\nexports.arn = topic.arn;\n');
        assert.equal(fs.existsSync(path.join(ts, "node_modules", "tsx")), false);
        const run = spawnSync(process.execPath, ["--require", path.join(REPO, "src/offline/plan/loader.cjs"), path.join(REPO, "src/offline/plan/cli.ts"), ts, js, "--json", "--out", path.join(root, "out")], {
            encoding: "utf8",
            cwd: root,
            timeout: 120_000,
        });
        const doc = JSON.parse(run.stdout) as PlanDocument;
        for (const [name, plan] of [["outside-ts", doc.plans[0]], ["outside-js", doc.plans[1]]] as const) {
            assert.equal(plan?.project, name);
            assert.equal(plan.error, null, plan.error ?? "");
            assert.deepEqual(plan.resources.filter((r) => r.custom).map((r) => r.type), ["aws:sns/topic:Topic"]);
            assert.equal(plan.outputs["arn"], `arn:aws:sns:eu-west-1:123456789012:${name}-alerts`);
        }
        fs.rmSync(root, { recursive: true, force: true });
    });
});
