/**
 * How the deployment-file writer reaches the Docker build: esbuild bundles this folder into one
 * small CommonJS file, and the stack program puts it, base64-encoded, into the buildspec's
 * `env.variables.DEPLOY_FILES_WRITER`. The buildspec decodes it to a file and runs it with the
 * build image's Node.js 22. The writer travels with the buildspec, so the build needs no copy of
 * this repository, no extra S3 object and no extra permission, and a change to the writer changes
 * the build project (and shows in `pulumi preview`).
 */
import path from "node:path";
import { bundleEntry } from "../bundle";
import { parseDocument } from "yaml";

/** The buildspec variable that carries the writer. */
export const WRITER_VARIABLE = "DEPLOY_FILES_WRITER";

/** The writer as one minified CommonJS file with no dependencies beyond Node's own modules. */
export function bundleDeployFilesWriter(): string {
    return bundleEntry(path.join(__dirname, "index.ts"), "the deployment-file writer", { minify: true });
}

/**
 * `buildspec` (YAML text) with the bundled writer in `env.variables.DEPLOY_FILES_WRITER`. The
 * variable must already be declared there, so the buildspec file in the repository shows where
 * the writer goes; comments and everything else are kept.
 */
export function buildspecWithWriter(buildspec: string, writer: string = bundleDeployFilesWriter()): string {
    const doc = parseDocument(buildspec);
    if (doc.errors.length > 0) throw new Error(`the buildspec is not valid YAML: ${doc.errors[0]!.message}`);
    if (!doc.hasIn(["env", "variables", WRITER_VARIABLE])) {
        throw new Error(`the buildspec declares no env.variables.${WRITER_VARIABLE}: declare it (any placeholder value) where the build decodes the writer`);
    }
    doc.setIn(["env", "variables", WRITER_VARIABLE], Buffer.from(writer, "utf8").toString("base64"));
    // One line for the base64 value: a folded scalar would still decode, but reads worse in the console.
    return doc.toString({ lineWidth: 0 });
}
