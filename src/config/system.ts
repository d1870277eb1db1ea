/**
 * Loading one system's configuration: the stack's defaults (suffix = stack name, profile from
 * the stack name, the system's region), per-field validation, profile-dependent defaults, then
 * the rules that span fields. Every problem is reported in one round: when fields are bad, the
 * cross-field rules still run over the others (bad keys at their defaults).
 */
import { z } from "zod";
import { baseConfigShape, defaultSuffix } from "./base";
import { PROFILE_ENV, readProfile } from "./profile";
import type { AwsRegion } from "../aws/regions";
import { ConfigError, loadConfig, pulumiReader, type ConfigIssue, type KeySource, type RawReader } from "./load";

export interface SystemConfigSpec<S extends z.ZodObject, R> {
    readonly project: string;
    readonly defaultRegion: AwsRegion;
    /** The system's schema, extending `baseConfigShape`. */
    readonly schema: S;
    /** Where keys come from besides Pulumi config (environment variables). */
    readonly sources: Partial<Record<string, KeySource>>;
    /** Profile-dependent defaults, resolved once. */
    readonly resolve: (parsed: z.infer<S>) => R;
    /** Rules across fields; an issue's `key` is the field to fix. */
    readonly crossField?: (config: R) => ConfigIssue[];
}

export function loadSystemConfig<S extends z.ZodObject, R>(
    spec: SystemConfigSpec<S, R>,
    stack: string,
    read: RawReader = pulumiReader,
    env: NodeJS.ProcessEnv = process.env,
): R {
    const schema = spec.schema.extend({
        environmentSuffix: baseConfigShape.environmentSuffix.default(defaultSuffix(stack)),
        region: baseConfigShape.region.default(spec.defaultRegion),
    }) as unknown as S;
    // The one reader the planner and the policy pack use too, so all three agree on the profile.
    const reading = readProfile({ stack, configured: read(undefined, "profile"), env: env[PROFILE_ENV] });
    const profileIssues: ConfigIssue[] = reading.problem ? [reading.problem] : [];
    // Keeps `keys`, so a key no field reads (a misspelling) is still refused.
    const readWithProfile: RawReader = Object.assign((ns: string | undefined, key: string) => (ns === undefined && key === "profile" ? reading.profile : read(ns, key)), {
        keys: read.keys,
    });
    const crossField = spec.crossField ?? (() => []);
    let parsed: z.infer<S>;
    try {
        parsed = loadConfig(spec.project, schema, spec.sources, readWithProfile, env);
    } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        const bad = new Set(e.issues.map((i) => i.key.split(".")[0]!.split(":").pop()!));
        const withoutBad: NodeJS.ProcessEnv = Object.fromEntries(
            Object.entries(env).filter(([name]) => ![...bad].some((key) => spec.sources[key]?.env === name)),
        );
        let more: ConfigIssue[] = [];
        try {
            const rest = loadConfig(spec.project, schema, spec.sources, (ns, key) => (bad.has(key) ? undefined : readWithProfile(ns, key)), withoutBad);
            more = crossField(spec.resolve(rest)).filter((i) => !bad.has(i.key));
        } catch {
            // A default that fails only beside other bad values adds nothing the first report lacks.
        }
        throw new ConfigError(spec.project, [...profileIssues, ...e.issues, ...more]);
    }
    const config = spec.resolve(parsed);
    const issues = [...profileIssues, ...crossField(config)];
    if (issues.length > 0) throw new ConfigError(spec.project, issues);
    return config;
}
