import type { ResourceRule } from "../types";
import { block, containerName, containers } from "./read";

const control: ResourceRule = {
    id: "ECS.5",
    title: "ECS task definitions should configure containers to be limited to read-only access to root filesystems",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    remediation:
        "Set readonlyRootFilesystem to true on every container in the aws.ecs.TaskDefinition containerDefinitions.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-5",
    check: (task) => {
        const family = String(block(task.props.runtimePlatform)?.operatingSystemFamily ?? "LINUX");
        if (family.startsWith("WINDOWS_SERVER")) return [];
        return containers(task)
            .map((c, i) => ({ c, i }))
            .filter(({ c }) => c.readonlyRootFilesystem !== true)
            .map(({ c, i }) => `containerDefinitions ${containerName(c, i)} needs readonlyRootFilesystem true`);
    },
};

export default control;
