/** The payment-pipeline stacks as its tests plan them, and what those tests read from them. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { StackPlan } from "../../src/offline/model/types";
import { docStatements, input, ofType, one, plan, projectDir, withAwsName } from "../helpers";

export const PROJECT = "payment-pipeline";
export const TARGET = {
    clusterName: "payments",
    serviceName: "payment-api",
    taskDefinitionFamily: "payment-api",
    containerName: "api",
    containerPort: 8443,
    blueTargetGroupArn: "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/payment-api-blue/0123456789abcdef",
    greenTargetGroupArn: "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/payment-api-green/fedcba9876543210",
    productionListenerArn: "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/payments-alb/0123456789abcdef/fedcba9876543210",
    taskExecutionRoleArn: "arn:aws:iam::123456789012:role/payment-api-execution",
    taskRoleArn: "arn:aws:iam::123456789012:role/payment-api-task",
};
/** Exceptions for resources only the created target has: an existing target's stack file drops them (see Pulumi.dev.yaml). */
const CREATED_TARGET_ONLY = new Set(["service-execution-pull-and-log", "network-flow-logs-write-logs", "alb", "alb-production", "ELB.21", "ELB.22"]);

/** The stack file's exceptions without those for the created target, and the target from config. */
export function existingTarget(stack: string): Record<string, string> {
    const file = parse(fs.readFileSync(path.join(projectDir(PROJECT), `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
    const exceptions = (file.config[`${PROJECT}:policyExceptions`] as { policy: string; resource?: string }[]).filter(
        (e) => !CREATED_TARGET_ONLY.has(e.resource ?? e.policy),
    );
    return {
        [`${PROJECT}:ecsTarget`]: JSON.stringify(TARGET),
        [`${PROJECT}:policyExceptions`]: JSON.stringify(exceptions),
        [`${PROJECT}:certificateArn`]: "",
    };
}

/** Both stacks with the target they create, and with an existing one from config. */
export async function planPayment(): Promise<{ dev: StackPlan; prod: StackPlan; devExisting: StackPlan; prodExisting: StackPlan; all: StackPlan[] }> {
    const [dev, prod, devExisting, prodExisting] = await Promise.all([
        plan(PROJECT, "dev"),
        plan(PROJECT, "prod"),
        plan(PROJECT, "dev", { configOverrides: existingTarget("dev") }),
        plan(PROJECT, "prod", { configOverrides: existingTarget("prod") }),
    ]);
    return { dev, prod, devExisting, prodExisting, all: [dev, prod, devExisting, prodExisting] };
}

export const env = (p: StackPlan) => p.stack;
export const policiesOfRole = (p: StackPlan, roleName: string) => ofType(p, "aws:iam/policy:Policy").filter((r) => String(r.inputs.name).startsWith(`${roleName}-`));
export const statementsOfRole = (p: StackPlan, roleName: string) => policiesOfRole(p, roleName).flatMap((r) => docStatements(r));
export type Stage = { name: string; actions: { name: string; category: string; provider: string; configuration: Record<string, string>; namespace?: string; inputArtifacts?: string[]; outputArtifacts?: string[] }[] };
export const stagesOf = (p: StackPlan) => input<Stage[]>(one(p, "aws:codepipeline/pipeline:Pipeline"), "stages");
export const buildspecOf = (p: StackPlan, project: string) => String((withAwsName(p, "aws:codebuild/project:Project", project).inputs.source as { buildspec: string }).buildspec);
export const variablesOf = (p: StackPlan, project: string) =>
    Object.fromEntries(
        ((withAwsName(p, "aws:codebuild/project:Project", project).inputs.environment as { environmentVariables: { name: string; type: string; value: string }[] }).environmentVariables).map((v) => [v.name, v]),
    );
