import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { renderBuildspec, type Buildspec } from "../../aws/buildspec";
import { bundleDeployFilesWriter, buildspecWithWriter, WRITER_VARIABLE } from "./bundle";
import { describedTaskDefinition, IMAGE } from "./fixtures";

const BUILDSPEC: Buildspec = {
    version: 0.2,
    env: { variables: { [WRITER_VARIABLE]: "placeholder", OTHER: "kept" } },
    phases: { build: { commands: [`echo "$${WRITER_VARIABLE}" | base64 -d > /tmp/w.cjs`] } },
};

let source: string;
let buildMs: number;
let dir: string;

before(() => {
    const started = performance.now();
    source = bundleDeployFilesWriter();
    buildMs = performance.now() - started;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "deployfiles-bundle-"));
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("bundleDeployFilesWriter", () => {
    it("builds one small CommonJS file quickly, the same every time", () => {
        assert.ok(source.length > 1_000 && source.length < 20_000, `${source.length} characters`);
        assert.ok(buildMs < 5000, `built in ${Math.round(buildMs)} ms`);
        assert.equal(bundleDeployFilesWriter(), source);
    });

    it("requires only Node's own modules and leaves no machine paths", () => {
        const required = [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? "");
        assert.ok(required.length > 0);
        for (const specifier of required) assert.ok(specifier.startsWith("node:") || builtinModules.includes(specifier), `the bundle requires ${specifier}`);
        assert.equal(source.includes(path.resolve(__dirname, "..", "..", "..")), false);
    });

    it("runs under plain node, outside this repository, and writes the three files", () => {
        const script = path.join(dir, "write-deploy-files.cjs");
        fs.writeFileSync(script, source);
        fs.writeFileSync(path.join(dir, "current.json"), JSON.stringify(describedTaskDefinition()));
        const run = spawnSync(process.execPath, [script], {
            cwd: dir,
            env: { PATH: process.env.PATH, CONTAINER_NAME: "payment-service", CONTAINER_PORT: "8080", IMAGE_URI: IMAGE, TASK_DEFINITION_FILE: "current.json", OUTPUT_DIR: "artifact" },
            encoding: "utf8",
        });
        assert.equal(run.status, 0, run.stderr);
        assert.deepEqual(fs.readdirSync(path.join(dir, "artifact")).sort(), ["appspec.yaml", "imagedefinitions.json", "taskdef.json"]);
    });

    it("fails the build step with exit code 1 and the reason on stderr", () => {
        const script = path.join(dir, "write-deploy-files.cjs");
        const run = spawnSync(process.execPath, [script], { cwd: dir, env: { PATH: process.env.PATH }, encoding: "utf8" });
        assert.equal(run.status, 1);
        assert.match(run.stderr, /deployment files not written: set CONTAINER_NAME, CONTAINER_PORT, IMAGE_URI, TASK_DEFINITION_FILE/);
    });
});

describe("buildspecWithWriter", () => {
    it("puts the base64 bundle in the declared variable and keeps the rest", () => {
        const spec = buildspecWithWriter(BUILDSPEC, source);
        assert.equal(Buffer.from(spec.env!.variables![WRITER_VARIABLE]!, "base64").toString("utf8"), source);
        assert.equal(spec.env!.variables!.OTHER, "kept");
        assert.deepEqual(spec.phases, BUILDSPEC.phases);
        const rendered = renderBuildspec(spec);
        assert.equal(rendered.split("\n").filter((l) => l.includes(WRITER_VARIABLE + ":")).length, 1, "the value stays on one line");
        assert.equal((parse(rendered) as { env: { variables: Record<string, string> } }).env.variables[WRITER_VARIABLE], spec.env!.variables![WRITER_VARIABLE]);
    });

    it("refuses a buildspec that does not declare the variable", () => {
        assert.throws(() => buildspecWithWriter({ version: 0.2, phases: {} }, source), /declares no env\.variables\.DEPLOY_FILES_WRITER/);
        assert.throws(() => buildspecWithWriter({ version: 0.2, env: { variables: { OTHER: "x" } }, phases: {} }, source), /declares no env\.variables\.DEPLOY_FILES_WRITER/);
    });
});
