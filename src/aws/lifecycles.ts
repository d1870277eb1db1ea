/**
 * Versions with dates: Lambda runtimes, RDS and Aurora engine majors, ElastiCache engines,
 * CodeBuild images, the language versions a buildspec installs, Fargate platform versions.
 * AWS publishes these as lifecycle pages and release notes, not as machine-readable data, so
 * each row is copied from the page named in its `source` (as published by 2026-11; re-check when
 * AWS updates a page). `lifecycleOf` judges a version on a given day, so a plan made next year
 * judges next year.
 */

export type VersionFamily =
    | "lambda"
    | "rds:postgres"
    | "rds:mysql"
    | "rds:aurora-postgresql"
    | "rds:aurora-mysql"
    | "elasticache:redis"
    | "elasticache:valkey"
    | "elasticache:memcached"
    | "codebuild:image"
    | "buildspec:nodejs"
    | "buildspec:python"
    | "ecs:platform";

export interface VersionLifecycle {
    readonly family: VersionFamily;
    /** The version as written in the input, or its major (`15` covers `15`, `15.8`, ...). */
    readonly version: string;
    /** From this day AWS refuses to create a resource on the version (ISO date). */
    readonly noNewFrom?: string;
    /** End of standard support: deprecation, or the start of paid Extended Support (ISO date). */
    readonly supportEnds?: string;
    readonly replacement?: string;
    readonly source: string;
}

const LAMBDA = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html";
const PG = "https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html";
const MYSQL = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html";
const AURORA_PG = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurorapostgresql-release-calendar.html";
const AURORA_MYSQL = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/AuroraMySQL.release-calendars.html";
const CACHE = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html";
const CODEBUILD = "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-available.html";
const BUILDSPEC = "https://docs.aws.amazon.com/codebuild/latest/userguide/runtime-versions.html";
const NODE = "https://nodejs.org/en/about/previous-releases";
const PYTHON = "https://devguide.python.org/versions/";
const FARGATE = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-versions-retired.html";

const lambda = (version: string, supportEnds: string, noNewFrom: string | undefined, replacement: string): VersionLifecycle => ({
    family: "lambda",
    version,
    supportEnds,
    ...(noNewFrom === undefined ? {} : { noNewFrom }),
    replacement,
    source: LAMBDA,
});

