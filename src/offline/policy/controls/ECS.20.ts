import type { ResourceRule } from "../types";
import { block, containerName, containers, show } from "./read";

function isRoot(user: unknown): boolean {
    if (typeof user !== "string" || user === "") return true;
    const name = user.split(":")[0];
    return name === "root" || name === "0";
}

const control: ResourceRule = {
    id: "ECS.20",
    title: "ECS Task Definitions should configure non-root users in Linux container definitions",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    remediation:
        "Set user to a non-root user (e.g. \"1000:1000\") on every container in the Linux aws.ecs.TaskDefinition containerDefinitions.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-20",
    check: (task) => {
        const family = block(task.props.runtimePlatform)?.operatingSystemFamily ?? "LINUX";
        if (family !== "LINUX") return [];
        return containers(task)
            .map((c, i) => ({ c, i }))
            .filter(({ c }) => isRoot(c.user))
            .map(({ c, i }) => `containerDefinitions ${containerName(c, i)} must set user to a non-root user (is ${show(c.user)})`);
    },
};

export default control;
