/**
 * The bundles of the code that runs in AWS, built ahead by `npm run bundles` and committed, so a
 * Pulumi program reads a file instead of running esbuild inside `pulumi up`. A test rebuilds
 * them and fails when a committed bundle is stale (src/functions/dist.test.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The Lambda handler setting that matches the deploy function's bundle stored as `index.js`. */
export const RELEASE_FUNCTION_HANDLER = "index.handler";
/** The runtime the deploy function's bundle targets. */
export const RELEASE_FUNCTION_RUNTIME = "nodejs22.x";

/** Where each bundle is committed. */
export const BUNDLE_FILES = {
    releaseFunction: path.join(__dirname, "lambdaRelease", "dist", "index.js"),
    deployFilesWriter: path.join(__dirname, "codedeployFiles", "dist", "write-deploy-files.cjs"),
} as const;
export type BundleName = keyof typeof BUNDLE_FILES;

export function readBundle(name: BundleName): string {
    const file = BUNDLE_FILES[name];
    if (!fs.existsSync(file)) throw new Error(`the ${name} bundle ${path.relative(process.cwd(), file)} is missing: run \`npm run bundles\``);
    return fs.readFileSync(file, "utf8");
}
