import type { ResourceRule } from "../types";
import { block, blocks, show } from "./read";

const control: ResourceRule = {
    id: "ECS.18",
    title: "ECS Task Definitions should use in-transit encryption for EFS volumes",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ecs/taskDefinition:TaskDefinition"],
    remediation:
        "Set efsVolumeConfiguration.transitEncryption to \"ENABLED\" on every EFS volume in the aws.ecs.TaskDefinition volumes.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-18",
    check: (task) =>
        blocks(task.props.volumes).flatMap((volume, i) => {
            const efs = block(volume.efsVolumeConfiguration);
            if (efs === undefined || efs.transitEncryption === "ENABLED") return [];
            return [`volumes[${i}].efsVolumeConfiguration.transitEncryption must be "ENABLED" (is ${show(efs.transitEncryption)})`];
        }),
};

export default control;
