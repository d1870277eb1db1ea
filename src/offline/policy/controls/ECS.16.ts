import type { ResourceRule } from "../types";
import { block } from "./read";

const control: ResourceRule = {
    id: "ECS.16",
    title: "ECS task sets should not automatically assign public IP addresses",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: ["PCI DSS v4.0.1/1.4.4"],
    resourceTypes: ["aws:ecs/taskSet:TaskSet"],
    remediation:
        "Set networkConfiguration.assignPublicIp to false (or leave it unset) on the aws.ecs.TaskSet; with CodeDeploy blue/green keep the AppSpec AssignPublicIp \"DISABLED\" too.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-16",
    check: (taskSet) =>
        block(taskSet.props.networkConfiguration)?.assignPublicIp === true
            ? ["networkConfiguration.assignPublicIp is true; set it to false"]
            : [],
};

export default control;
