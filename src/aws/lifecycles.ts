/**
 * Versions with dates: Lambda runtimes, RDS and Aurora engine majors, ElastiCache engines,
 * CodeBuild images, the language versions a buildspec installs, Fargate platform versions.
 * AWS publishes these as lifecycle pages and release notes, not as machine-readable data, so
 * each row is copied from the page named in its `source` (as published by 2026-11; re-check when
 * AWS updates a page). `lifecycleOf` judges a version on a given day, so a plan made next year
 * judges next year. Where AWS gives a month only ("February 2028", approximate by its own
 * note), the row keeps the month (`2028-02`), which compares as its first day.
 */

export type VersionFamily =
    | "lambda"
    | "rds:postgres"
    | "rds:mysql"
    | "rds:mariadb"
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
    /** From this day AWS refuses to create a resource on the version (ISO date, never a month only). */
    readonly noNewFrom?: string;
    /** End of standard support: deprecation, or the start of paid Extended Support (ISO date, or `YYYY-MM` where AWS gives the month only). */
    readonly supportEnds?: string;
    readonly replacement?: string;
    readonly source: string;
}

const LAMBDA = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html";
const PG = "https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html";
const MYSQL = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html";
const MARIADB = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MariaDB.Concepts.VersionMgmt.html";
const MARIADB_10_2 = "https://aws.amazon.com/blogs/database/upgrading-from-amazon-rds-for-mariadb-version-10-2/";
const MARIADB_10_3 = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_MariaDB.html";
/** Where AWS says which engines have RDS Extended Support ("For Amazon RDS for MariaDB, this parameter only returns ... standard-support"). */
export const RDS_EXTENDED_SUPPORT_SOURCE = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_SupportedEngineLifecycle.html";
/** The engines RDS Extended Support covers (RDS_EXTENDED_SUPPORT_SOURCE). */
export const RDS_EXTENDED_SUPPORT_ENGINES: ReadonlySet<string> = new Set(["postgres", "mysql", "aurora-postgresql", "aurora-mysql"]);
const AURORA_PG = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurorapostgresql-release-calendar.html";
const AURORA_MYSQL = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/AuroraMySQL.release-calendars.html";
const CACHE = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html";
const CACHE_EOL = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html#deprecated-engine-versions";
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
    // MariaDB has no RDS Extended Support (RDS_EXTENDED_SUPPORT_SOURCE): past its end of standard
    // support a major is deprecated (the page lists 10.5 as deprecated after its 31 August 2026),
    // so an exact end date is also the day creation stops. Read 2026-12-02 on the MARIADB page;
    // 11.8 said "June 2030" in an earlier edition of the same page and "June 2028" now.
    { family: "rds:mariadb", version: "10.2", supportEnds: "2022-10-15", noNewFrom: "2022-10-15", replacement: "11.4", source: MARIADB_10_2 },
    { family: "rds:mariadb", version: "10.3", supportEnds: "2023-10-23", noNewFrom: "2023-10-23", replacement: "11.4", source: MARIADB_10_3 },
    { family: "rds:mariadb", version: "10.5", supportEnds: "2026-08-31", noNewFrom: "2026-08-31", replacement: "11.4", source: MARIADB },
    { family: "rds:mariadb", version: "10.6", supportEnds: "2026-12-31", noNewFrom: "2026-12-31", replacement: "11.4", source: MARIADB },
    { family: "rds:mariadb", version: "10.11", supportEnds: "2028-02", replacement: "11.4", source: MARIADB },
    { family: "rds:mariadb", version: "11.4", supportEnds: "2029-05", source: MARIADB },
    { family: "rds:mariadb", version: "11.8", supportEnds: "2028-06", source: MARIADB },
    { family: "rds:mariadb", version: "12.3", supportEnds: "2029-06", source: MARIADB },
    // Minors whose own end of standard support comes before their major's (same page, same day).
    ...["11.8.5", "11.8.3", "11.4.9", "11.4.8", "11.4.7", "10.11.15", "10.11.14", "10.11.13"].map(
        (version): VersionLifecycle => ({ family: "rds:mariadb", version, supportEnds: "2026-10-31", replacement: "the major's latest minor", source: MARIADB }),
    ),
    ...["10.6.24", "10.6.23", "10.6.22"].map((version): VersionLifecycle => ({ family: "rds:mariadb", version, supportEnds: "2026-11", replacement: "11.4", source: MARIADB })),
    // ElastiCache's end of life schedule (CACHE_EOL, read 2026-12-02) gives dates for Redis OSS
    // only: 2 and 3 past end of life, 4 to 6 with paid Extended Support until version EOL. It
    // gives none for Valkey or Memcached; ELASTICACHE_OFFERED lists the versions AWS offers.
    { family: "elasticache:redis", version: "2", noNewFrom: "2023-01-13", replacement: "valkey 8", source: CACHE_EOL },
    { family: "elasticache:redis", version: "3", noNewFrom: "2023-07-31", replacement: "valkey 8", source: CACHE_EOL },
    { family: "elasticache:redis", version: "4", supportEnds: "2026-01-31", noNewFrom: "2029-01-31", replacement: "valkey 8", source: CACHE_EOL },
    { family: "elasticache:redis", version: "5", supportEnds: "2026-01-31", noNewFrom: "2029-01-31", replacement: "valkey 8", source: CACHE_EOL },
    { family: "elasticache:redis", version: "6", supportEnds: "2027-01-31", noNewFrom: "2030-01-31", replacement: "valkey 8", source: CACHE_EOL },
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

