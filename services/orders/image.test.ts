import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { ORDER_IMAGE } from "./image";

const REPO = path.resolve(__dirname, "..", "..");

/** The ignore file's lines: `!path` lets a path in, `path` keeps it out (later lines win). */
function ignoreRules(): { allow: string[]; deny: string[] } {
    const lines = fs.readFileSync(path.join(REPO, `${ORDER_IMAGE.dockerfile}.dockerignore`), "utf8").split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#") && l !== "*");
    return { allow: lines.filter((l) => l.startsWith("!")).map((l) => l.slice(1)), deny: lines.filter((l) => !l.startsWith("!")) };
}

const under = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);
const matches = (file: string, pattern: string) =>
    pattern.endsWith("/**") ? under(file, pattern.slice(0, -3)) : pattern.startsWith("**/*") ? file.endsWith(pattern.slice(4)) : pattern.includes("**/*") ? under(file, pattern.split("/**/")[0]!) && file.endsWith(pattern.split("/**/*")[1]!) : under(file, pattern);

function inContext(file: string): boolean {
    const { allow, deny } = ignoreRules();
    return allow.some((p) => matches(file, p)) && !deny.some((p) => matches(file, p));
}

function filesBelow(dir: string): string[] {
    return fs.readdirSync(path.join(REPO, dir), { recursive: true, encoding: "utf8" }).map((f) => `${dir}/${f}`).filter((f) => fs.statSync(path.join(REPO, f)).isFile());
}

test("the image's tag follows exactly the files its build context holds", () => {
    const sourceFiles = ORDER_IMAGE.sources.flatMap((s) => (fs.statSync(path.join(REPO, s)).isDirectory() ? filesBelow(s) : [s]));
    // Every file that decides the tag is one docker sends (test files beside the code aside: the
    // build ignores them, and they only make the tag change more often than it must).
    for (const f of sourceFiles.filter((f) => !f.endsWith(".test.ts"))) assert.ok(inContext(f), `${f} decides the tag but is not in the build context`);
    // Every file docker sends decides the tag.
    for (const f of [...filesBelow("services/orders"), "src/functions/bundle.ts", "tsconfig.json", "package.json", "package-lock.json"].filter(inContext)) {
        assert.ok(ORDER_IMAGE.sources.some((s) => under(f, s)), `${f} is in the build context but does not decide the tag`);
    }
    assert.equal(inContext("services/orders/test/e2e.test.ts"), false);
    assert.equal(inContext("services/orders/bench/bench.ts"), false);
});
