import type { PolicyTarget, ResourceRule } from "../types";

/** The major version of a Redis engineVersion ("5.0.6", "6.x"); undefined when unset, which means the latest. */
function majorVersion(version: unknown): number | undefined {
    return typeof version === "string" && version !== "" ? Number.parseInt(version, 10) : undefined;
}

function hasToken(group: PolicyTarget): boolean {
    return [group.props.authToken, group.props.authTokenWo].some((t) => typeof t === "string" && t !== "");
}

const control: ResourceRule = {
    id: "ElastiCache.6",
    title: "ElastiCache (Redis OSS) replication groups of earlier versions should have Redis OSS AUTH enabled",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/8.3.1"],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation:
        "Set authToken (or authTokenWo) on an aws.elasticache.ReplicationGroup running Redis below 6.0, or upgrade engineVersion to 6.0 or later and use RBAC.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-6",
    check: (group) => {
        const engine = group.props.engine ?? "redis";
        const major = majorVersion(group.props.engineVersion);
        if (engine !== "redis" || major === undefined || major >= 6 || hasToken(group)) return [];
        return [`authToken must be set on Redis ${String(group.props.engineVersion)}, which has no RBAC`];
    },
};

export default control;
