import type { ResourceRule } from "../types";
import { block } from "./read";

// Severity of retired Security Hub CodeBuild.5.
const control: ResourceRule = {
    id: "AwsSolutions-CB3",
    title: "The CodeBuild project has privileged mode enabled",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:codebuild/project:Project"],
    remediation:
        "Set environment.privilegedMode to false (or leave it unset) on the aws.codebuild.Project unless it builds Docker images, and record an exception where it does.",
    source: "https://github.com/cdklabs/cdk-nag/pull/1838",
    check: (project) =>
        block(project.props.environment)?.privilegedMode === true
            ? ["environment.privilegedMode is true; keep it only on projects that build Docker images"]
            : [],
};

export default control;
