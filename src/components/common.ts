import type { Namer } from "../config/naming";
import type { Tags } from "../config/tags";

/** What every component needs: the system's namer (explicit, checked AWS names) and its tags. */
export interface BaseArgs {
    readonly namer: Namer;
    readonly tags: Tags;
}

/** The type-token prefix of this library's components. */
export const TOKEN = "commerce";
