/**
 * Lambda runtimes past deprecation: no more security patches, then AWS blocks creating and later
 * updating functions on them, so a stack that deploys today stops deploying on a date the program
 * does not show.
 */
import type { ResourceRule } from "../types";
import { str } from "./read";

export interface DeprecatedRuntime {
    readonly runtime: string;
    /** The date AWS deprecated the runtime (ISO). */
    readonly deprecated: string;
    readonly replacement: string;
}

export const RUNTIMES_SOURCE = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html";

/**
 * Runtimes deprecated on or before 2026-11, with AWS's deprecation dates. Source:
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (and endoflife.date/aws-lambda).
 */
export const DEPRECATED_RUNTIMES: readonly DeprecatedRuntime[] = [
    { runtime: "nodejs20.x", deprecated: "2026-04-30", replacement: "nodejs22.x or nodejs24.x" },
    { runtime: "nodejs18.x", deprecated: "2025-09-01", replacement: "nodejs22.x or nodejs24.x" },
    { runtime: "nodejs16.x", deprecated: "2024-06-12", replacement: "nodejs22.x or nodejs24.x" },
    { runtime: "nodejs14.x", deprecated: "2023-12-04", replacement: "nodejs22.x or nodejs24.x" },
    { runtime: "nodejs12.x", deprecated: "2023-03-31", replacement: "nodejs22.x or nodejs24.x" },
    { runtime: "nodejs10.x", deprecated: "2021-07-30", replacement: "nodejs22.x or nodejs24.x" },
    { runtime: "python3.9", deprecated: "2025-12-15", replacement: "python3.13" },
    { runtime: "python3.8", deprecated: "2024-10-14", replacement: "python3.13" },
    { runtime: "python3.7", deprecated: "2023-12-04", replacement: "python3.13" },
    { runtime: "python3.6", deprecated: "2022-07-18", replacement: "python3.13" },
    { runtime: "python2.7", deprecated: "2021-07-15", replacement: "python3.13" },
    { runtime: "ruby3.2", deprecated: "2026-03-31", replacement: "ruby3.4" },
    { runtime: "ruby2.7", deprecated: "2023-12-07", replacement: "ruby3.4" },
    { runtime: "java8", deprecated: "2024-01-08", replacement: "java21" },
    { runtime: "go1.x", deprecated: "2024-01-08", replacement: "provided.al2023" },
    { runtime: "provided", deprecated: "2024-01-08", replacement: "provided.al2023" },
    { runtime: "dotnet7", deprecated: "2024-05-14", replacement: "dotnet8" },
    { runtime: "dotnet6", deprecated: "2024-12-20", replacement: "dotnet8" },
    { runtime: "dotnetcore3.1", deprecated: "2023-04-03", replacement: "dotnet8" },
];

const BY_RUNTIME: ReadonlyMap<string, DeprecatedRuntime> = new Map(DEPRECATED_RUNTIMES.map((r) => [r.runtime, r]));

export const lambdaRuntime: ResourceRule = {
    id: "DEPLOY.LambdaRuntime",
    title: "Lambda functions use a supported runtime",
    kind: "deployability",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:lambda/function:Function"],
    remediation: 'Move the function to a supported runtime, e.g. runtime: "nodejs22.x" (deprecation 2027-04-30).',
    source: RUNTIMES_SOURCE,
    check(resource) {
        const runtime = str(resource.props["runtime"]);
        const deprecated = runtime === undefined ? undefined : BY_RUNTIME.get(runtime);
        if (deprecated === undefined) return [];
        return [
            `${resource.name}: runtime ${deprecated.runtime} was deprecated on ${deprecated.deprecated} ` +
                `(creates and updates are then blocked); use ${deprecated.replacement}.`,
        ];
    },
};
