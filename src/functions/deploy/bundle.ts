/**
 * Packages the deploy function from this repository's source, for a Pulumi program:
 *
 * ```ts
 * code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundleDeployFunction()) }),
 * handler: "index.handler",
 * runtime: "nodejs22.x",
 * ```
 */
import path from "node:path";
import { bundleEntry } from "../bundle";

/** The Lambda handler setting that matches the bundle stored as `index.js`. */
export const DEPLOY_FUNCTION_HANDLER = "index.handler";
/** The runtime the bundle targets. */
export const DEPLOY_FUNCTION_RUNTIME = "nodejs22.x";

/**
 * The deploy function as one CommonJS file. The AWS SDK v3 stays external because the
 * Node.js 22 runtime ships it; everything else (zod, this folder's modules) is inlined.
 */
export function bundleDeployFunction(): string {
    return bundleEntry(path.join(__dirname, "index.ts"), "the deploy function", { external: ["@aws-sdk/*"] });
}
