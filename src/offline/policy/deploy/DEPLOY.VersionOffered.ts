/**
 * Versions AWS no longer offers for new resources: a Lambda runtime past its create block, a
 * retired RDS minor (or one of a major past end of standard support; a MariaDB major past its end,
 * since MariaDB has no Extended Support), an ElastiCache engine version AWS no longer lists,
 * CodeBuild image, buildspec runtime or Fargate platform version AWS has withdrawn. `pulumi up`
 * fails on them; the dates are in src/aws/lifecycles.ts and are judged on the plan's day.
 */
import { LIFECYCLES } from "../../../aws/lifecycles";
import type { ResourceRule } from "../types";
import { VERSIONED_TYPES, versionFindings, versionMessage } from "./versions";

export const versionOffered: ResourceRule = {
    id: "DEPLOY.VersionOffered",
    title: "Pinned versions are still offered for new resources",
    kind: "deployability",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: VERSIONED_TYPES,
    remediation:
        'Move to the version the message names: a supported Lambda runtime (runtime: "nodejs22.x"), an RDS major only ' +
        '(engineVersion: "17" with autoMinorVersionUpgrade: true; MariaDB "11.4"), an ElastiCache version AWS lists ' +
        '(Valkey "8.2", Memcached "1.6.22"), a current CodeBuild image or buildspec runtime.',
    source: [...new Set(LIFECYCLES.map((l) => l.source))].join(" "),
    check: (resource, ctx) => versionFindings(resource, ctx).filter((f) => f.level === "mandatory").map((f) => versionMessage(resource, f)),
};
