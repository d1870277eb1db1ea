import type { ResourceRule } from "../types";
import { show } from "./read";

const control: ResourceRule = {
    id: "ECR.2",
    title: "ECR private repositories should have tag immutability configured",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ecr/repository:Repository"],
    remediation: "Set imageTagMutability to \"IMMUTABLE\" on the aws.ecr.Repository.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-2",
    check: (repo) =>
        repo.props.imageTagMutability === "IMMUTABLE"
            ? []
            : [`imageTagMutability must be "IMMUTABLE" (is ${show(repo.props.imageTagMutability)})`],
};

export default control;
