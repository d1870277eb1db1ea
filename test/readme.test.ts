/**
 * The deployment instructions, read as a new user follows them: each system's configuration
 * table lists exactly the keys its program reads, and every command in the shell blocks of the
 * READMEs names things that exist (config keys of that project, the policy pack from the folder
 * the block is in, npm scripts, project folders and stacks, test files, stack outputs).
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { z } from "zod";
import { brazilcartSchema } from "../src/config/brazilcart";
import { fastcartSchema } from "../src/config/fastcart";
import { paymentSchema } from "../src/config/payment";
import { serviceSchema } from "../src/config/service";
import type { StackPlan } from "../src/offline/model/types";
import { plan, projectDir, REPO, SYSTEMS } from "./helpers";

const SCHEMAS: Record<(typeof SYSTEMS)[number], z.ZodObject> = {
    "fastcart-orders": fastcartSchema,
    "brazilcart-cicd": brazilcartSchema,
    "payment-pipeline": paymentSchema,
    "service-pipeline": serviceSchema,
};
/** Keys read from another namespace, as the tables name them. */
const OTHER_NAMESPACE: Record<string, string> = { region: "aws:region" };

const readme = (file: string) => fs.readFileSync(path.join(REPO, file), "utf8");
const keysOf = (project: (typeof SYSTEMS)[number]) => Object.keys(SCHEMAS[project].shape).map((k) => OTHER_NAMESPACE[k] ?? k);

