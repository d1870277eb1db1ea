import type { ResourceRule } from "../types";
import { blocks } from "./read";

const ON = ["enabled", "enhanced"];

const control: ResourceRule = {
    id: "ECS.12",
    title: "ECS clusters should use Container Insights",
    kind: "security",
    scope: "resource",
    severity: "Medium",
    pci: [],
    resourceTypes: ["aws:ecs/cluster:Cluster"],
    remediation:
        "Add {name: \"containerInsights\", value: \"enabled\"} (or \"enhanced\") to settings on the aws.ecs.Cluster.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-12",
    check: (cluster) =>
        blocks(cluster.props.settings).some((s) => s.name === "containerInsights" && ON.includes(String(s.value)))
            ? []
            : ['settings must contain containerInsights "enabled" or "enhanced"'],
};

export default control;
