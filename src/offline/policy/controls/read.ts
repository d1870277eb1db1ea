/**
 * Reading planned inputs as the security controls need them: nested blocks, lists, JSON strings
 * (as `pulumi.jsonStringify` leaves them), container definitions, and how a message shows a value.
 */
import { asArray } from "../documents";
import type { PolicyTarget } from "../types";

/** A planned value as a message shows it: `unset`, or its JSON form. */
export function show(value: unknown): string {
    return value === undefined || value === null ? "unset" : JSON.stringify(value);
}

/** A nested input block (`networkConfiguration`, `logsConfig.s3Logs`, ...), or undefined. */
export function block(value: unknown): Record<string, unknown> | undefined {
    return typeof value === "object" && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
}

/** A list input as an array of blocks; absent lists are empty. */
export function blocks(value: unknown): Record<string, unknown>[] {
    return Array.isArray(value) ? value.map((v) => block(v)).filter((v) => v !== undefined) : [];
}

/** A list input as an array of strings; absent lists are empty. */
export function strings(value: unknown): string[] {
    return asArray(value as string | string[] | undefined).filter((v): v is string => typeof v === "string");
}

/** Parses a JSON string (as `pulumi.jsonStringify` leaves it); an object is returned as is. */
export function parseJson(value: unknown): unknown {
    if (typeof value !== "string") return value;
    try {
        return JSON.parse(value) as unknown;
    } catch {
        return undefined;
    }
}

/** The container definitions of an `aws.ecs.TaskDefinition`, given as a JSON string or an array. */
export function containers(taskDefinition: PolicyTarget): Record<string, unknown>[] {
    return blocks(parseJson(taskDefinition.props.containerDefinitions));
}

/** How a message names one container: its `name`, else its position. */
export function containerName(container: Record<string, unknown>, index: number): string {
    return typeof container.name === "string" ? container.name : `#${index + 1}`;
}

/** Glob matching with `*` only, as ECR repository filters use it. */
export function wildcardMatches(pattern: string, value: string): boolean {
    const re = new RegExp("^" + pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$");
    return re.test(value);
}

/**
 * The check of a control that wants a boolean input set to true: a message naming the input and
 * what it is, where `applies` says the control reads the resource at all.
 */
export function mustBeTrue(input: string, applies: (resource: PolicyTarget) => boolean = () => true): (resource: PolicyTarget) => string[] {
    return (resource) => (!applies(resource) || resource.props[input] === true ? [] : [`${input} must be true (is ${show(resource.props[input])})`]);
}
