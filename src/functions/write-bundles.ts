/** `npm run bundles`: rebuilds every bundle of src/functions/dist.ts from its source and writes it. */
import * as fs from "node:fs";
import * as path from "node:path";
import { BUNDLE_FILES, type BundleName } from "./dist";
import { bundleReleaseFunction } from "./lambdaRelease/bundle";
import { bundleDeployFilesWriter } from "./codedeployFiles/bundle";

export const BUILDERS: Readonly<Record<BundleName, () => string>> = { releaseFunction: bundleReleaseFunction, deployFilesWriter: bundleDeployFilesWriter };

if (require.main === module) {
    for (const [name, build] of Object.entries(BUILDERS) as [BundleName, () => string][]) {
        fs.mkdirSync(path.dirname(BUNDLE_FILES[name]), { recursive: true });
        fs.writeFileSync(BUNDLE_FILES[name], build());
        console.log(`wrote ${path.relative(process.cwd(), BUNDLE_FILES[name])}`);
    }
}
