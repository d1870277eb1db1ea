import type { ResourceRule } from "../types";
import { block } from "./read";

const control: ResourceRule = {
    id: "CodeBuild.3",
    title: "CodeBuild S3 logs should be encrypted",
    kind: "security",
    scope: "resource",
    severity: "Low",
    pci: ["PCI DSS v4.0.1/10.3.2"],
    resourceTypes: ["aws:codebuild/project:Project"],
    remediation: "Set logsConfig.s3Logs.encryptionDisabled to false (or leave it unset) on the aws.codebuild.Project.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-3",
    check: (project) => {
        const s3Logs = block(block(project.props.logsConfig)?.s3Logs);
        return s3Logs?.status === "ENABLED" && s3Logs.encryptionDisabled === true
            ? ["logsConfig.s3Logs.encryptionDisabled is true; S3 build logs must be encrypted"]
            : [];
    },
};

export default control;
