/**
 * RDS engine versions that can no longer be created. A pinned minor version ages out on AWS's
 * calendar while the program stays the same, so the fix is to pin the major version only and let
 * AWS pick (and upgrade) the minor.
 */
import type { ResourceControl } from "../types";
import { DEPLOY_FAILURE } from "./levels";
import { str } from "./read";

export interface RetiredMinors {
    readonly engine: string;
    readonly major: number;
    /** Inclusive range of minor versions the row covers. */
    readonly minors: readonly [number, number];
    readonly status: string;
}

/**
 * PostgreSQL 15 minors as of 2026-11: none can be created any more, or all are past end of
 * standard support. Source: aws/aws-cdk PR #33663 (AWS notice) and the RDS for PostgreSQL
 * release calendar, https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html.
 */
export const RETIRED_MINORS: readonly RetiredMinors[] = [
    { engine: "postgres", major: 15, minors: [0, 3], status: "retired before 15.4" },
    { engine: "postgres", major: 15, minors: [4, 4], status: "new instances blocked since 2024-12-09" },
    { engine: "postgres", major: 15, minors: [5, 8], status: "retired (older than 15.9)" },
    { engine: "postgres", major: 15, minors: [9, 12], status: "end of standard support 2026-05-31" },
    { engine: "postgres", major: 15, minors: [13, 14], status: "end of standard support 2026-10-31" },
];

/** Majors whose every explicit minor is flagged: later minors age out on the same calendar. */
const PIN_MAJOR_ONLY = new Set(["postgres:15"]);

const RDS_TYPES = ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"];

/** Why `engineVersion` of `engine` cannot be relied on; undefined when it can. */
export function retiredVersionProblem(engine: string, engineVersion: string): string | undefined {
    const m = /^(\d+)\.(\d+)$/.exec(engineVersion.trim());
    if (m === null) return undefined;
    const major = Number(m[1]);
    const minor = Number(m[2]);
    const row = RETIRED_MINORS.find((r) => r.engine === engine && r.major === major && minor >= r.minors[0] && minor <= r.minors[1]);
    if (row !== undefined) return row.status;
    return PIN_MAJOR_ONLY.has(`${engine}:${major}`) ? "an explicit minor version is retired on AWS's calendar, not the program's" : undefined;
}

export const rdsEngineVersion: ResourceControl = {
    id: "DEPLOY.RdsEngineVersion",
    title: "RDS engine versions can still be created",
    kind: "deployability",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: RDS_TYPES,
    remediation:
        'Set engineVersion to the major version only ("15") with autoMinorVersionUpgrade: true; ' +
        "the version AWS chose is in the engineVersionActual output.",
    levels: DEPLOY_FAILURE,
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html",
    check(resource) {
        const engine = str(resource.props["engine"]) ?? "";
        const version = str(resource.props["engineVersion"]);
        if (version === undefined) return [];
        const problem = retiredVersionProblem(engine, version);
        if (problem === undefined) return [];
        const major = version.split(".")[0] ?? version;
        return [`${resource.name}: ${engine} engineVersion "${version}" is pinned to a minor version (${problem}); use "${major}" with autoMinorVersionUpgrade: true.`];
    },
};
