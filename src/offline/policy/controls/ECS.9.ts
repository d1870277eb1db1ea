import type { ResourceRule } from "../types";
import { block, containerName, containers } from "./read";

const control: ResourceRule = {
    id: "ECS.9",
    title: "ECS task definitions should have a logging configuration",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    remediation:
        "Set logConfiguration.logDriver (e.g. \"awslogs\") on every container in the aws.ecs.TaskDefinition containerDefinitions.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-9",
    check: (task) =>
        containers(task)
            .map((c, i) => ({ c, i }))
            .filter(({ c }) => typeof block(c.logConfiguration)?.logDriver !== "string")
            .map(({ c, i }) => `containerDefinitions ${containerName(c, i)} has no logConfiguration.logDriver`),
};

export default control;
