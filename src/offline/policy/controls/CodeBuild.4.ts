import type { ResourceRule } from "../types";
import { block } from "./read";

const control: ResourceRule = {
    id: "CodeBuild.4",
    title: "CodeBuild project environments should have a logging AWS Configuration",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:codebuild/project:Project"],
    remediation:
        "Keep logsConfig.cloudwatchLogs.status \"ENABLED\" (the default) or set logsConfig.s3Logs.status to \"ENABLED\" on the aws.codebuild.Project.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-4",
    check: (project) => {
        const logs = block(project.props.logsConfig);
        // CloudWatch Logs is on unless disabled; S3 logs are off unless enabled.
        const cloudwatch = block(logs?.cloudwatchLogs)?.status !== "DISABLED";
        const s3 = block(logs?.s3Logs)?.status === "ENABLED";
        return cloudwatch || s3 ? [] : ['logsConfig disables cloudwatchLogs and leaves s3Logs off; set one status to "ENABLED"'];
    },
};

export default control;
