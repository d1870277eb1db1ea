import type { ResourceRule } from "../types";
import { blocks, containerName, containers } from "./read";

const SECRET_KEYS = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"];

const control: ResourceRule = {
    id: "ECS.8",
    title: "Secrets should not be passed as container environment variables",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: ["PCI DSS v4.0.1/8.6.2"],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    remediation:
        "Pass AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and ECS_ENGINE_AUTH_DATA through containerDefinitions secrets[].valueFrom (or the task role) instead of environment in the aws.ecs.TaskDefinition.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-8",
    check: (task) =>
        containers(task).flatMap((c, i) =>
            blocks(c.environment)
                .filter((variable) => SECRET_KEYS.includes(String(variable.name)))
                .map((variable) => `containerDefinitions ${containerName(c, i)} sets ${String(variable.name)} in environment`),
        ),
};

export default control;
