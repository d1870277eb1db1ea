/**
 * Tags every taggable resource carries, for cost allocation and ownership. Set explicitly on
 * each resource (the mock runtime runs no transforms, and provider default tags would not show
 * in the planned inputs the policy pack and tests read).
 */
export type Tags = Readonly<Record<string, string>>;

export interface TagInputs {
    readonly project: string;
    readonly system: string;
    readonly environment: string;
    readonly profile: "dev" | "prod";
    readonly costCenter: string;
    readonly owner?: string;
    readonly extra?: Tags;
}

export function commonTags(t: TagInputs): Tags {
    return {
        ...(t.extra ?? {}),
        Project: t.project,
        System: t.system,
        Environment: t.environment,
        Profile: t.profile,
        CostCenter: t.costCenter,
        ...(t.owner ? { Owner: t.owner } : {}),
        ManagedBy: "pulumi",
    };
}

/** `tags` plus a `Name` tag, for EC2 resources whose console shows that tag as the name. */
export function withName(tags: Tags, name: string): Tags {
    return { ...tags, Name: name };
}
