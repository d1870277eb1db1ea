import type { ResourceControl } from "../types";
import { blocks, DEV_ADVISORY } from "./util";

const ON = ["enabled", "enhanced"];

const control: ResourceControl = {
    id: "ECS.12",
    title: "ECS clusters should use Container Insights",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ecs/cluster:Cluster"],
    remediation:
        "Add {name: \"containerInsights\", value: \"enabled\"} (or \"enhanced\") to settings on the aws.ecs.Cluster.",
    levels: DEV_ADVISORY,
    levelReason: "Container Insights metrics are billed as CloudWatch custom metrics; dev reports it without blocking.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-12",
    check: (cluster) =>
        blocks(cluster.props.settings).some((s) => s.name === "containerInsights" && ON.includes(String(s.value)))
            ? []
            : ['settings must contain containerInsights "enabled" or "enhanced"'],
};

export default control;
