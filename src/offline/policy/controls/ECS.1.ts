import type { ResourceRule } from "../types";
import { containerName, containers, show } from "./read";

const control: ResourceRule = {
    id: "ECS.1",
    title: "Amazon ECS task definitions should have secure networking modes and user definitions",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    remediation:
        "In an aws.ecs.TaskDefinition with networkMode \"host\", give every container in containerDefinitions a non-root user (or privileged true).",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-1",
    check: (task) => {
        if (task.props.networkMode !== "host") return [];
        return containers(task)
            .map((c, i) => ({ c, i }))
            .filter(({ c }) => c.privileged !== true && (c.user === undefined || c.user === "root"))
            .map(({ c, i }) => `containerDefinitions ${containerName(c, i)} runs as root (user ${show(c.user)}) in host network mode`);
    },
};

export default control;
