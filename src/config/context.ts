/**
 * What every stack program starts from: its validated config, its profile's settings, the namer
 * of its explicit AWS names and the tags every resource carries. One call replaces the preamble
 * each stack would otherwise repeat.
 */
import * as pulumi from "@pulumi/pulumi";
import { Namer } from "./naming";
import { profileSettings, type Profile, type ProfileSettings } from "./profile";
import { commonTags, type Tags } from "./tags";

/** The config keys every system shares, as the context reads them. */
export interface SharedConfig {
    readonly environmentSuffix: string;
    readonly profile: Profile;
    readonly costCenter: string;
    readonly owner?: string;
}

export interface SystemContext<C extends SharedConfig> {
    readonly config: C;
    readonly settings: ProfileSettings;
    readonly namer: Namer;
    readonly tags: Tags;
    /** The namer and tags, which every component takes. */
    readonly base: { readonly namer: Namer; readonly tags: Tags };
}

export interface SystemIds {
    /** The Pulumi project name (`Project` tag). */
    readonly project: string;
    /** The prefix of every AWS name (`System` tag). */
    readonly system: string;
}

export function systemContext<C extends SharedConfig>(ids: SystemIds, load: (stack: string) => C, stack: string = pulumi.getStack()): SystemContext<C> {
    const config = load(stack);
    const namer = new Namer(ids.system, config.environmentSuffix);
    const tags = commonTags({
        project: ids.project,
        system: ids.system,
        environment: config.environmentSuffix,
        profile: config.profile,
        costCenter: config.costCenter,
        owner: config.owner,
    });
    return { config, settings: profileSettings(config.profile), namer, tags, base: { namer, tags } };
}
