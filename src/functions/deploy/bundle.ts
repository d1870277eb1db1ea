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
import { buildSync } from "esbuild";

/** The Lambda handler setting that matches the bundle stored as `index.js`. */
export const DEPLOY_FUNCTION_HANDLER = "index.handler";
/** The runtime the bundle targets. */
export const DEPLOY_FUNCTION_RUNTIME = "nodejs22.x";

/**
 * The deploy function as one CommonJS file. The AWS SDK v3 stays external because the
 * Node.js 22 runtime ships it; everything else (zod, this folder's modules) is inlined.
 */
export function bundleDeployFunction(): string {
    const result = buildSync({
        entryPoints: [path.join(__dirname, "index.ts")],
        // Paths in the bundle's comments are relative to this folder, whoever builds it.
        absWorkingDir: __dirname,
        bundle: true,
        write: false,
        platform: "node",
        target: "node22",
        format: "cjs",
        external: ["@aws-sdk/*"],
        legalComments: "none",
        logLevel: "silent",
    });
    const [output] = result.outputFiles;
    if (output === undefined) throw new Error("esbuild produced no output for the deploy function");
    return output.text;
}
