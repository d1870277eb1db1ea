import type * as pulumi from "@pulumi/pulumi";
import type { Namer } from "../config/naming";
import type { Removal } from "../config/profile";
import type { Tags } from "../config/tags";

export type { Removal } from "../config/profile";

/** What every component needs: the system's namer (explicit, checked AWS names) and its tags. */
export interface BaseArgs {
    /** Builds and checks every AWS name the component gives (`<system>-<key>-<suffix>`). */
    readonly namer: Namer;
    /** Tags put on every resource that takes them. */
    readonly tags: Tags;
}

/** What a component holding data takes: one lifecycle choice instead of several flags kept in step. */
export interface StatefulArgs {
    /**
     * `retain` keeps the data when the stack or the resource goes away; `destroy` lets
     * `pulumi destroy` remove it (a dev stack). `destroy` trades the data's safety for a stack
     * that can be torn down and rebuilt at no cost.
     */
    readonly removal: Removal;
}

/** Every setting that follows from a removal choice, in one place (as CDK's `removalPolicy`). */
export interface Lifecycle {
    /** Pulumi `protect`: `pulumi destroy` refuses to delete the resource. */
    readonly protect: boolean;
    /** The service's own deletion protection (RDS, DynamoDB, load balancers). */
    readonly deletionProtection: boolean;
    /** Delete a bucket or repository that still holds objects or images. */
    readonly forceDestroy: boolean;
    /** Take a final snapshot before a database is deleted. */
    readonly finalSnapshot: boolean;
    /** Days a deleted secret can be restored; 0 deletes it at once, so a rebuilt stack can reuse the name. */
    readonly secretRecoveryWindowDays: number;
    /** Days before a scheduled key deletion completes (7–30): 30 gives the most time to notice a mistake. */
    readonly keyDeletionWindowDays: number;
}

const LIFECYCLES: Readonly<Record<Removal, Lifecycle>> = {
    retain: { protect: true, deletionProtection: true, forceDestroy: false, finalSnapshot: true, secretRecoveryWindowDays: 30, keyDeletionWindowDays: 30 },
    destroy: { protect: false, deletionProtection: false, forceDestroy: true, finalSnapshot: false, secretRecoveryWindowDays: 0, keyDeletionWindowDays: 7 },
};

export function lifecycle(removal: Removal): Lifecycle {
    return LIFECYCLES[removal];
}

/** The type-token prefix of this library's components. */
export const TOKEN = "commerce";

/**
 * The options of a component whose class was renamed (`oldType` is `<module>:<old class>`): its type token changes with the class, so
 * an alias to the old token keeps deployed stacks' resources (the component and every child)
 * instead of replacing them.
 */
export function renamedFrom(oldType: `${string}:${string}`, opts: pulumi.ComponentResourceOptions | undefined): pulumi.ComponentResourceOptions {
    return { ...opts, aliases: [...(opts?.aliases ?? []), { type: `${TOKEN}:${oldType}` }] };
}