/**
 * The node-based versions ElastiCache offers where its pages give no dates (CACHE, read
 * 2026-12-02; Valkey 9.0 from the page's newer edition). Valkey is matched by major.minor (`7.2`
 * covers `7.2.6`); Memcached by the full version, as CreateCacheCluster takes it.
 */
export const ELASTICACHE_OFFERED: Readonly<Record<"valkey" | "memcached", readonly string[]>> = {
    valkey: ["7.2", "8.0", "8.1", "8.2", "9.0"],
    memcached: ["1.4.5", "1.4.14", "1.4.24", "1.4.33", "1.4.34", "1.5.10", "1.5.16", "1.6.6", "1.6.12", "1.6.17", "1.6.22"],
};

export interface LifecycleFinding {
    readonly level: "mandatory" | "advisory";
    readonly text: string;
    /** The dated rule the version breaks, in words ("no new resources from 2026-03-09"). */
    readonly rule: string;
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
        const at = { source: row.source };
        if (row.noNewFrom !== undefined && row.noNewFrom <= day) {
            const rule = `no new resources on ${row.version} from ${row.noNewFrom}`;
            return { level: "mandatory", text: `${version} is no longer offered for new resources (since ${row.noNewFrom})${instead}`, rule, ...at };
        }
        if (row.supportEnds === undefined) continue;
        const rule = `standard support for ${row.version} ends ${row.supportEnds}`;
        if (row.supportEnds <= day) {
            return { level: "advisory", text: `${version} is past its end of standard support (${row.supportEnds})${instead}`, rule, ...at };
        }
        if (Date.parse(row.supportEnds) - today.getTime() <= DEPRECATION_NOTICE_DAYS * DAY) {
            return { level: "advisory", text: `${version} reaches its end of standard support on ${row.supportEnds}${instead}`, rule, ...at };
        }
        return undefined;
    }
    return undefined;
}

function compareVersions(a: string, b: string): number {
    const pa = a.split(".").map(Number);
    const pb = b.split(".").map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0) return d;
    }
    return 0;
}

/**
 * A Valkey or Memcached version ElastiCache does not offer: mandatory when it is older than the
 * newest the table lists; a newer one is not judged (AWS may have added it since).
 */
export function cacheVersionProblem(engine: string, version: string): LifecycleFinding | undefined {
    if (engine !== "valkey" && engine !== "memcached") return undefined;
    const offered = ELASTICACHE_OFFERED[engine];
    const v = version.trim();
    if (!/^\d+(\.\d+)*$/.test(v)) return undefined;
    const key = engine === "valkey" ? v.split(".").slice(0, 2).join(".") : v;
    if (offered.includes(key) || compareVersions(v, offered[offered.length - 1]!) > 0) return undefined;
    return { level: "mandatory", text: `ElastiCache does not offer ${engine} ${version} (it offers ${offered.join(", ")})`, rule: `${engine} versions ElastiCache offers`, source: CACHE };
}

/**
 * RDS on a major past end of standard support: only Extended Support minors (`11.22-rds.20240418`)
 * or the bare major can be created, and not at all with Extended Support turned off.
 */
export function rdsVersionProblem(engine: string, version: string, lifecycleSupport: string | undefined, today: Date): LifecycleFinding | undefined {
    if (!RDS_EXTENDED_SUPPORT_ENGINES.has(engine)) return undefined;
    const family = `rds:${engine}` as VersionFamily;
    // Major rows carry a support end and no creation cut-off; minor rows only the cut-off.
    const major = rowsFor(family, version).find((r) => r.supportEnds !== undefined && r.noNewFrom === undefined);
    const day = today.toISOString().slice(0, 10);
    if (major?.supportEnds === undefined || major.supportEnds > day) return undefined;
    const instead = major.replacement === undefined ? "" : `; use ${major.replacement}`;
    const rule = `standard support for ${engine} ${major.version} ends ${major.supportEnds}; after it only Extended Support creates it`;
    if (lifecycleSupport === "open-source-rds-extended-support-disabled") {
        return { level: "mandatory", text: `${engine} ${version} is past end of standard support (${major.supportEnds}) and Extended Support is disabled, so RDS refuses to create it${instead}`, rule, source: major.source };
    }
    if (version.trim() !== major.version && !version.includes("-rds.")) {
        return { level: "mandatory", text: `${engine} ${version} is past end of standard support (${major.supportEnds}); only its Extended Support minors (-rds.) can be created${instead}`, rule, source: major.source };
    }
    return undefined;
}

/** A Lambda runtime AWS lists and has not deprecated by `today` (Security Hub Lambda.2's test). */
export function lambdaRuntimeSupported(runtime: string, today: Date): boolean {
    const row = LIFECYCLES.find((r) => r.family === "lambda" && r.version === runtime);
    return row?.supportEnds !== undefined && row.supportEnds > today.toISOString().slice(0, 10);
}
