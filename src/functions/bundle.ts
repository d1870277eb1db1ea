/**
 * Bundles code of this repository that runs in AWS (a Lambda handler, a build step) into one
 * CommonJS file for Node.js 22, with esbuild. Shared by every function's `bundle.ts`.
 */
import path from "node:path";
import { buildSync } from "esbuild";

export interface BundleOptions {
    /** Packages left out of the bundle, e.g. `@aws-sdk/*`, which the Lambda runtime ships. */
    readonly external?: readonly string[];
    readonly minify?: boolean;
}

export function bundleEntry(entry: string, what: string, opts: BundleOptions = {}): string {
    const result = buildSync({
        entryPoints: [entry],
        // Paths in the bundle's comments are relative to the entry's folder, whoever builds it.
        absWorkingDir: path.dirname(entry),
        bundle: true,
        write: false,
        platform: "node",
        target: "node22",
        format: "cjs",
        external: [...(opts.external ?? [])],
        minify: opts.minify ?? false,
        legalComments: "none",
        logLevel: "silent",
    });
    const [output] = result.outputFiles;
    if (output === undefined) throw new Error(`esbuild produced no output for ${what}`);
    return output.text;
}
