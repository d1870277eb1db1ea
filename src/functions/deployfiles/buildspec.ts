/**
 * Puts the committed deployment-file writer into a buildspec (see bundle.ts for why it travels
 * there). No esbuild here: a Pulumi program loads this file.
 */
import { parseDocument } from "yaml";
import { readBundle } from "../dist";

/** The buildspec variable that carries the writer. */
export const WRITER_VARIABLE = "DEPLOY_FILES_WRITER";

/**
 * `buildspec` (YAML text) with the bundled writer in `env.variables.DEPLOY_FILES_WRITER`. The
 * variable must already be declared there, so the buildspec file in the repository shows where
 * the writer goes; comments and everything else are kept.
 */
export function buildspecWithWriter(buildspec: string, writer: string = readBundle("deployFilesWriter")): string {
    const doc = parseDocument(buildspec);
    if (doc.errors.length > 0) throw new Error(`the buildspec is not valid YAML: ${doc.errors[0]!.message}`);
    if (!doc.hasIn(["env", "variables", WRITER_VARIABLE])) {
        throw new Error(`the buildspec declares no env.variables.${WRITER_VARIABLE}: declare it (any placeholder value) where the build decodes the writer`);
    }
    doc.setIn(["env", "variables", WRITER_VARIABLE], Buffer.from(writer, "utf8").toString("base64"));
    // One line for the base64 value: a folded scalar would still decode, but reads worse in the console.
    return doc.toString({ lineWidth: 0 });
}
