/**
 * BrazilCart's two builds (brazilcart-cicd): the commands its config lists, in the build phase.
 */
import type { Buildspec } from "../aws/buildspec";

/** The Build stage: `commands`, exporting the whole workspace as the artifact the Deploy stage runs on. */
export function buildBuildspec(commands: readonly string[]): Buildspec {
    return { version: 0.2, phases: { build: { commands: [...commands] } }, artifacts: { files: ["**/*"] } };
}

/** The Deploy stage: `commands` on the build's artifact, from inside the private subnets; it exports nothing. */
export function deployBuildspec(commands: readonly string[]): Buildspec {
    return { version: 0.2, phases: { build: { commands: [...commands] } } };
}
