import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { renderBuildspec } from "../aws/buildspec";
import { WRITER_VARIABLE } from "../functions/codedeployFiles/buildspec";
import { buildBuildspec, deployBuildspec } from "./brazilcart";
import { dockerBuildBuildspec, unitTestBuildspec } from "./payment";
import { imageBuildspec, testBuildspec } from "./service";

describe("brazilcart buildspecs", () => {
    it("runs the commands in the build phase, as given, and exports the workspace from the build only", () => {
        const commands = ["npm ci", 'echo "ok: $ENVIRONMENT"', "- not an option"];
        assert.deepEqual((parse(renderBuildspec(buildBuildspec(commands))) as { phases: { build: { commands: string[] } } }).phases.build.commands, commands);
        assert.deepEqual(buildBuildspec(commands).artifacts, { files: ["**/*"] });
        assert.equal(deployBuildspec(["./migrate"]).artifacts, undefined);
    });
});

describe("payment buildspecs", () => {
    it("keeps the shell's own ${...} expansions, which a template literal would have eaten", () => {
        const commands = unitTestBuildspec().phases.install!.commands!.concat(dockerBuildBuildspec("writer").phases.pre_build!.commands!);
        assert.ok(commands.includes('COMMIT_ID="${COMMIT_ID:-$CODEBUILD_RESOLVED_SOURCE_VERSION}"'));
        assert.ok(commands.some((c) => c.endsWith('"${REPOSITORY_URI%%/*}"')));
    });

    it("reuses an image already pushed for the commit in one if/else the shell runs whole", () => {
        const block = dockerBuildBuildspec("writer").phases.build!.commands![0]!;
        assert.match(block, /^if DIGEST=.*; then\n[\s\S]*\nelse\n[\s\S]*\nfi\n$/);
    });

    it("carries the writer it is given, base64-encoded, and decodes that variable", () => {
        const spec = dockerBuildBuildspec("console.log(1)");
        assert.equal(Buffer.from(spec.env!.variables![WRITER_VARIABLE]!, "base64").toString("utf8"), "console.log(1)");
        assert.ok(spec.phases.build!.commands!.includes(`echo "$${WRITER_VARIABLE}" | base64 -d > "$WORK_DIR/write-deploy-files.cjs"`));
    });
});

describe("service buildspecs", () => {
    it("builds single-platform images without attestations, which Lambda requires, and exports them by digest", () => {
        const spec = imageBuildspec();
        assert.deepEqual(spec.env!["exported-variables"], ["IMAGE_URI", "COMMIT"]);
        const commands = Object.values(spec.phases).flatMap((p) => p.commands ?? []);
        const build = commands.find((c) => c.startsWith("docker buildx build"))!;
        for (const flag of ["--platform linux/amd64", "--provenance=false", "--sbom=false", "--push"]) assert.ok(build.includes(flag), flag);
        assert.ok(commands.some((c) => c.startsWith('IMAGE_URI="$REPOSITORY_URI@$(jq -r')));
        assert.ok(commands.some((c) => c.includes("--driver docker-container")), "a builder that can export a cache");
    });

    it("runs the configured test commands, in order, on Node.js 22", () => {
        const spec = testBuildspec(["npm ci", "npm run lint", "npm test -- --coverage"]);
        assert.deepEqual(spec.phases.build!.commands, ["npm ci", "npm run lint", "npm test -- --coverage"]);
        assert.deepEqual(spec.phases.install!["runtime-versions"], { nodejs: 22 });
    });
});
