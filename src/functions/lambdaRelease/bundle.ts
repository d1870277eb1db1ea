/**
 * Packages the deploy function from this repository's source; `npm run bundles` commits the
 * result, which a Pulumi program reads with `readBundle("releaseFunction")` (src/functions/dist.ts).
 */
import path from "node:path";
import { bundleEntry } from "../bundle";

export { RELEASE_FUNCTION_HANDLER, RELEASE_FUNCTION_RUNTIME } from "../dist";

/**
 * The deploy function as one CommonJS file. The AWS SDK v3 stays external because the
 * Node.js 22 runtime ships it; everything else (zod, this folder's modules) is inlined.
 */
export function bundleReleaseFunction(): string {
    return bundleEntry(path.join(__dirname, "index.ts"), "the deploy function", { external: ["@aws-sdk/*"] });
}
