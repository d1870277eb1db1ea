/**
 * Runs Pulumi programs under the mock runtime and, when asked, checks, prices and draws what they
 * planned (check.ts, the report's diagram), so each stack's whole work runs on the worker's core.
 * A worker is a long-lived process of the pool in program.ts: it loads the SDK once (the checks on
 * the first run that asks for them) and plans one stack after another, each in a fresh Pulumi
 * store with the program's own modules, environment and working directory (see `resetForJob`). A worker whose program failed or left
 * timers or handles behind says so and is replaced, so no run sees another's leftovers.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { PlanMocks } from "../model/mocks";
import type { PlannedResource, StackPlan } from "../model/types";

export interface WorkerRequest {
    readonly programDir: string;
    readonly main: string;
    readonly project: string;
    readonly stack: string;
    readonly region: string;
    /** The program's environment: the CLI's own plus PULUMI_CONFIG and the run's extras. */
    readonly env: Record<string, string>;
    /** Check the run here too (check.ts) with the stack's config; `draw` its diagram as well. */
    readonly check?: { readonly config: Record<string, string>; readonly draw: boolean };
}

/** A run checked in the worker: its plan, and with `draw` its diagram and policy pack config. */
export interface CheckedRun {
    readonly plan: StackPlan;
    readonly svg?: string;
    /** `<stack>.policy-config.json`: null when the stack's settings could not be read. */
    readonly policyConfig?: object | null;
}

export interface WorkerResult {
    /** Empty when the run was checked: the resources travel once, in `checked.plan`. */
    readonly resources: PlannedResource[];
    readonly outputs: Record<string, unknown>;
    readonly error: string | null;
    readonly checked?: CheckedRun;
}

/** What a worker says while a program runs, so a program that hangs can be named. */
export interface WorkerProgress {
    readonly resources: number;
    /** Exported outputs that have not settled yet (once the program's module has returned). */
    readonly pendingOutputs: readonly string[];
    /** Registrations still waiting for their inputs, as `name [type]`. */
    readonly pendingRegistrations: readonly string[];
}

export type WorkerMessage =
    | { readonly kind: "ready" }
    | { readonly kind: "progress"; readonly progress: WorkerProgress }
    | { readonly kind: "result"; readonly result: WorkerResult; readonly recycle: string | null };

const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** Unwraps Pulumi's serialised secrets and resource references into plain values. */
export function plain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plain);
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SECRET_SIG] === "1b47061264138c4ac30d75fd1eb44270") return plain(obj.value);
        if (obj[SECRET_SIG] === "5cf8f73096256a8f31e491e813e4eb8e") return obj.id ?? obj.urn;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = plain(v);
        return out;
    }
    return value;
}

/** The top-level inputs that hold a Pulumi secret anywhere inside them. */
export function secretInputNames(serialised: Record<string, unknown>): string[] {
    const holds = (value: unknown): boolean =>
        Array.isArray(value)
            ? value.some(holds)
            : value !== null && typeof value === "object"
              ? (value as Record<string, unknown>)[SECRET_SIG] === "1b47061264138c4ac30d75fd1eb44270" || Object.values(value).some(holds)
              : false;
    return Object.keys(serialised).filter((k) => holds(serialised[k])).sort();
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProtect(): boolean;
    getDependenciesList(): string[];
    getObject(): unknown;
}
interface RegisterResponse {
    getUrn(): string;
}
type Callback = (err: unknown, resp?: RegisterResponse) => void;
interface Monitor {
    registerResource(req: RegisterRequest, cb: Callback): Promise<void>;
}

