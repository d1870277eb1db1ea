/**
 * The stack `pulumi preview --policy-pack` is checking, as the engine describes it. The engine's
 * ConfigureStack call carries the project, the stack and the stack's whole config, but
 * @pulumi/policy (1.21) keeps only the stack's tags from it. So the pack watches that request as
 * it is decoded (`watchConfigureStack`, before the PolicyPack starts its server) and reads the
 * profile and waivers from it exactly as the offline planner reads them from the stack file: the
 * preview then applies the same levels and exceptions with no extra file.
 */
import { createRequire } from "node:module";
import { policySettings, type PolicySettings } from "./settings";

export interface StackUnderCheck {
    readonly project: string;
    readonly stack: string;
    readonly config: Readonly<Record<string, string>>;
}

let current: { readonly stack: StackUnderCheck; readonly settings: PolicySettings | Error } | undefined;

/** Reads the stack's settings once per ConfigureStack, not once per resource and control. */
export function setStackUnderCheck(stack: StackUnderCheck | undefined, env: NodeJS.ProcessEnv = process.env): void {
    if (stack === undefined) {
        current = undefined;
        return;
    }
    let settings: PolicySettings | Error;
    try {
        settings = policySettings(stack.project, stack.stack, stack.config, env);
    } catch (e) {
        settings = e instanceof Error ? e : new Error(String(e));
    }
    current = { stack, settings };
}

/** What a ConfigureStack request offers (`AnalyzerStackConfigureRequest` of analyzer.proto). */
interface ConfigureStackRequest {
    getProject(): string;
    getStack(): string;
    getConfigMap(): { forEach(fn: (value: string, key: string) => void): void };
}

interface MethodDefinition {
    requestDeserialize: (bytes: Buffer) => unknown;
}

/**
 * Wraps the decoder of ConfigureStack requests in the analyzer service definition
 * @pulumi/policy serves, so each request also sets the stack under check. Call it before the
 * PolicyPack is constructed: gRPC reads the decoder when the service is added.
 */
export function watchConfigureStack(): void {
    // The very module @pulumi/policy's server requires, not a copy of it.
    const fromPolicy = createRequire(require.resolve("@pulumi/policy"));
    const service = fromPolicy("@pulumi/pulumi/proto/analyzer_grpc_pb").AnalyzerService as Record<string, MethodDefinition>;
    const method = service["configureStack"];
    if (method === undefined) throw new Error("the analyzer service has no ConfigureStack method: this @pulumi/pulumi is older than the pack needs");
    const decode = method.requestDeserialize;
    method.requestDeserialize = (bytes: Buffer) => {
        const request = decode(bytes) as ConfigureStackRequest;
        const config: Record<string, string> = {};
        request.getConfigMap().forEach((value, key) => {
            config[key] = value;
        });
        setStackUnderCheck({ project: request.getProject(), stack: request.getStack(), config });
        return request;
    };
}

/** `urn:pulumi:<stack>::<project>::...`: the stack and project every URN carries. */
export function stackOfUrn(urn: string): { stack: string; project: string } | undefined {
    const m = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn);
    return m ? { stack: m[1]!, project: m[2]! } : undefined;
}

/**
 * The settings of the stack under check: from the engine's ConfigureStack call when it came; a
 * CLI older than ConfigureStack leaves only the URN, so the profile then follows the stack's name
 * and `PROFILE`, with no waivers.
 */
export function stackSettings(urn: string | undefined, env: NodeJS.ProcessEnv = process.env): PolicySettings | undefined {
    if (current !== undefined) {
        if (current.settings instanceof Error) throw current.settings;
        return current.settings;
    }
    const fromUrn = urn === undefined ? undefined : stackOfUrn(urn);
    return fromUrn === undefined ? undefined : policySettings(fromUrn.project, fromUrn.stack, {}, env);
}