export const LIFECYCLES: readonly VersionLifecycle[] = [
    lambda("nodejs24.x", "2028-04-30", undefined, "a newer Node.js runtime"),
    lambda("nodejs22.x", "2027-04-30", undefined, "nodejs24.x"),
    lambda("nodejs20.x", "2026-04-30", "2026-08-31", "nodejs22.x or nodejs24.x"),
    lambda("nodejs18.x", "2025-09-01", "2026-03-09", "nodejs22.x or nodejs24.x"),
    lambda("nodejs16.x", "2024-06-12", "2025-10-01", "nodejs22.x or nodejs24.x"),
    lambda("nodejs14.x", "2023-12-04", "2024-01-09", "nodejs22.x or nodejs24.x"),
    lambda("nodejs12.x", "2023-03-31", "2023-03-31", "nodejs22.x or nodejs24.x"),
    lambda("nodejs10.x", "2021-07-30", "2021-07-30", "nodejs22.x or nodejs24.x"),
    lambda("python3.14", "2029-06-30", undefined, "a newer Python runtime"),
    lambda("python3.13", "2029-06-30", undefined, "python3.14"),
    lambda("python3.12", "2028-10-31", undefined, "python3.13"),
    lambda("python3.11", "2027-06-30", undefined, "python3.13"),
    lambda("python3.10", "2026-10-31", undefined, "python3.13"),
    lambda("python3.9", "2025-12-15", "2026-06-15", "python3.13"),
    lambda("python3.8", "2024-10-14", "2025-10-01", "python3.13"),
    lambda("python3.7", "2023-12-04", "2024-01-09", "python3.13"),
    lambda("python3.6", "2022-07-18", "2022-07-18", "python3.13"),
    lambda("python2.7", "2021-07-15", "2021-07-15", "python3.13"),
    lambda("java25", "2029-06-30", undefined, "a newer Java runtime"),
    lambda("java21", "2029-06-30", undefined, "java25"),
    lambda("java17", "2027-06-30", undefined, "java21"),
    lambda("java11", "2027-06-30", undefined, "java21"),
    lambda("java8.al2", "2027-06-30", undefined, "java21"),
    lambda("java8", "2024-01-08", "2024-02-08", "java21"),
    lambda("dotnet8", "2026-11-10", undefined, "dotnet10"),
    lambda("dotnet7", "2024-05-14", "2024-05-14", "dotnet8"),
    lambda("dotnet6", "2024-12-20", "2025-10-01", "dotnet8"),
    lambda("dotnetcore3.1", "2023-04-03", "2023-04-03", "dotnet8"),
    lambda("ruby3.4", "2028-03-31", undefined, "a newer Ruby runtime"),
    lambda("ruby3.3", "2027-03-31", undefined, "ruby3.4"),
    lambda("ruby3.2", "2026-03-31", "2026-08-31", "ruby3.4"),
    lambda("ruby2.7", "2023-12-07", "2024-01-09", "ruby3.4"),
    lambda("provided.al2023", "2029-06-30", undefined, "provided.al2023"),
    lambda("provided.al2", "2026-07-31", undefined, "provided.al2023"),
    lambda("go1.x", "2024-01-08", "2024-02-08", "provided.al2023"),
    lambda("provided", "2024-01-08", "2024-02-08", "provided.al2023"),
    // RDS: past end of standard support a major runs on paid Extended Support; only its
    // `-rds.` Extended Support minors can still be created (rdsVersionProblem).
    { family: "rds:postgres", version: "11", supportEnds: "2024-02-29", replacement: "17", source: PG },
    { family: "rds:postgres", version: "12", supportEnds: "2025-02-28", replacement: "17", source: PG },
    { family: "rds:postgres", version: "13", supportEnds: "2026-02-28", replacement: "17", source: PG },
    { family: "rds:postgres", version: "14", supportEnds: "2027-02-28", replacement: "17", source: PG },
    { family: "rds:postgres", version: "15", supportEnds: "2028-02-29", replacement: "17", source: PG },
    { family: "rds:postgres", version: "16", supportEnds: "2029-02-28", source: PG },
    { family: "rds:postgres", version: "17", supportEnds: "2030-02-28", source: PG },
    // PostgreSQL 15 minors retired on AWS's calendar (aws/aws-cdk PR #33663 quotes the notice).
    { family: "rds:postgres", version: "15.4", noNewFrom: "2024-12-09", replacement: "15", source: PG },
    { family: "rds:postgres", version: "15.9", noNewFrom: "2026-05-31", replacement: "15", source: PG },
    { family: "rds:postgres", version: "15.10", noNewFrom: "2026-05-31", replacement: "15", source: PG },
    { family: "rds:postgres", version: "15.12", noNewFrom: "2026-05-31", replacement: "15", source: PG },
    { family: "rds:postgres", version: "15.13", noNewFrom: "2026-10-31", replacement: "15", source: PG },
    { family: "rds:postgres", version: "15.14", noNewFrom: "2026-10-31", replacement: "15", source: PG },
    { family: "rds:mysql", version: "5.7", supportEnds: "2024-02-29", replacement: "8.4", source: MYSQL },
    { family: "rds:mysql", version: "8.0", supportEnds: "2026-07-31", replacement: "8.4", source: MYSQL },
    { family: "rds:mysql", version: "8.4", supportEnds: "2029-07-31", source: MYSQL },
    { family: "rds:aurora-postgresql", version: "11", supportEnds: "2024-02-29", replacement: "16", source: AURORA_PG },
    { family: "rds:aurora-postgresql", version: "12", supportEnds: "2025-02-28", replacement: "16", source: AURORA_PG },
    { family: "rds:aurora-postgresql", version: "13", supportEnds: "2026-02-28", replacement: "16", source: AURORA_PG },
    { family: "rds:aurora-postgresql", version: "14", supportEnds: "2027-02-28", replacement: "16", source: AURORA_PG },
    { family: "rds:aurora-mysql", version: "5.7", supportEnds: "2024-10-31", replacement: "8.0 (Aurora MySQL 3)", source: AURORA_MYSQL },
    { family: "elasticache:redis", version: "2", noNewFrom: "2023-12-31", replacement: "valkey 8", source: CACHE },
    { family: "elasticache:redis", version: "3", noNewFrom: "2023-12-31", replacement: "valkey 8", source: CACHE },
    { family: "elasticache:redis", version: "4", supportEnds: "2026-01-31", replacement: "valkey 8", source: CACHE },
    { family: "elasticache:redis", version: "5", supportEnds: "2026-01-31", replacement: "valkey 8", source: CACHE },
    { family: "elasticache:memcached", version: "1.4", noNewFrom: "2023-12-31", replacement: "1.6", source: CACHE },
    { family: "codebuild:image", version: "aws/codebuild/standard:4.0", noNewFrom: "2023-03-31", replacement: "aws/codebuild/standard:7.0", source: CODEBUILD },
    { family: "codebuild:image", version: "aws/codebuild/standard:3.0", noNewFrom: "2022-06-30", replacement: "aws/codebuild/standard:7.0", source: CODEBUILD },
    { family: "codebuild:image", version: "aws/codebuild/amazonlinux2-x86_64-standard:3.0", noNewFrom: "2023-03-31", replacement: "aws/codebuild/amazonlinux-x86_64-standard:5.0", source: CODEBUILD },
    { family: "buildspec:nodejs", version: "18", supportEnds: "2025-04-30", replacement: "22", source: NODE },
    { family: "buildspec:nodejs", version: "20", supportEnds: "2026-04-30", replacement: "22", source: NODE },
    { family: "buildspec:nodejs", version: "22", supportEnds: "2027-04-30", replacement: "24", source: NODE },
    { family: "buildspec:python", version: "3.9", supportEnds: "2025-10-31", replacement: "3.13", source: PYTHON },
    { family: "buildspec:python", version: "3.10", supportEnds: "2026-10-31", replacement: "3.13", source: PYTHON },
    { family: "ecs:platform", version: "1.3.0", supportEnds: "2020-12-14", replacement: "LATEST (1.4.0)", source: FARGATE },
    { family: "ecs:platform", version: "1.2.0", supportEnds: "2020-12-14", replacement: "LATEST (1.4.0)", source: FARGATE },
    { family: "ecs:platform", version: "1.1.0", supportEnds: "2020-12-14", replacement: "LATEST (1.4.0)", source: FARGATE },
    { family: "ecs:platform", version: "1.0.0", supportEnds: "2020-12-14", replacement: "LATEST (1.4.0)", source: FARGATE },
];

