/**
 * CodeBuild's buildspec as a typed object: the parts of the format the systems' builds use, with
 * the reference's key names, so a buildspec is written as data and rendered in one way.
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html
 */
import { stringify } from "yaml";

/** One phase: the runtimes it installs (install only) and the shell commands it runs, in order. */
export interface BuildspecPhase {
    /** Language runtimes the image installs, e.g. `{ nodejs: 22 }` (install phase only). */
    readonly "runtime-versions"?: Readonly<Record<string, string | number>>;
    readonly commands?: readonly string[];
}

/** The phases CodeBuild runs, in this order. */
export const BUILDSPEC_PHASES = ["install", "pre_build", "build", "post_build"] as const;
export type BuildspecPhaseName = (typeof BUILDSPEC_PHASES)[number];

export interface Buildspec {
    readonly version: 0.2;
    readonly env?: {
        /** The shell commands run in; Linux images default to `sh`. */
        readonly shell?: "bash" | "sh";
        /** Plain-text variables; secrets come from the project's environment, never from here. */
        readonly variables?: Readonly<Record<string, string>>;
        /** Variables later pipeline actions read from the build's namespace. */
        readonly "exported-variables"?: readonly string[];
    };
    readonly phases: { readonly [P in BuildspecPhaseName]?: BuildspecPhase };
    /** Test and coverage reports by report name; the project creates a report group for each. */
    readonly reports?: Readonly<Record<string, { readonly files: readonly string[]; readonly "file-format": string; readonly "base-directory"?: string }>>;
    readonly artifacts?: { readonly files: readonly string[]; readonly "discard-paths"?: "yes" | "no" };
    /** Paths CodeBuild keeps in the project's cache between builds. */
    readonly cache?: { readonly paths: readonly string[] };
}

/** The buildspec as YAML without folded lines, so it reads as the commands it runs. */
export function renderBuildspec(spec: Buildspec): string {
    return stringify(spec, { lineWidth: 0 });
}
