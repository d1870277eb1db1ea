import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, writeDeploymentFiles } from "./index";
import { describedTaskDefinition, IMAGE } from "./fixtures";

let dir: string;

before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "deployfiles-"));
    fs.writeFileSync(path.join(dir, "current.json"), JSON.stringify(describedTaskDefinition()));
    fs.writeFileSync(path.join(dir, "broken.json"), "{ not json");
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

const env = (over: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => ({
    CONTAINER_NAME: "payment-service",
    CONTAINER_PORT: "8080",
    IMAGE_URI: IMAGE,
    TASK_DEFINITION_FILE: "current.json",
    ...over,
});

describe("writeDeploymentFiles", () => {
    it("writes the three files into OUTPUT_DIR, resolving paths from the working directory", () => {
        const result = writeDeploymentFiles(env({ OUTPUT_DIR: "out" }), dir);
        assert.equal(result.outputDir, path.join(dir, "out"));
        assert.deepEqual(fs.readdirSync(result.outputDir).sort(), ["appspec.yaml", "imagedefinitions.json", "taskdef.json"]);
        const taskdef = JSON.parse(fs.readFileSync(path.join(dir, "out", "taskdef.json"), "utf8")) as { containerDefinitions: { image: string }[] };
        assert.equal(taskdef.containerDefinitions[0]!.image, IMAGE);
    });

    it("writes into the working directory without OUTPUT_DIR", () => {
        const cwd = fs.mkdtempSync(path.join(dir, "cwd-"));
        writeDeploymentFiles(env({ TASK_DEFINITION_FILE: path.join(dir, "current.json") }), cwd);
        assert.ok(fs.existsSync(path.join(cwd, "appspec.yaml")));
    });
});

describe("main", () => {
    it("exits 0 and says what it wrote", () => {
        const lines: string[] = [];
        const code = main(env({ TASK_DEFINITION_FILE: path.join(dir, "current.json"), OUTPUT_DIR: path.join(dir, "main") }), (l) => lines.push(l), assert.fail);
        assert.equal(code, 0);
        assert.match(lines.join("\n"), /wrote imagedefinitions\.json, taskdef\.json, appspec\.yaml to .*main for 123456789012\.dkr\.ecr/);
    });

    const failures: [string, Record<string, string | undefined>, RegExp][] = [
        ["names every missing variable", { CONTAINER_NAME: undefined, IMAGE_URI: "" }, /set CONTAINER_NAME, IMAGE_URI$/],
        ["names an unreadable task definition file", { TASK_DEFINITION_FILE: "missing.json" }, /cannot read the task definition from TASK_DEFINITION_FILE missing\.json: ENOENT/],
        ["names a file that is not JSON", { TASK_DEFINITION_FILE: "broken.json" }, /cannot read the task definition from TASK_DEFINITION_FILE broken\.json/],
        ["passes on the writer's own reason", { CONTAINER_PORT: "9090" }, /container "payment-service" of payment-service-dev does not map port 9090/],
    ];
    for (const [what, over, message] of failures) {
        it(`exits 1 and ${what}`, () => {
            const errors: string[] = [];
            const withPaths = Object.fromEntries(Object.entries(env(over)).map(([k, v]) => [k, k === "TASK_DEFINITION_FILE" && v ? path.join(dir, v) : v]));
            const code = main(withPaths, assert.fail, (l) => errors.push(l));
            assert.equal(code, 1);
            assert.equal(errors.length, 1);
            assert.match(errors[0]!.replace(dir + path.sep, ""), new RegExp(`^deployment files not written: ${message.source}`));
        });
    }
});