/** The SDK's store module: not part of its typed surface, but what `setMocks` itself writes to. */
interface SdkState {
    LocalStore: new () => { resourcePackages: unknown; resourceModules: unknown };
    getGlobalStore(): { resourcePackages: unknown; resourceModules: unknown };
    getPendingResourceRegistrations(): Map<unknown, { name?: string; type?: string; label?: string }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdkState = require("@pulumi/pulumi/runtime/state") as SdkState;

/**
 * With stack traces off (loader.cjs turns them off in workers unless asked for), capture no
 * resource's source position: the SDK takes a full stack for each (about 70 µs at a depth of 30)
 * and no plan carries it.
 */
if (Error.stackTraceLimit === 0) (pulumi.Resource as unknown as { stackTrace(skip: number): unknown[] }).stackTrace = () => [];

let progress: WorkerProgress = { resources: 0, pendingOutputs: [], pendingRegistrations: [] };

/** What is still running, for the progress report of a program that takes long. */
export function currentProgress(): WorkerProgress {
    const pending = [...sdkState.getPendingResourceRegistrations().values()].map((r) => (r.name && r.type ? `${r.name} [${r.type}]` : (r.label ?? "?")));
    return { ...progress, pendingRegistrations: pending.slice(0, 10) };
}

export async function runInWorker(req: Omit<WorkerRequest, "env">): Promise<WorkerResult> {
    const mocks = new PlanMocks(req.region);
    await pulumi.runtime.setMocks(mocks, req.project, req.stack, false);

    const resources: PlannedResource[] = [];
    progress = { resources: 0, pendingOutputs: [], pendingRegistrations: [] };
    const registrationErrors: string[] = [];
    const monitor = pulumi.runtime.getMonitor() as unknown as Monitor;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = async (request, cb) => {
        let inputs: Record<string, unknown> = {};
        let secretInputs: string[] = [];
        try {
            const deserialised = pulumi.runtime.deserializeProperties(request.getObject() as never) as Record<string, unknown>;
            secretInputs = secretInputNames(deserialised);
            inputs = plain(deserialised) as Record<string, unknown>;
        } catch (e) {
            registrationErrors.push(`${request.getType()} ${request.getName()}: its inputs could not be read: ${e instanceof Error ? e.message : String(e)}`);
        }
        await register(request, (err, resp) => {
            if (!err && resp) {
                resources.push({
                    urn: resp.getUrn(),
                    type: request.getType(),
                    name: request.getName(),
                    ...(request.getParent() ? { parent: request.getParent() } : {}),
                    inputs,
                    ...(secretInputs.length > 0 ? { secretInputs } : {}),
                    custom: request.getCustom(),
                    protect: request.getProtect() === true,
                    dependsOn: request.getDependenciesList(),
                });
                progress = { ...progress, resources: resources.length };
            }
            if (err) registrationErrors.push(`${request.getType()} ${request.getName()}: ${err instanceof Error ? err.message : String(err)}`);
            cb(err, resp);
        });
    };

    let error: string | null = null;
    let outputs: Record<string, unknown> = {};
    try {
        const programPath = path.resolve(req.programDir, req.main);
        const exported = await pulumi.runtime.runInPulumiStack(async () => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const mod = require(programPath) as Record<string, unknown>;
            trackOutputs(mod);
            return mod;
        });
        // As the language host does before it exits: wait for every registration still in
        // flight, including resources nothing exports or depends on.
        await (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
        outputs = await resolveOutputs(exported ?? {});
    } catch (e) {
        error = e instanceof Error ? e.message : String(e);
    }
    // The SDK drops the message of a failed invoke; the mocks kept it.
    const problems = [...mocks.refusedInvokes, ...registrationErrors];
    if (problems.length > 0) error = [...problems, ...(error ? [error] : [])].join("\n");
    // The stack resource itself is bookkeeping, not something AWS creates.
    return { resources: resources.filter((r) => r.type !== "pulumi:pulumi:Stack"), outputs, error };
}

function exportedEntries(exported: Record<string, unknown>): [string, unknown][] {
    return Object.entries(exported).filter(([key, value]) => key !== "__esModule" && typeof value !== "function");
}

function settled(value: unknown): Promise<unknown> {
    const resolved = pulumi.output(value) as pulumi.Output<unknown>;
    return new Promise<unknown>((resolve) => resolved.apply((x) => resolve(x)));
}

/** Keeps the progress report's list of exports not settled yet, from the moment the program returns. */
function trackOutputs(exported: Record<string, unknown>): void {
    const entries = exportedEntries(exported);
    const pending = new Set(entries.map(([key]) => key));
    const publish = () => (progress = { ...progress, pendingOutputs: [...pending] });
    publish();
    for (const [key, value] of entries) {
        void settled(value).then(() => {
            pending.delete(key);
            publish();
        });
    }
}

async function resolveOutputs(exported: Record<string, unknown>): Promise<Record<string, unknown>> {
    const values = await Promise.all(exportedEntries(exported).map(async ([key, value]) => [key, plain(await settled(value))] as const));
    return Object.fromEntries(values);
}

/** What a worker holds before its first job: every later job starts from this. */
interface Baseline {
    readonly env: NodeJS.ProcessEnv;
    readonly cwd: string;
    readonly handles: string[];
    readonly listeners: Map<string, number>;
    /** Programs this worker has run. */
    jobs: number;
}

/**
 * The planner's own modules (this worker, the checks, the diagrams): they stay loaded from one
 * program to the next. Every other module outside node_modules, including the repository's config
 * and AWS facts the checks also read, is loaded afresh by each program, as in a fresh process.
 */
const PLANNER_DIR = path.resolve(__dirname, "..") + path.sep;
const kept = (file: string) => file.startsWith(PLANNER_DIR) || file.includes(`${path.sep}node_modules${path.sep}`);

const WATCHED_EVENTS = ["exit", "beforeExit", "uncaughtException", "unhandledRejection", "SIGINT", "SIGTERM"] as const;

function takeBaseline(): Baseline {
    // The standard streams open lazily: open them now so a program's first log line is not a "leak".
    void process.stdout;
    void process.stderr;
    return {
        env: { ...process.env },
        cwd: process.cwd(),
        handles: process.getActiveResourcesInfo().sort(),
        listeners: new Map(WATCHED_EVENTS.map((e) => [e, process.listenerCount(e)])),
        jobs: 0,
    };
}

/**
 * Puts the process back where it was before any program ran: the environment and working
 * directory, no module of a previous program (the SDK and other packages stay loaded: that is the
 * point of the pool; what they keep per deployment lives in the store replaced here).
 */
function resetForJob(base: Baseline, req: WorkerRequest): void {
    for (const key of Object.keys(process.env)) if (!(key in base.env)) delete process.env[key];
    Object.assign(process.env, base.env, req.env);
    process.chdir(req.programDir);
    for (const key of Object.keys(require.cache)) {
        if (!kept(key)) delete require.cache[key];
    }
    // A fresh store reads PULUMI_CONFIG anew; the resource modules packages registered at load stay.
    const previous = sdkState.getGlobalStore();
    const store = new sdkState.LocalStore();
    store.resourcePackages = previous.resourcePackages;
    store.resourceModules = previous.resourceModules;
    (globalThis as unknown as { globalStore: unknown }).globalStore = store;
}

/** Why this worker must not run another program, or null. */
function leftovers(base: Baseline, result: WorkerResult): string | null {
    if (result.error !== null) return "its program failed";
    if (unhandled > 0) return "its program left a promise rejected";
    const handles = process.getActiveResourcesInfo().sort();
    const extra = [...handles];
    for (const h of base.handles) {
        const i = extra.indexOf(h);
        if (i >= 0) extra.splice(i, 1);
    }
    if (extra.length > 0) return `its program left ${extra.join(", ")} running`;
    // The SDK and @pulumi/aws add exit handlers once, when a module is first used: what a worker's
    // first program adds is the packages' and becomes the baseline; a program adding more is replaced.
    const added = WATCHED_EVENTS.filter((e) => process.listenerCount(e) > (base.listeners.get(e) ?? 0));
    if (added.length > 0 && base.jobs > 0) return `its program added process handlers (${added.join(", ")})`;
    for (const e of WATCHED_EVENTS) base.listeners.set(e, process.listenerCount(e));
    base.jobs++;
    return null;
}

/** The checks and the diagram, loaded by the first request that asks for them: a worker that only runs programs never loads them. */
function checks() {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { checkRun } = require("./check") as typeof import("./check");
    const { stackDot } = require("../report/diagram") as typeof import("../report/diagram");
    const { renderSvg } = require("../report/render") as typeof import("../report/render");
    /* eslint-enable @typescript-eslint/no-require-imports */
    return { checkRun, stackDot, renderSvg };
}

/** The request's checks on a program's run; a check that throws becomes the plan's error. */
async function checked(req: WorkerRequest, result: WorkerResult): Promise<WorkerResult> {
    if (req.check === undefined) return result;
    const { config, draw } = req.check;
    const { checkRun, stackDot, renderSvg } = checks();
    let plan: StackPlan;
    let policyConfig: object | null = null;
    try {
        ({ plan, policyConfig } = await checkRun({ project: req.project, stack: req.stack, region: req.region, config, ...result }));
    } catch (e) {
        plan = { project: req.project, stack: req.stack, region: req.region, resources: result.resources, outputs: result.outputs, violations: [], exceptions: [], cost: null, error: `checks: ${e instanceof Error ? e.message : String(e)}` };
    }
    const extras = draw ? { svg: await renderSvg(stackDot(plan)), policyConfig } : {};
    return { ...result, resources: [], checked: { plan, ...extras } };
}

function send(message: WorkerMessage, then: () => void = () => undefined): void {
    process.send?.(message, then);
}

/** Promises the program left rejected with nobody listening; such a worker is not reused. */
let unhandled = 0;

if (require.main === module) {
    let timer: NodeJS.Timeout | undefined;
    // The SDK rejects the promise of a failed invoke that the program may never await; the error
    // itself reaches the plan through the mocks, so it must not end the worker before it reports.
    process.on("unhandledRejection", () => unhandled++);
    process.on("message", (req: WorkerRequest | { kind: "report" }) => {
        if ("kind" in req) return send({ kind: "progress", progress: currentProgress() });
        resetForJob(base, req);
        timer = setInterval(() => send({ kind: "progress", progress: currentProgress() }), 2000);
        runInWorker(req)
            .catch((e: unknown): WorkerResult => ({ resources: [], outputs: {}, error: e instanceof Error ? e.message : String(e) }))
            .then((result) => checked(req, result))
            .then((result) => {
                clearInterval(timer);
                // Let what the program scheduled for "later" show itself before deciding.
                setImmediate(() => {
                    const recycle = leftovers(base, result);
                    send({ kind: "result", result, recycle }, recycle === null ? undefined : () => process.exit(0));
                });
            }, () => process.exit(1));
    });
    // Taken once the IPC channel listens, so the channel itself is part of it.
    const base = takeBaseline();
    send({ kind: "ready" });
}
