import type { ResourceRule } from "../types";
import { blocks, containerName, containers } from "./read";

// No Security Hub equivalent; cdk-nag reports this rule as an error, which this pack rates Medium.
const control: ResourceRule = {
    id: "AwsSolutions-ECS2",
    title: "The ECS Task Definition includes a container definition that directly specifies environment variables",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    remediation:
        "Move the values of environment into secrets[] (valueFrom a Secrets Manager secret or SSM parameter) in the aws.ecs.TaskDefinition containerDefinitions.",
    source: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
    check: (task) =>
        containers(task)
            .map((c, i) => ({ c, i }))
            .filter(({ c }) => blocks(c.environment).length > 0)
            .map(({ c, i }) => {
                const names = blocks(c.environment).map((v) => String(v.name));
                return `containerDefinitions ${containerName(c, i)} sets environment (${names.join(", ")})`;
            }),
};

export default control;
