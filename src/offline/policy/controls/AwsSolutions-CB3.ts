import type { ResourceControl } from "../types";
import { ADVISORY, block } from "./util";

// Severity of retired Security Hub CodeBuild.5.
const control: ResourceControl = {
    id: "AwsSolutions-CB3",
    title: "The CodeBuild project has privileged mode enabled",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:codebuild/project:Project"],
    remediation:
        "Set environment.privilegedMode to false (or leave it unset) on the aws.codebuild.Project unless it builds Docker images, and record an exception where it does.",
    levels: ADVISORY,
    levelReason:
        "Projects that build Docker images need privileged mode; cdk-nag retired the rule with Security Hub CodeBuild.5, so it only prompts a review.",
    source: "https://github.com/cdklabs/cdk-nag/pull/1838",
    check: (project) =>
        block(project.props.environment)?.privilegedMode === true
            ? ["environment.privilegedMode is true; keep it only on projects that build Docker images"]
            : [],
};

export default control;
