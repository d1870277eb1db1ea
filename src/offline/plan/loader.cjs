"use strict";
/**
 * How the planner and its workers load TypeScript: a require hook that compiles each `.ts` file
 * with esbuild (types stripped, no type check, as tsx does) and keeps the output on disk keyed by
 * the file's content, so a rerun compiles nothing. It is plain JavaScript because it must run
 * before anything TypeScript can. tsx remains the loader for what this hook cannot handle (ES
 * modules, tsconfig `paths`): see `needsFullLoader`.
 *
 * `--require` this file; it also turns on Node's module compile cache (Node 22 and newer).
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");

const REPO = path.resolve(__dirname, "..", "..", "..");
const CACHE = path.join(REPO, "node_modules", ".cache", "offline-plan");

// V8's code cache for every module, ours and node_modules' alike: a second run parses nothing.
if (typeof Module.enableCompileCache === "function") Module.enableCompileCache(path.join(CACHE, "v8"));

let esbuild;
let esbuildVersion;

/** Emit options a project's tsconfig can change; anything else about it does not alter the output. */
const EMIT_OPTIONS = ["experimentalDecorators", "useDefineForClassFields", "verbatimModuleSyntax", "target"];
const tsconfigs = new Map();

/** The nearest tsconfig.json's compilerOptions (comments and trailing commas allowed); null when unreadable. */
function compilerOptions(dir) {
    if (tsconfigs.has(dir)) return tsconfigs.get(dir);
    let result = {};
    const file = path.join(dir, "tsconfig.json");
    if (fs.existsSync(file)) {
        try {
            const text = fs
                .readFileSync(file, "utf8")
                .replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str) => str ?? "")
                .replace(/,(\s*[}\]])/g, "$1");
            result = JSON.parse(text).compilerOptions ?? {};
        } catch {
            result = null;
        }
    } else {
        const parent = path.dirname(dir);
        result = parent === dir || fs.existsSync(path.join(dir, "package.json")) ? {} : compilerOptions(parent);
    }
    tsconfigs.set(dir, result);
    return result;
}

/**
 * Why a project needs tsx rather than this hook, or null: an ES module program, a tsconfig that
 * maps paths or extends another (whose emit options this hook would not see), or one it cannot read.
 */
function needsFullLoader(projectDir, main) {
    if (/\.m[jt]s$/.test(main)) return `its program ${main} is an ES module`;
    try {
        const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8"));
        if (pkg.type === "module") return 'its package.json says "type": "module"';
    } catch {
        // No package.json, or none readable: CommonJS, as Node assumes.
    }
    const tsconfig = path.join(projectDir, "tsconfig.json");
    if (!fs.existsSync(tsconfig)) return null;
    const options = compilerOptions(projectDir);
    if (options === null) return "its tsconfig.json could not be read";
    if (options.paths !== undefined || options.baseUrl !== undefined) return "its tsconfig.json maps paths";
    if (/"extends"\s*:/.test(fs.readFileSync(tsconfig, "utf8"))) return "its tsconfig.json extends another";
    return null;
}

function compile(source, filename) {
    esbuild ??= require("esbuild");
    esbuildVersion ??= esbuild.version;
    const options = compilerOptions(path.dirname(filename)) ?? {};
    const emit = Object.fromEntries(EMIT_OPTIONS.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]));
    const key = crypto.createHash("sha256").update(esbuildVersion).update(JSON.stringify(emit)).update(filename).update(source).digest("hex");
    const cached = path.join(CACHE, "ts", `${key}.js`);
    try {
        return fs.readFileSync(cached, "utf8");
    } catch {
        // Not compiled yet.
    }
    let code;
    try {
        code = esbuild.transformSync(source, {
            loader: "ts",
            format: "cjs",
            target: "node22",
            platform: "node",
            sourcefile: filename,
            // Inline maps cost nothing unless source maps are turned on (PLAN_STACK_TRACES=1).
            sourcemap: "inline",
            tsconfigRaw: { compilerOptions: emit },
        }).code;
    } catch (e) {
        // Name the file and line of a syntax error as a compiler would.
        const first = e.errors?.[0];
        if (first?.location) throw new SyntaxError(`${filename}:${first.location.line}:${first.location.column + 1}: ${first.text}`);
        throw e;
    }
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, cached);
    return code;
}

function register() {
    if (Module._extensions[".ts"] !== undefined) return;
    Module._extensions[".ts"] = (module, filename) => {
        module._compile(compile(fs.readFileSync(filename, "utf8"), filename), filename);
    };
    if (process.env.PLAN_STACK_TRACES === "1") process.setSourceMapsEnabled(true);
}

/**
 * Stands in for a package `@pulumi/pulumi` (as `fromDir` resolves it) requires, with a module that loads the real one on first use. `@pulumi/pulumi`
 * loads TypeScript and npm's Arborist at start-up for closure serialisation, which nothing under
 * the mock runtime calls: a third of its load time.
 */
function deferPackage(name, fromDir) {
    let file;
    try {
        const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [fromDir] }));
        file = require.resolve(name, { paths: [sdk] });
    } catch {
        return;
    }
    if (require.cache[file] !== undefined) return;
    let real;
    const stub = new Module(file);
    const load = () => {
        if (real === undefined) {
            delete require.cache[file];
            real = require(file);
            require.cache[file] = stub;
        }
        return real;
    };
    stub.filename = file;
    stub.loaded = true;
    // `__esModule` is answered without loading so TypeScript's import helpers take the stub as it is;
    // a default import of the CommonJS package (`import ts from "typescript"`, which esbuild's
    // helper copies key by key) finds `default`, which the package itself is.
    const own = (key) => {
        const m = load();
        if (key === "default" && !Object.prototype.hasOwnProperty.call(m, "default")) return { value: m, writable: false, enumerable: true, configurable: true };
        const d = Object.getOwnPropertyDescriptor(m, key);
        return d === undefined ? undefined : { ...d, configurable: true };
    };
    stub.exports = new Proxy(
        {},
        {
            get: (_, key) => (key === "__esModule" ? true : key === "default" ? own(key).value : load()[key]),
            has: (_, key) => key === "default" || key in load(),
            ownKeys: () => [...new Set([...Reflect.ownKeys(load()), "default"])],
            getOwnPropertyDescriptor: (_, key) => own(key),
        },
    );
    require.cache[file] = stub;
}

register();

// Defer what only closure serialisation uses, in every process (the planner's, its workers, the
// tests'): it loads on first use. A planning worker also takes no stack traces the SDK would
// record on every promise it makes, unless a user asks for them.
for (const name of ["typescript", "@npmcli/arborist"]) deferPackage(name, REPO);
if (process.env.OFFLINE_PLAN_WORKER === "1" && process.env.PLAN_STACK_TRACES !== "1" && !process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;

module.exports = { needsFullLoader, deferPackage, CACHE };
