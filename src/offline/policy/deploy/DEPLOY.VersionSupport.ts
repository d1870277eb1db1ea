/**
 * Versions that still deploy but are past their end of standard support (no patches, or paid
 * RDS/ElastiCache Extended Support), or reach it within 90 days. Reported with the date, so the
 * upgrade is planned before AWS forces it.
 */
import { LIFECYCLES } from "../../../aws/lifecycles";
import type { ResourceRule } from "../types";
import { VERSIONED_TYPES, versionFindings, versionMessage } from "./versions";

export const versionSupport: ResourceRule = {
    id: "DEPLOY.VersionSupport",
    title: "Pinned versions are within standard support for 90 days more",
    kind: "deployability",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: VERSIONED_TYPES,
    remediation: "Plan the upgrade the message names before the date it gives.",
    source: [...new Set(LIFECYCLES.map((l) => l.source))].join(" "),
    check: (resource, ctx) => versionFindings(resource, ctx).filter((f) => f.level === "advisory").map((f) => versionMessage(resource, f)),
};
