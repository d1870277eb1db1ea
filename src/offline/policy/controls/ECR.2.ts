import type { ResourceControl } from "../types";
import { DEV_ADVISORY, show } from "./util";

const control: ResourceControl = {
    id: "ECR.2",
    title: "ECR private repositories should have tag immutability configured",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ecr/repository:Repository"],
    remediation: "Set imageTagMutability to \"IMMUTABLE\" on the aws.ecr.Repository.",
    levels: DEV_ADVISORY,
    levelReason: "dev keeps mutable tags, as the designs ask, so a tag such as latest can be pushed again; prod must be immutable.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-2",
    check: (repo) =>
        repo.props.imageTagMutability === "IMMUTABLE"
            ? []
            : [`imageTagMutability must be "IMMUTABLE" (is ${show(repo.props.imageTagMutability)})`],
};

export default control;
