/**
 * The line between what `pulumi up` loads and the offline tooling, kept by the imports: nothing a
 * Pulumi program loads (config, components, functions, AWS facts, stack programs) imports
 * src/offline, and no two folders import each other. Tests are not loaded by `pulumi up`, so
 * they may use the tooling.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const REPO = resolve(__dirname, "..");
const PROGRAM_SIDE = ["src/config", "src/components", "src/buildspecs", "src/functions", "src/aws", "stacks"];

function sourceFiles(dir: string): string[] {
    return readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((e) => {
        const path = join(dir, e.name);
        if (e.isDirectory()) return e.name === "node_modules" || e.name === "fixtures" ? [] : sourceFiles(path);
        return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
    });
}

/** The folder a file belongs to: `src/offline/<part>`, `src/<part>`, `stacks` or `test`. */
function folderOf(file: string): string {
    const parts = file.split("/");
    if (parts[0] !== "src") return parts[0]!;
    return parts.slice(0, parts[1] === "offline" ? 3 : 2).join("/");
}

interface Edge {
    readonly file: string;
    readonly from: string;
    readonly to: string;
}

function importEdges(): Edge[] {
    const files = ["src", "stacks", "test"].flatMap(sourceFiles);
    return files.flatMap((file) =>
        [...readFileSync(join(REPO, file), "utf8").matchAll(/(?:from|import|require)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => {
            const target = relative(REPO, resolve(REPO, dirname(file), m[1]!));
            return { file, from: folderOf(file), to: folderOf(target) };
        }),
    ).filter((e) => e.from !== e.to);
}

describe("layering", () => {
    const edges = importEdges();

    it("reads the imports of the whole tree", () => {
        assert.ok(edges.some((e) => e.from === "src/offline/plan" && e.to === "src/offline/policy"));
        assert.ok(edges.some((e) => e.from === "stacks" && e.to === "src/components"));
    });

    it("keeps the offline tooling out of everything a Pulumi program loads", () => {
        const offending = edges.filter((e) => PROGRAM_SIDE.includes(e.from) && e.to.startsWith("src/offline")).map((e) => `${e.file} -> ${e.to}`);
        assert.deepEqual(offending, []);
    });

    it("has no import cycle between folders", () => {
        const next = new Map<string, Set<string>>();
        for (const e of edges) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
        // A folder is on a cycle when it can reach itself.
        const reaches = (from: string, seen = new Set<string>()): Set<string> => {
            for (const to of next.get(from) ?? []) if (!seen.has(to)) reaches(to, seen.add(to));
            return seen;
        };
        const onCycle = [...next.keys()].filter((f) => reaches(f).has(f));
        const closing = edges.filter((e) => onCycle.includes(e.from) && onCycle.includes(e.to)).map((e) => `${e.file} -> ${e.to}`);
        assert.deepEqual(closing, []);
    });

    it("keeps src/config and src/aws free of components: config and AWS facts are read by components, never the reverse", () => {
        const upward = edges.filter((e) => (e.from === "src/config" || e.from === "src/aws") && e.to === "src/components").map((e) => `${e.file} -> ${e.to}`);
        assert.deepEqual(upward, []);
    });
});
