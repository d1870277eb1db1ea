/**
 * Puts the committed deployment-file writer into a buildspec (see bundle.ts for why it travels
 * there). No esbuild here: a Pulumi program loads this file.
 */
import type { Buildspec } from "../../aws/buildspec";
import { readBundle } from "../dist";

/** The buildspec variable that carries the writer. */
export const WRITER_VARIABLE = "DEPLOY_FILES_WRITER";

/**
 * `spec` with the bundled writer, base64-encoded, in `env.variables.DEPLOY_FILES_WRITER`. The
 * variable must already be declared there, so the buildspec shows where the writer goes; the
 * rest is kept as it is.
 */
export function buildspecWithWriter(spec: Buildspec, writer: string = readBundle("deployFilesWriter")): Buildspec {
    const variables = spec.env?.variables;
    if (variables === undefined || !(WRITER_VARIABLE in variables)) {
        throw new Error(`the buildspec declares no env.variables.${WRITER_VARIABLE}: declare it (any placeholder value) where the build decodes the writer`);
    }
    return { ...spec, env: { ...spec.env, variables: { ...variables, [WRITER_VARIABLE]: Buffer.from(writer, "utf8").toString("base64") } } };
}