/** The keys named in the first column of the table under `| key |`. */
function tableKeys(text: string): string[] {
    const table = text.slice(text.indexOf("\n| key |"));
    const rows = table.split("\n").slice(3).filter((l, i, all) => all.slice(0, i + 1).every((r) => r.startsWith("|")));
    return rows.flatMap((row) => [...row.split("|")[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((k) => /^(aws:)?[a-z][A-Za-z0-9]*$/.test(k)));
}

interface Command {
    readonly file: string;
    readonly line: string;
    /** The folder the command runs in: the repository root until the block's `cd`. */
    readonly cwd: string;
}

/**
 * Every command of the `sh` blocks, comments dropped, with the folder it runs in: a reader who
 * ran the blocks in order is still where the last `cd` took them, unless the text says the block
 * runs "from the repository root"; a `( ... )` line runs in a subshell.
 */
function commands(file: string): Command[] {
    const out: Command[] = [];
    const text = readme(file);
    let cwd = REPO;
    for (const block of text.matchAll(/^ *```(?:sh|bash)\n([\s\S]*?)^ *```$/gm)) {
        if (text.slice(Math.max(0, block.index - 300), block.index).includes("from the repository root")) cwd = REPO;
        for (const raw of block[1]!.split("\n")) {
            let line = raw.replace(/\s+#.*$/, "").trim();
            const subshell = /^\((.*)\)$/.exec(line);
            const outer = cwd;
            if (subshell) line = subshell[1]!;
            for (const part of line.split("&&").map((p) => p.trim())) {
                const cd = /^cd (\S+)$/.exec(part);
                if (cd) cwd = path.resolve(cwd, cd[1]!.replace("<project>", "fastcart-orders"));
                else if (part !== "") out.push({ file, line: part, cwd });
            }
            if (subshell) cwd = outer;
        }
    }
    return out;
}

const FILES = ["README.md", ...SYSTEMS.map((p) => `stacks/${p}/README.md`), "docs/delivery.md"];
const ALL = FILES.flatMap(commands);
/** The project a command's folder belongs to, if it is one of the systems. */
const projectAt = (cwd: string) => SYSTEMS.find((p) => cwd === projectDir(p));
const where = (c: Command) => `${c.file}: ${c.line}`;

describe("configuration tables", () => {
    for (const project of SYSTEMS) {
        it(`${project}: the README's table lists every key the program reads, and no other`, () => {
            assert.deepEqual([...new Set(tableKeys(readme(`stacks/${project}/README.md`)))].sort(), keysOf(project).sort());
        });
    }
});

describe("commands in the READMEs", () => {
    let outputs: Map<string, Set<string>>;
    before(async () => {
        const plans: StackPlan[] = await Promise.all(SYSTEMS.map((p) => plan(p, "dev")));
        outputs = new Map(plans.map((p) => [p.project, new Set(Object.keys(p.outputs))]));
    });

    it("finds the commands the deploy sections give", () => {
        for (const project of SYSTEMS) {
            const mine = ALL.filter((c) => c.file === `stacks/${project}/README.md`);
            assert.ok(mine.some((c) => c.line.startsWith("pulumi up") && projectAt(c.cwd) === project), `${project}: pulumi up in its folder`);
            assert.ok(mine.some((c) => c.line.startsWith("pulumi preview --policy-pack")), `${project}: a preview with the pack`);
        }
    });

    it("pulumi config set: a key of the project whose folder the block is in", () => {
        for (const c of ALL.filter((x) => x.line.startsWith("pulumi config set "))) {
            const key = c.line.split(/\s+/).slice(3).find((a) => !a.startsWith("-"))!;
            const project = projectAt(c.cwd);
            assert.ok(project, `${where(c)}: runs outside a project folder`);
            assert.ok(keysOf(project).includes(key), `${where(c)}: ${key} is not a key of ${project}`);
        }
    });

    it("pulumi preview --policy-pack: the pack, from the folder the block is in", () => {
        const previews = ALL.filter((x) => x.line.includes("--policy-pack "));
        assert.ok(previews.length >= 5);
        for (const c of previews) {
            const pack = /--policy-pack (\S+)/.exec(c.line)![1]!;
            assert.ok(fs.existsSync(path.join(c.cwd, pack, "PulumiPolicy.yaml")), `${where(c)}: no policy pack at ${path.relative(REPO, path.join(c.cwd, pack))}`);
            assert.ok(projectAt(c.cwd), `${where(c)}: pulumi preview runs in a project folder`);
        }
    });

    it("pulumi stack output: an output the project exports", () => {
        for (const c of ALL.filter((x) => x.line.includes("pulumi stack output "))) {
            const project = projectAt(c.cwd) ?? SYSTEMS.find((p) => c.file === `stacks/${p}/README.md`)!;
            for (const [, name] of c.line.matchAll(/pulumi stack output ([A-Za-z_]+)/g)) assert.ok(outputs.get(project)!.has(name!), `${where(c)}: ${project} exports no ${name}`);
        }
    });

    it("npm run, npm start and node --test: scripts, folders, stacks and files that exist", () => {
        const scripts = (JSON.parse(readme("package.json")) as { scripts: Record<string, string> }).scripts;
        for (const c of ALL.filter((x) => /^npm (run|start)|^node .*--test/.test(x.line) || /\bnpm run /.test(x.line))) {
            const run = /\bnpm run (?:--silent )?([\w:-]+)/.exec(c.line);
            if (run) assert.ok(scripts[run[1]!], `${where(c)}: no npm script ${run[1]}`);
            const args = c.line.includes(" -- ") ? c.line.slice(c.line.indexOf(" -- ") + 4).split(/\s+/) : [];
            const folder = args[0] !== undefined && !args[0].startsWith("-") && !args[0].startsWith("../") && /^(npm start|npm run (?:--silent )?verify)/.test(c.line) ? args[0] : undefined;
            if (folder !== undefined) {
                const dir = path.resolve(c.cwd, folder);
                assert.ok(fs.existsSync(path.join(dir, "Pulumi.yaml")), `${where(c)}: ${folder} is not a project folder`);
                const stack = args[args.indexOf("--stack") + 1];
                if (args.includes("--stack") && !stack!.includes("/")) assert.ok(fs.existsSync(path.join(dir, `Pulumi.${stack}.yaml`)), `${where(c)}: no stack ${stack}`);
            }
            if (/^node .*--test/.test(c.line)) {
                for (const file of c.line.split(/\s+/).filter((a) => a.endsWith(".ts"))) {
                    const dir = path.join(c.cwd, path.dirname(file));
                    const pattern = new RegExp(`^${path.basename(file).replace(/\./g, "\\.").replace(/\*/g, ".*")}$`);
                    assert.ok(fs.readdirSync(dir).some((f) => pattern.test(f)), `${where(c)}: no ${file}`);
                }
            }
        }
    });
});
