import type { ResourceRule } from "../types";
import { show } from "./read";

const MINIMUM_DAYS = 1;

const control: ResourceRule = {
    id: "ElastiCache.1",
    title: "ElastiCache (Redis OSS) clusters should have automatic backups enabled",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation: "Set snapshotRetentionLimit to at least 1 day on the aws.elasticache.ReplicationGroup.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-1",
    check: (group) => {
        const days = (group.props.snapshotRetentionLimit as number | undefined) ?? 0;
        return days >= MINIMUM_DAYS
            ? []
            : [`snapshotRetentionLimit must be at least ${MINIMUM_DAYS} (is ${show(group.props.snapshotRetentionLimit)})`];
    },
};

export default control;
