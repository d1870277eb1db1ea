/**
 * ECS blue/green through CodeDeploy: CodeDeploy refuses a deployment group whose service is not
 * under its control, and needs two target groups and a production listener to shift traffic.
 */
import type { Finding, StackRule } from "../types";
import { ofType, referenced } from "../../model/plan";
import { list, obj, one, str, strings } from "./read";

const DEPLOYMENT_GROUP = "aws:codedeploy/deploymentGroup:DeploymentGroup";
const SERVICE = "aws:ecs/service:Service";

export const ecsCodeDeploy: StackRule = {
    id: "DEPLOY.EcsCodeDeploy",
    title: "ECS services deployed by CodeDeploy are set up for blue/green",
    kind: "deployability",
    scope: "stack",
    severity: "High",
    pci: [],
    resourceTypes: [DEPLOYMENT_GROUP, SERVICE],
    remediation:
        'On the service set deploymentController: { type: "CODE_DEPLOY" } and a loadBalancers entry; on the deployment group ' +
        'set deploymentStyle { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" } and ' +
        "loadBalancerInfo.targetGroupPairInfo with two targetGroups and prodTrafficRoute.listenerArns.",
    source: "https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-groups-create-ecs.html",
    check(resources) {
        const findings: Finding[] = [];
        for (const group of ofType(resources, DEPLOYMENT_GROUP)) {
            const ecs = one(group.props["ecsService"]);
            if (ecs === undefined) continue;
            const at = (message: string) => findings.push({ urn: group.urn, message: `${group.name}: ${message}` });

            const style = one(group.props["deploymentStyle"]);
            if (str(style?.["deploymentType"]) !== "BLUE_GREEN" || str(style?.["deploymentOption"]) !== "WITH_TRAFFIC_CONTROL") {
                at('an ECS deployment group needs deploymentStyle BLUE_GREEN with WITH_TRAFFIC_CONTROL.');
            }
            const pair = one(one(group.props["loadBalancerInfo"])?.["targetGroupPairInfo"]);
            const targetGroups = list(pair?.["targetGroups"])
                .map((tg) => str(obj(tg)?.["name"]))
                .filter((name): name is string => name !== undefined && name !== "");
            if (targetGroups.length !== 2) {
                at(`loadBalancerInfo.targetGroupPairInfo names ${targetGroups.length} target groups; blue/green needs exactly 2.`);
            }
            const listeners = strings(one(pair?.["prodTrafficRoute"])?.["listenerArns"]).filter((arn) => arn !== "");
            if (listeners.length === 0) {
                at("loadBalancerInfo.targetGroupPairInfo has no prodTrafficRoute listener.");
            }

            const service = referenced(ecs["serviceName"], resources, SERVICE)[0];
            if (service === undefined) continue;
            const controller = str(one(service.props["deploymentController"])?.["type"]);
            if (controller !== "CODE_DEPLOY") {
                findings.push({
                    urn: service.urn,
                    message: `${service.name}: deployed by CodeDeploy group ${group.name}, but deploymentController.type is ${controller === undefined ? "unset (ECS)" : `"${controller}"`}; it must be "CODE_DEPLOY".`,
                });
            }
            if (list(service.props["loadBalancers"]).length === 0) {
                findings.push({
                    urn: service.urn,
                    message: `${service.name}: deployed by CodeDeploy group ${group.name}, but has no loadBalancers entry for CodeDeploy to shift.`,
                });
            }
        }
        return findings;
    },
};
