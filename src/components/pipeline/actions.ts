/**
 * The actions of a pipeline's stages as a typed list (build, manual approval, Lambda invoke, or
 * any other action with the permissions it needs), how each renders into CodePipeline's
 * configuration with the statements the pipeline's role needs for it, and the checks on stage
 * and artifact names that CodePipeline would otherwise report at create time.
 */
import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Statement } from "../iam";
import type { BuildProject } from "./build";

export type StageAction = aws.types.input.codepipeline.PipelineStageAction;

interface ActionBase {
    readonly name: string;
    /** Actions of a stage with the same runOrder run in parallel. @default 1 */
    readonly runOrder?: number;
}

/** Runs a BuildProject (category Build, or Test for test-only projects). */
export interface BuildAction extends ActionBase {
    /** Which action this is. */
    readonly kind: "build";
    /** The CodeBuild project the action runs; the pipeline's role may start it. */
    readonly project: BuildProject;
    /** Artifacts the build runs on; the first is its primary source. */
    readonly inputArtifacts: readonly string[];
    /** Artifacts the build produces for later stages. @default - none */
    readonly outputArtifacts?: readonly string[];
    /** @default "Build" */
    readonly category?: "Build" | "Test";
    /** Variables for this run, on top of the project's (plain text). @default - none */
    readonly variables?: Readonly<Record<string, pulumi.Input<string>>>;
    /** Namespace under which the build's exported variables are visible to later actions. @default - none */
    readonly namespace?: string;
}

/** Waits for a person to approve, announcing it on an SNS topic. */
export interface ApprovalAction extends ActionBase {
    /** Which action this is. */
    readonly kind: "approval";
    /** The SNS topic that announces the approval request. */
    readonly topicArn: pulumi.Input<string>;
    /** The topic's customer key: publishing to an encrypted topic needs it. @default - an unencrypted topic */
    readonly topicKmsKeyArn?: pulumi.Input<string>;
    /** What the approver is asked, in the request. */
    readonly message: string;
    /** A link the approver should look at (a change log, a test report). @default - none */
    readonly externalEntityLink?: pulumi.Input<string>;
    /** @default 1440 (a day; CodePipeline's maximum is 7 days) */
    readonly timeoutMinutes?: number;
}

/** Invokes a Lambda function, which must report back with PutJobSuccessResult/PutJobFailureResult. */
export interface LambdaInvokeAction extends ActionBase {
    /** Which action this is. */
    readonly kind: "lambdaInvoke";
    /** The function the action invokes. */
    readonly functionName: pulumi.Input<string>;
    /** Its ARN, which the pipeline's role may invoke. */
    readonly functionArn: pulumi.Input<string>;
    /** A string passed to the function as the job's UserParameters. @default - none */
    readonly userParameters?: pulumi.Input<string>;
    /** Artifacts passed to the function. @default - none */
    readonly inputArtifacts?: readonly string[];
    /** Artifacts the function writes. @default - none */
    readonly outputArtifacts?: readonly string[];
}

/** Any other action (e.g. CodeDeploy to ECS), with the statements the pipeline's role needs for it. */
export interface CustomAction {
    /** Which action this is. */
    readonly kind: "custom";
    /** The action as CodePipeline takes it. */
    readonly action: StageAction;
    /** What the pipeline's role needs to run the action. */
    readonly statements: readonly Statement[];
}

export type PipelineAction = BuildAction | ApprovalAction | LambdaInvokeAction | CustomAction;

export interface PipelineStageSpec {
    /** The stage's name. */
    readonly name: string;
    /** The stage's actions. */
    readonly actions: readonly PipelineAction[];
}

export interface Rendered {
    /** The action as CodePipeline takes it. */
    readonly action: StageAction;
    /** What the pipeline's role needs to run it. */
    readonly statements: readonly Statement[];
}

