import type { StackRule } from "../types";
import { attachedTo, ofType } from "../../model/plan";

const control: StackRule = {
    id: "ECR.3",
    title: "ECR repositories should have at least one lifecycle policy configured",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ecr/repository:Repository", "aws:ecr/lifecyclePolicy:LifecyclePolicy"],
    remediation: "Declare an aws.ecr.LifecyclePolicy with repository set to each aws.ecr.Repository.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-3",
    check: (resources) => {
        return ofType(resources, "aws:ecr/repository:Repository")
            .filter((repo) => attachedTo(resources, "aws:ecr/lifecyclePolicy:LifecyclePolicy", repo, "repository").length === 0)
            .map((repo) => ({ urn: repo.urn, message: "no aws.ecr.LifecyclePolicy has repository set to this repository" }));
    },
};

export default control;
