import type { ResourceRule } from "../types";
import { show } from "./read";

const control: ResourceRule = {
    id: "Kinesis.1",
    title: "Kinesis streams should be encrypted at rest",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:kinesis/stream:Stream"],
    remediation:
        "Set encryptionType to \"KMS\" and kmsKeyId to \"alias/aws/kinesis\" or a customer managed key on the aws.kinesis.Stream.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/kinesis-controls.html#kinesis-1",
    check: (stream) => {
        if (stream.props.encryptionType !== "KMS") {
            return [`encryptionType must be "KMS" with kmsKeyId set (is ${show(stream.props.encryptionType)})`];
        }
        return typeof stream.props.kmsKeyId === "string" && stream.props.kmsKeyId !== "" ? [] : ["kmsKeyId must be set"];
    },
};

export default control;
