/** ECS services and clusters, and Lambda functions. */
import type { PlannedResource } from "../../model/types";
import type { CostLines } from "../lines";
import { planOf } from "../../model/plan";
import { describeAssumption, describeAssumptions } from "../assumptions";
import { list, num, obj, str } from "../inputs";
import { TYPES, HOURS } from "./common";

export function findTaskDefinition(ref: string, resources: readonly PlannedResource[]): PlannedResource | undefined {
    return planOf(resources).resolve(ref, [TYPES.taskDefinition])[0];
}

export function ecsService(r: PlannedResource, lines: CostLines): void {
    if (str(r.inputs.schedulingStrategy) === "DAEMON") {
        lines.note(r, "a DAEMON service runs on EC2 container instances, which are not priced here");
        return;
    }
    const ref = str(r.inputs.taskDefinition);
    const td = ref === undefined ? undefined : findTaskDefinition(ref, lines.resources);
    if (td === undefined) {
        lines.note(r, `task definition ${ref ?? "(none)"} is not in the plan; tasks not priced`);
        return;
    }
    const launchType = str(r.inputs.launchType);
    const providers = (list(r.inputs.capacityProviderStrategies) ?? []).map((s) => str(obj(s)?.capacityProvider));
    const compatibilities = (list(td.inputs.requiresCompatibilities) ?? []).map(str);
    const onFargate =
        providers.length > 0
            ? providers.every((p) => p === "FARGATE")
            : launchType === "FARGATE" || (launchType === undefined && compatibilities.includes("FARGATE"));
    if (!onFargate) {
        const how = providers.length > 0 ? `capacity providers ${providers.join(", ")}` : `launch type ${launchType ?? "EC2"}`;
        lines.note(r, `${how}: only on-demand Fargate has figures in the table; tasks not priced`);
        return;
    }
    const os = str(obj(td.inputs.runtimePlatform)?.operatingSystemFamily) ?? "LINUX";
    if (os !== "LINUX") {
        lines.note(r, `the table has Linux Fargate figures only, not ${os}; tasks not priced`);
        return;
    }
    const desired = num(r.inputs.desiredCount);
    if (desired === undefined) lines.note(r, "desiredCount not set: AWS starts 0 tasks, priced as none running");
    const tasks = desired ?? 0;
    const cpuUnits = num(td.inputs.cpu);
    const memoryMib = num(td.inputs.memory);
    if (cpuUnits === undefined || memoryMib === undefined) {
        lines.note(r, `task definition ${td.name} sets no task-level cpu and memory; tasks not priced`);
        return;
    }
    const arch = str(obj(td.inputs.runtimePlatform)?.cpuArchitecture) ?? "X86_64";
    const archKey = arch === "ARM64" ? "arm64" : "x86_64";
    const vcpu = cpuUnits / 1024;
    const gb = memoryMib / 1024;
    const tasksText = `${tasks} task${tasks === 1 ? "" : "s"}`;
    lines.add(r, {
        key: `fargate.${archKey}.vcpuHour`,
        description: `Fargate ${arch} vCPU, ${tasksText} × ${vcpu} vCPU`,
        quantity: tasks * vcpu * HOURS,
    });
    lines.add(r, {
        key: `fargate.${archKey}.gbHour`,
        description: `Fargate ${arch} memory, ${tasksText} × ${gb} GB`,
        quantity: tasks * gb * HOURS,
    });
}

export function ecsCluster(r: PlannedResource, lines: CostLines): void {
    const insights = (list(r.inputs.settings) ?? [])
        .map(obj)
        .find((s) => str(s?.name) === "containerInsights");
    const value = str(insights?.value);
    if (value !== undefined && value !== "disabled") {
        lines.note(r, `Container Insights (${value}) is billed as custom metrics and log ingestion; the table has no figure, not priced`);
    }
}

export function lambdaFunction(r: PlannedResource, lines: CostLines): void {
    const a = lines.assumptions;
    const memoryMb = num(r.inputs.memorySize) ?? 128;
    const arch = str(list(r.inputs.architectures)?.[0]) ?? "x86_64";
    const archKey = arch === "arm64" ? "arm64" : "x86_64";
    lines.add(r, {
        key: "lambda.requests.million",
        description: "Lambda requests",
        quantity: a.lambdaRequests / 1_000_000,
        assumption: describeAssumption("lambdaRequests", a.lambdaRequests),
    });
    const gbSeconds = a.lambdaRequests * (a.lambdaAverageDurationMs / 1000) * (memoryMb / 1024);
    lines.add(r, {
        key: `lambda.${archKey}.gbSecond`,
        description: `Lambda ${arch} duration at ${memoryMb} MB`,
        quantity: gbSeconds,
        assumption: describeAssumptions([
            ["lambdaRequests", a.lambdaRequests],
            ["lambdaAverageDurationMs", a.lambdaAverageDurationMs],
        ]),
    });
    const reserved = num(r.inputs.reservedConcurrentExecutions);
    if (reserved !== undefined && reserved >= 0) {
        lines.note(r, `reserved concurrency (${reserved}) costs nothing: it only caps and guarantees concurrency`);
    }
    const ephemeralMb = num(obj(r.inputs.ephemeralStorage)?.size);
    if (ephemeralMb !== undefined && ephemeralMb > 512) {
        lines.note(r, `ephemeral storage above 512 MB (${ephemeralMb} MB) is billed and has no figure in the table; not priced`);
    }
}