export function render(a: PipelineAction): Rendered {
    switch (a.kind) {
        case "build":
            return {
                action: {
                    name: a.name,
                    category: a.category ?? "Build",
                    owner: "AWS",
                    provider: "CodeBuild",
                    version: "1",
                    runOrder: a.runOrder ?? 1,
                    inputArtifacts: [...a.inputArtifacts],
                    outputArtifacts: [...(a.outputArtifacts ?? [])],
                    ...(a.namespace ? { namespace: a.namespace } : {}),
                    configuration: {
                        ProjectName: a.project.projectName,
                        ...(a.variables
                            ? {
                                  EnvironmentVariables: pulumi.jsonStringify(
                                      Object.entries(a.variables).map(([name, value]) => ({ name, value, type: "PLAINTEXT" })),
                                  ),
                              }
                            : {}),
                    },
                },
                statements: [{ Sid: sid("RunBuild", a.name), Action: ["codebuild:BatchGetBuilds", "codebuild:StartBuild"], Resource: a.project.arn }],
            };
        case "approval":
            return {
                action: {
                    name: a.name,
                    category: "Approval",
                    owner: "AWS",
                    provider: "Manual",
                    version: "1",
                    runOrder: a.runOrder ?? 1,
                    timeoutInMinutes: a.timeoutMinutes ?? 1440,
                    configuration: {
                        NotificationArn: a.topicArn,
                        CustomData: a.message,
                        ...(a.externalEntityLink !== undefined ? { ExternalEntityLink: a.externalEntityLink } : {}),
                    },
                },
                statements: [
                    { Sid: sid("NotifyApprovers", a.name), Action: "sns:Publish", Resource: a.topicArn },
                    ...(a.topicKmsKeyArn !== undefined ? [{ Sid: sid("NotifyApproversKey", a.name), Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: a.topicKmsKeyArn }] : []),
                ],
            };
        case "lambdaInvoke":
            return {
                action: {
                    name: a.name,
                    category: "Invoke",
                    owner: "AWS",
                    provider: "Lambda",
                    version: "1",
                    runOrder: a.runOrder ?? 1,
                    inputArtifacts: [...(a.inputArtifacts ?? [])],
                    outputArtifacts: [...(a.outputArtifacts ?? [])],
                    configuration: { FunctionName: a.functionName, ...(a.userParameters !== undefined ? { UserParameters: a.userParameters } : {}) },
                },
                statements: [
                    { Sid: sid("Invoke", a.name), Action: "lambda:InvokeFunction", Resource: a.functionArn },
                    // The Lambda invoke action lists functions before it invokes; ListFunctions takes no resource.
                    // https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html#action-reference-Lambda-permissions-action
                    { Sid: sid("ListFunctionsFor", a.name), Action: "lambda:ListFunctions", Resource: "*" },
                ],
            };
        case "custom":
            return { action: a.action, statements: a.statements };
    }
}

/** A statement id from an action name: IAM allows only letters and digits. */
function sid(prefix: string, actionName: string): string {
    return prefix + actionName.replace(/[^A-Za-z0-9]/g, "");
}

/** What is wrong with the stages, all at once: names, artifacts produced before they are used. */
export function stageProblems(sourceStage: string, sourceArtifact: string, stages: readonly PipelineStageSpec[]): string[] {
    const problems: string[] = [];
    if (stages.length === 0) problems.push("a pipeline needs at least one stage after the source (CodePipeline requires two)");
    const stageNames = new Set<string>([sourceStage]);
    const produced = new Set<string>([sourceArtifact]);
    const actionNames = new Set<string>(["Source"]);
    const namePattern = /^[A-Za-z0-9.@\-_]{1,100}$/;
    for (const stage of stages) {
        if (!namePattern.test(stage.name)) problems.push(`stage name "${stage.name}" must be 1-100 letters, digits and .@-_`);
        if (stageNames.has(stage.name)) problems.push(`stage ${stage.name} is declared twice`);
        stageNames.add(stage.name);
        if (stage.actions.length === 0) problems.push(`stage ${stage.name} has no action`);
        const outputsHere: string[] = [];
        for (const action of stage.actions) {
            const actionName = action.kind === "custom" ? String(action.action.name) : action.name;
            if (!namePattern.test(actionName)) problems.push(`action name "${actionName}" must be 1-100 letters, digits and .@-_`);
            if (actionNames.has(actionName)) problems.push(`action ${actionName} is declared twice`);
            actionNames.add(actionName);
            const { inputs, outputs } = artifactsOf(action);
            for (const input of inputs) {
                if (!produced.has(input)) problems.push(`action ${actionName} in stage ${stage.name} reads artifact "${input}", which no earlier stage produces`);
            }
            for (const output of outputs) {
                if (produced.has(output) || outputsHere.includes(output)) problems.push(`artifact "${output}" is produced twice`);
                outputsHere.push(output);
            }
        }
        outputsHere.forEach((o) => produced.add(o));
    }
    return problems;
}

function artifactsOf(action: PipelineAction): { inputs: readonly string[]; outputs: readonly string[] } {
    switch (action.kind) {
        case "build":
            return { inputs: action.inputArtifacts, outputs: action.outputArtifacts ?? [] };
        case "lambdaInvoke":
            return { inputs: action.inputArtifacts ?? [], outputs: action.outputArtifacts ?? [] };
        case "approval":
            return { inputs: [], outputs: [] };
        case "custom": {
            // Plain strings only: artifact names given as outputs cannot be checked before deployment.
            const plain = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
            return { inputs: plain(action.action.inputArtifacts), outputs: plain(action.action.outputArtifacts) };
        }
    }
}