/** The language versions each CodeBuild image lists for `runtime-versions` (BUILDSPEC page). */
export const BUILDSPEC_RUNTIMES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
    "aws/codebuild/amazonlinux-x86_64-standard:5.0": { nodejs: ["18", "20", "22"], python: ["3.9", "3.10", "3.11", "3.12", "3.13"] },
    "aws/codebuild/amazonlinux2-x86_64-standard:5.0": { nodejs: ["18", "20", "22"], python: ["3.9", "3.10", "3.11", "3.12", "3.13"] },
    "aws/codebuild/standard:7.0": { nodejs: ["18", "20", "22"], python: ["3.9", "3.10", "3.11", "3.12", "3.13"] },
};
export const BUILDSPEC_RUNTIMES_SOURCE = BUILDSPEC;

export interface LifecycleFinding {
    readonly level: "mandatory" | "advisory";
    readonly text: string;
    readonly source: string;
}

const DAY = 86_400_000;
/** How far ahead a coming deprecation is reported. */
export const DEPRECATION_NOTICE_DAYS = 90;

/** The rows that cover `version`: the exact one first, then its major prefixes. */
function rowsFor(family: VersionFamily, version: string): VersionLifecycle[] {
    const v = version.trim();
    return LIFECYCLES.filter((r) => r.family === family && (r.version === v || v.startsWith(`${r.version}.`) || v.startsWith(`${r.version}-`))).sort(
        (a, b) => b.version.length - a.version.length,
    );
}

/** How `version` of `family` stands on `today`; undefined when it is offered and supported for 90 days more. */
export function lifecycleOf(family: VersionFamily, version: string, today: Date): LifecycleFinding | undefined {
    const day = today.toISOString().slice(0, 10);
    for (const row of rowsFor(family, version)) {
        const instead = row.replacement === undefined ? "" : `; use ${row.replacement}`;
        if (row.noNewFrom !== undefined && row.noNewFrom <= day) {
            return { level: "mandatory", text: `${version} is no longer offered for new resources (since ${row.noNewFrom})${instead}`, source: row.source };
        }
        if (row.supportEnds === undefined) continue;
        if (row.supportEnds <= day) {
            return { level: "advisory", text: `${version} is past its end of standard support (${row.supportEnds})${instead}`, source: row.source };
        }
        if (Date.parse(row.supportEnds) - today.getTime() <= DEPRECATION_NOTICE_DAYS * DAY) {
            return { level: "advisory", text: `${version} reaches its end of standard support on ${row.supportEnds}${instead}`, source: row.source };
        }
        return undefined;
    }
    return undefined;
}

/**
 * RDS on a major past end of standard support: only Extended Support minors (`11.22-rds.20240418`)
 * or the bare major can be created, and not at all with Extended Support turned off.
 */
export function rdsVersionProblem(engine: string, version: string, lifecycleSupport: string | undefined, today: Date): LifecycleFinding | undefined {
    const family = `rds:${engine}` as VersionFamily;
    // Major rows carry a support end and no creation cut-off; minor rows only the cut-off.
    const major = rowsFor(family, version).find((r) => r.supportEnds !== undefined && r.noNewFrom === undefined);
    const day = today.toISOString().slice(0, 10);
    if (major?.supportEnds === undefined || major.supportEnds > day) return undefined;
    const instead = major.replacement === undefined ? "" : `; use ${major.replacement}`;
    if (lifecycleSupport === "open-source-rds-extended-support-disabled") {
        return { level: "mandatory", text: `${engine} ${version} is past end of standard support (${major.supportEnds}) and Extended Support is disabled, so RDS refuses to create it${instead}`, source: major.source };
    }
    if (version.trim() !== major.version && !version.includes("-rds.")) {
        return { level: "mandatory", text: `${engine} ${version} is past end of standard support (${major.supportEnds}); only its Extended Support minors (-rds.) can be created${instead}`, source: major.source };
    }
    return undefined;
}

/** A Lambda runtime AWS lists and has not deprecated by `today` (Security Hub Lambda.2's test). */
export function lambdaRuntimeSupported(runtime: string, today: Date): boolean {
    const row = LIFECYCLES.find((r) => r.family === "lambda" && r.version === runtime);
    return row?.supportEnds !== undefined && row.supportEnds > today.toISOString().slice(0, 10);
}
