/**
 * `npm test`: the type check and lint (`npm run check`) beside every test file, on two cores.
 *
 * Most test files are light: loading the SDK, @pulumi/aws and the code under test costs more than
 * their tests. Those share a process, a few groups of them (each a generated file that requires its
 * members, in out/test-groups/), so the modules load once per group instead of once per file. A
 * file runs in a process of its own when it is heavy (it drives a CLI, a browser, a database or
 * the served pack: it would hold up its group) or when it changes what the process shares
 * (`setMocks`, the working directory). Heaviest first, so no long file starts last: each process
 * is a numbered file in out/test-groups/, because `node --test` runs its files in path order.
 *
 *   npm test                         everything
 *   npm test -- --test-name-pattern X   extra arguments go to `node --test`
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..");
const LOADER = path.join(REPO, "src", "offline", "plan", "loader.cjs");
const GROUPS_DIR = path.join(REPO, "out", "test-groups");

/**
 * Files that take their own process, longest first (wall time in `npm test`, CONTRIBUTING.md). The
 * first two start before the groups: the preview test is the longest, and the CLI test spends
 * most of its time waiting on programs that hang until their timeout.
 */
const OWN_PROCESS = [
    "test/preview.test.ts",
    "test/plan-cli.test.ts",
    "services/orders/test/faults-tasks.test.ts",
    "test/diff.test.ts",
    "services/orders/test/faults.test.ts",
    "src/verify/verify.test.ts",
    "test/planner.test.ts",
    "test/report.test.ts",
    "test/outside-project.test.ts",
    "services/orders/test/e2e.test.ts",
    "test/bad-project.test.ts",
];

/**
 * What makes a file unfit to share a process: it replaces process-global state others rely on.
 * `fakeAccount` (src/verify/fake.ts) mocks whole SDK client classes: after a verifier run under
 * it, another file's instance mocks in the same process answered wrongly (the release handler's
 * retry tests failed beside src/verify/policy.test.ts), so its users run alone too.
 */
const PROCESS_GLOBAL = /\bsetMocks\s*\(|\bprocess\.chdir\s*\(|\bfakeAccount\s*\(/;

const GROUPS = 3;
/** Files of OWN_PROCESS that start before the groups. */
const FIRST = 2;

function testFiles(): string[] {
    const found: string[] = [];
    const walk = (rel: string): void => {
        for (const entry of fs.readdirSync(path.join(REPO, rel), { withFileTypes: true })) {
            const child = path.posix.join(rel, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== "node_modules" && child !== "test/fixtures") walk(child);
            } else if (entry.name.endsWith(".test.ts")) found.push(child);
        }
    };
    for (const top of ["src", "test", "services"]) walk(top);
    return found.sort();
}

/**
 * Writes one file per test process, numbered in the order given, and returns them: `node --test`
 * sorts the files it is given by path, so the numbers are what keeps the heaviest first. A process
 * runs one test file alone, or a group of shared files (every GROUPS-th of them).
 */
function writeProcesses(alone: readonly string[], shared: readonly string[]): string[] {
    fs.rmSync(GROUPS_DIR, { recursive: true, force: true });
    fs.mkdirSync(GROUPS_DIR, { recursive: true });
    const groups = Array.from({ length: GROUPS }, (_, i) => shared.filter((_, j) => j % GROUPS === i)).filter((g) => g.length > 0);
    const units: [string, readonly string[]][] = [
        ...alone.slice(0, FIRST).map((f): [string, string[]] => [path.basename(f, ".test.ts"), [f]]),
        ...groups.map((g, i): [string, readonly string[]] => [`group-${i + 1}`, g]),
        ...alone.slice(FIRST).map((f): [string, string[]] => [path.basename(f, ".test.ts"), [f]]),
    ];
    return units.map(([label, members], i) => {
        const file = path.join(GROUPS_DIR, `${String(i + 1).padStart(2, "0")}-${label}.test.cjs`);
        const lines = members.map((m) => `require(${JSON.stringify(path.join(REPO, m))});`);
        fs.writeFileSync(file, ['"use strict";', `// Written by test/run.ts: ${members.length === 1 ? "one test file in its own process" : "these test files share one process"}.`, ...lines, ""].join("\n"));
        return file;
    });
}

/** Runs a command, its output as it comes (`inherit`) or kept until the end. */
function run(cmd: string, args: readonly string[], keep: boolean): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
        const child = spawn(cmd, args, { cwd: REPO, stdio: keep ? ["ignore", "pipe", "pipe"] : "inherit" });
        let output = "";
        child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
        child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
        child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
    });
}

async function main(): Promise<void> {
    const all = testFiles();
    const missing = OWN_PROCESS.filter((f) => !all.includes(f));
    if (missing.length > 0) throw new Error(`test/run.ts names test files that do not exist: ${missing.join(", ")}`);
    const alone = all.filter((f) => !OWN_PROCESS.includes(f) && PROCESS_GLOBAL.test(fs.readFileSync(path.join(REPO, f), "utf8")));
    const shared = all.filter((f) => !OWN_PROCESS.includes(f) && !alone.includes(f));
    const files = writeProcesses([...OWN_PROCESS, ...alone], shared);
    // tsc and ESLint take one core for most of the run: the tests start beside them, not after.
    const check = run("npm", ["run", "--silent", "check"], true);
    const tests = run(process.execPath, ["--require", LOADER, "--test", "--test-concurrency=2", ...process.argv.slice(2), ...files], false);
    const [c, t] = await Promise.all([check, tests]);
    process.stdout.write(`\nnpm run check: ${c.code === 0 ? "passed" : `FAILED (exit ${c.code})`}\n${c.output}`);
    process.exitCode = c.code !== 0 ? c.code : t.code;
}

void main();
