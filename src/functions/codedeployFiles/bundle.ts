/**
 * How the deployment-file writer reaches the Docker build: esbuild bundles this folder into one
 * small CommonJS file (`npm run bundles` commits it), and the stack program puts it, base64-encoded, into the buildspec's
 * `env.variables.DEPLOY_FILES_WRITER`. The buildspec decodes it to a file and runs it with the
 * build image's Node.js 22. The writer travels with the buildspec, so the build needs no copy of
 * this repository, no extra S3 object and no extra permission, and a change to the writer changes
 * the build project (and shows in `pulumi preview`).
 */
import path from "node:path";
import { bundleEntry } from "../bundle";

export { buildspecWithWriter, WRITER_VARIABLE } from "./buildspec";

/** The writer as one minified CommonJS file with no dependencies beyond Node's own modules. */
export function bundleDeployFilesWriter(): string {
    return bundleEntry(path.join(__dirname, "index.ts"), "the deployment-file writer", { minify: true });
}
