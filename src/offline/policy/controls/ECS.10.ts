import type { Finding, PolicyTarget, StackRule } from "../types";
import { ofType, referenced } from "../../model/plan";
import { block, blocks, show } from "./read";

const FARGATE = ["FARGATE", "FARGATE_SPOT"];
const LATEST = { linux: "1.4.0", windows: "1.0.0" };

function onFargate(service: PolicyTarget): boolean {
    return (
        service.props.launchType === "FARGATE" ||
        blocks(service.props.capacityProviderStrategies).some((s) => FARGATE.includes(String(s.capacityProvider)))
    );
}

/** Windows when the service's task definition says so; Linux otherwise, as ECS assumes. */
function family(service: PolicyTarget, resources: readonly PolicyTarget[]): "linux" | "windows" {
    const task = referenced(service.props.taskDefinition, resources, "aws:ecs/taskDefinition:TaskDefinition")[0];
    const os = String(block(task?.props.runtimePlatform)?.operatingSystemFamily ?? "LINUX");
    return os.startsWith("WINDOWS") ? "windows" : "linux";
}

const control: StackRule = {
    id: "ECS.10",
    title: "ECS Fargate services should run on the latest Fargate platform version",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/6.3.3"],
    resourceTypes: ["aws:ecs/service:Service", "aws:ecs/taskDefinition:TaskDefinition"],
    remediation:
        "Leave platformVersion unset or set it to \"LATEST\" (or \"1.4.0\" for Linux, \"1.0.0\" for Windows) on every Fargate aws.ecs.Service.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-10",
    check: (resources) =>
        ofType(resources, "aws:ecs/service:Service")
            .filter(onFargate)
            .flatMap((service): Finding[] => {
                const version = service.props.platformVersion;
                const latest = LATEST[family(service, resources)];
                if (version === undefined || version === "LATEST" || version === latest) return [];
                return [{ urn: service.urn, message: `platformVersion is ${show(version)}; use "LATEST" or "${latest}"` }];
            }),
};

export default control;
