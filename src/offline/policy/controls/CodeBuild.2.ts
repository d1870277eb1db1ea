import type { ResourceRule } from "../types";
import { block, blocks } from "./read";

const CREDENTIAL_NAMES = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"];

const control: ResourceRule = {
    id: "CodeBuild.2",
    title: "CodeBuild project environment variables should not contain clear text credentials",
    kind: "security",
    scope: "resource",
    severity: "Critical",
    pci: ["PCI DSS v3.2.1/8.2.1", "PCI DSS v4.0.1/8.3.2"],
    resourceTypes: ["aws:codebuild/project:Project"],
    remediation:
        "Give AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in environment.environmentVariables type \"SECRETS_MANAGER\" or \"PARAMETER_STORE\" on the aws.codebuild.Project, or drop them for the service role.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-2",
    check: (project) =>
        blocks(block(project.props.environment)?.environmentVariables)
            .filter((v) => CREDENTIAL_NAMES.includes(String(v.name)) && (v.type ?? "PLAINTEXT") === "PLAINTEXT")
            .map((v) => `environment.environmentVariables ${String(v.name)} is in plain text`),
};

export default control;
