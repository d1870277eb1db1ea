import type { ResourceRule } from "../types";
import { show } from "./read";

const MINIMUM_HOURS = 168;
// Kinesis keeps records for 24 hours when retentionPeriod is not given.
const DEFAULT_HOURS = 24;

const control: ResourceRule = {
    id: "Kinesis.3",
    title: "Kinesis streams should have an adequate data retention period",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:kinesis/stream:Stream"],
    remediation: "Set retentionPeriod to at least 168 hours on the aws.kinesis.Stream.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/kinesis-controls.html#kinesis-3",
    check: (stream) => {
        const hours = (stream.props.retentionPeriod as number | undefined) ?? DEFAULT_HOURS;
        return hours >= MINIMUM_HOURS
            ? []
            : [`retentionPeriod must be at least ${MINIMUM_HOURS} hours (is ${show(stream.props.retentionPeriod)})`];
    },
};

export default control;
