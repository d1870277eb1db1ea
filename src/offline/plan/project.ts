/**
 * Reading a Pulumi project folder: `Pulumi.yaml` and its `Pulumi.<stack>.yaml` files, turned
 * into the `PULUMI_CONFIG` the mock runtime reads, exactly as the CLI would pass them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, YAMLError } from "yaml";

export interface PulumiProject {
    readonly dir: string;
    readonly name: string;
    readonly main: string;
    readonly stacks: readonly string[];
}

/** What `secure:` values become: the offline plan has no key to decrypt them. */
export const SECRET_PLACEHOLDER = "offline-plan-placeholder";

/** Parses a YAML file; a syntax error names the file, line and column. */
function readYaml(file: string): unknown {
    try {
        return parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        if (!(e instanceof YAMLError)) throw e;
        const at = e.linePos?.[0];
        const where = at ? `${file}:${at.line}:${at.col}` : file;
        throw new Error(`${where}: not valid YAML: ${e.message.split("\n")[0]}`, { cause: e });
    }
}

export function readProject(dir: string): PulumiProject {
    const file = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(file)) throw new Error(`${dir} is not a Pulumi project: it has no Pulumi.yaml`);
    const doc = (readYaml(file) ?? {}) as { name?: unknown; runtime?: unknown; main?: unknown };
    if (typeof doc.name !== "string" || doc.name === "") throw new Error(`${file} has no project name`);
    const runtime = typeof doc.runtime === "string" ? doc.runtime : (doc.runtime as { name?: string } | undefined)?.name;
    if (runtime !== "nodejs") throw new Error(`${file}: the offline plan runs nodejs programs only, this one is "${runtime}"`);
    const mainFromYaml = typeof doc.main === "string" ? doc.main : undefined;
    const main = mainFromYaml ?? ["index.ts", "index.js"].find((f) => fs.existsSync(path.join(dir, f)));
    if (!main || !fs.existsSync(path.join(dir, main))) throw new Error(`${dir} has no program (index.ts, index.js or Pulumi.yaml main)`);
    const stacks = fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
    return { dir, name: doc.name, main, stacks };
}

export interface StackConfig {
    /** `PULUMI_CONFIG`: `"ns:key"` → string (structured values JSON-encoded). */
    readonly config: Record<string, string>;
    /** Keys holding `secure:` values: they cannot be decrypted offline and get a placeholder. */
    readonly secretKeys: readonly string[];
    /** The stack file, relative to the working directory. */
    readonly file: string;
}

export function readStackConfig(project: PulumiProject, stack: string): StackConfig {
    const candidates = [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`].map((f) => path.join(project.dir, f));
    const file = candidates.find((f) => fs.existsSync(f));
    if (!file) {
        throw new Error(`${project.name} has no stack "${stack}" (no Pulumi.${stack}.yaml); stacks: ${project.stacks.join(", ") || "none"}`);
    }
    const doc = (readYaml(file) ?? {}) as { config?: Record<string, unknown> };
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [rawKey, value] of Object.entries(doc.config ?? {})) {
        const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
        if (value !== null && typeof value === "object" && "secure" in (value as object)) {
            config[key] = SECRET_PLACEHOLDER;
            secretKeys.push(key);
        } else {
            config[key] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return { config, secretKeys, file: path.relative(process.cwd(), file) || file };
}
