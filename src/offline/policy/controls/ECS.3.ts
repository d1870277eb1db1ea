import type { ResourceRule } from "../types";

const control: ResourceRule = {
    id: "ECS.3",
    title: "ECS task definitions should not share the host's process namespace",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    remediation: "Leave pidMode unset (or \"task\") on the aws.ecs.TaskDefinition instead of \"host\".",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3",
    check: (task) => (task.props.pidMode === "host" ? ['pidMode is "host"; tasks must not share the host\'s process namespace'] : []),
};

export default control;
