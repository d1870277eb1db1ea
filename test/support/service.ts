/** The service-pipeline stacks as its tests plan them, and what those tests read from them. */
import type { StackPlan } from "../../src/offline/model/types";
import type { Statement } from "../../src/offline/policy/documents";
import { docStatements, input, ofType, one, plan } from "../helpers";

export const OTHER_ACCOUNT = "210987654321";

/** dev, prod, and dev with a CodeCommit source and a deployment role trusted by another account. */
export async function planService(): Promise<{ dev: StackPlan; prod: StackPlan; codecommit: StackPlan }> {
    const [dev, prod, codecommit] = await Promise.all([
        plan("service-pipeline", "dev"),
        plan("service-pipeline", "prod"),
        plan("service-pipeline", "dev", { configOverrides: { "service-pipeline:sourceProvider": "codecommit", "service-pipeline:trustedAccountId": OTHER_ACCOUNT } }),
    ]);
    return { dev, prod, codecommit };
}

export const policiesOf = (p: StackPlan, prefix: string): Statement[] =>
    ofType(p, "aws:iam/policy:Policy")
        .filter((r) => String(r.inputs.name).startsWith(prefix))
        .flatMap((r) => docStatements(r));
export const stages = (p: StackPlan) => input<{ name: string; actions: Record<string, unknown>[] }[]>(one(p, "aws:codepipeline/pipeline:Pipeline"), "stages");
export const action = (p: StackPlan, stage: string) => stages(p).find((s) => s.name === stage)!.actions[0]!;
export const configuration = (a: Record<string, unknown>) => a.configuration as Record<string, string>;
export const project = (p: StackPlan, name: string) => one(p, "aws:codebuild/project:Project", name);
export const FUNCTION = "aws:lambda/function:Function";
export const RULE = "aws:cloudwatch/eventRule:EventRule";
export const TARGET = "aws:cloudwatch/eventTarget:EventTarget";
export const appArn = (stack: string) => `arn:aws:lambda:us-east-1:123456789012:function:service-pipeline-app-${stack}`;
