import type { ResourceRule } from "../types";
import { containerName, containers } from "./read";

const control: ResourceRule = {
    id: "ECS.4",
    title: "ECS containers should run as non-privileged",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    remediation: "Remove privileged: true from every container in the aws.ecs.TaskDefinition containerDefinitions.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4",
    check: (task) =>
        containers(task)
            .map((c, i) => ({ c, i }))
            .filter(({ c }) => c.privileged === true)
            .map(({ c, i }) => `containerDefinitions ${containerName(c, i)} has privileged true`),
};

export default control;
