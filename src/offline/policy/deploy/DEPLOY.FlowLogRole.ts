/**
 * VPC flow logs to CloudWatch Logs are delivered by a role the flow-logs service assumes; a role
 * it may not assume makes the flow log fail to create.
 */
import { grants, principals, statements } from "../documents";
import type { Finding, PolicyTarget, StackRule } from "../types";
import { ofType, planOf } from "../../model/plan";
import { str } from "./read";

const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const ROLE = "aws:iam/role:Role";
const FLOW_LOGS = "vpc-flow-logs.amazonaws.com";

function trusts(role: PolicyTarget, service: string): boolean {
    return statements(role.props["assumeRolePolicy"]).some(
        (s) => s.Effect === "Allow" && principals(s).includes(service) && grants(s, "sts:AssumeRole"),
    );
}

export const flowLogRole: StackRule = {
    id: "DEPLOY.FlowLogRole",
    title: "VPC flow logs to CloudWatch Logs use a role trusted by vpc-flow-logs.amazonaws.com",
    kind: "deployability",
    scope: "stack",
    severity: "High",
    pci: [],
    resourceTypes: [FLOW_LOG, ROLE],
    remediation:
        "Give the flow log an iamRoleArn whose assumeRolePolicy allows Service vpc-flow-logs.amazonaws.com sts:AssumeRole.",
    source: "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html",
    check(resources) {
        const findings: Finding[] = [];
        for (const flowLog of ofType(resources, FLOW_LOG)) {
            // cloud-watch-logs is the default destination type.
            if ((str(flowLog.props["logDestinationType"]) ?? "cloud-watch-logs") !== "cloud-watch-logs") continue;
            const roleArn = str(flowLog.props["iamRoleArn"]);
            if (roleArn === undefined || roleArn === "") {
                findings.push({ urn: flowLog.urn, message: `${flowLog.name}: delivers to CloudWatch Logs but has no iamRoleArn.` });
                continue;
            }
            const role = planOf(resources).resolveInput(flowLog, "iamRoleArn", ROLE)[0];
            if (role !== undefined && !trusts(role, FLOW_LOGS)) {
                findings.push({
                    urn: role.urn,
                    message: `${role.name}: used by flow log ${flowLog.name}, but its assumeRolePolicy does not trust ${FLOW_LOGS}.`,
                });
            }
        }
        return findings;
    },
};
