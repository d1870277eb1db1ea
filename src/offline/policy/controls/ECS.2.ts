import type { ResourceRule } from "../types";
import { block } from "./read";

const control: ResourceRule = {
    id: "ECS.2",
    title: "ECS services should not have public IP addresses assigned to them automatically",
    kind: "security",
    scope: "resource",
    severity: "High",
    pci: ["PCI DSS v4.0.1/1.4.4"],
    resourceTypes: ["aws:ecs/service:Service"],
    remediation:
        "Set networkConfiguration.assignPublicIp to false (or leave it unset) on the aws.ecs.Service and run its tasks in private subnets.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2",
    check: (service) =>
        block(service.props.networkConfiguration)?.assignPublicIp === true
            ? ["networkConfiguration.assignPublicIp is true; set it to false"]
            : [],
};

export default control;
