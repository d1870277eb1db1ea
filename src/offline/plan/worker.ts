/**
 * Runs one Pulumi program under the mock runtime, in a process of its own (the runtime is
 * global to a process), and sends back every registered resource and the stack outputs.
 * Started by `runProgram` in program.ts with tsx's hooks, so TypeScript programs load as the
 * Pulumi CLI would load them.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { PlanMocks } from "./mocks";
import type { PlannedResource } from "../model/types";

export interface WorkerRequest {
    readonly programDir: string;
    readonly main: string;
    readonly project: string;
    readonly stack: string;
    readonly region: string;
}

export interface WorkerResult {
    readonly resources: PlannedResource[];
    readonly outputs: Record<string, unknown>;
    readonly error: string | null;
}

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

export async function runInWorker(req: WorkerRequest): Promise<WorkerResult> {
    const mocks = new PlanMocks(req.region);
    await pulumi.runtime.setMocks(mocks, req.project, req.stack, false);

    const resources: PlannedResource[] = [];
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

async function resolveOutputs(exported: Record<string, unknown>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(exported)) {
        if (key === "__esModule" || typeof value === "function") continue;
        const resolved = pulumi.output(value) as pulumi.Output<unknown>;
        out[key] = plain(await new Promise<unknown>((resolve) => resolved.apply((v) => resolve(v))));
    }
    return out;
}

if (require.main === module) {
    const request = JSON.parse(process.argv[2] ?? "{}") as WorkerRequest;
    runInWorker(request)
        .then((result) => {
            process.send?.(result, () => process.exit(0));
        })
        .catch((e: unknown) => {
            process.send?.({ resources: [], outputs: {}, error: e instanceof Error ? e.message : String(e) }, () => process.exit(0));
        });
}
