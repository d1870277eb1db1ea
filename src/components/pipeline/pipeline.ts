/**
 * A CodePipeline V2 pipeline: artifacts in a SecureBucket under the customer key, a role scoped
 * to that bucket, the key, the source, and exactly what each action touches; stages as a typed
 * list (build, manual approval, Lambda invoke, or any other action with the permissions it
 * needs); optional V2 triggers; an EventBridge rule that starts it on pushes to a CodeCommit
 * source; and an encrypted log group that receives every execution, stage and action event.
 *
 * V2 because `@pulumi/aws` defaults to V1 ($1 per active pipeline-month, no triggers), while V2
 * bills per action-minute with manual approval minutes free.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../common";
import { TOKEN } from "../common";
import { ServiceRole, type Statement } from "../iam";
import { logGroup } from "../logs";
import { KEY_USE_ACTIONS, type BuildProject } from "./build";
import type { PipelineSource } from "./source";

type StageAction = aws.types.input.codepipeline.PipelineStageAction;

interface ActionBase {
    readonly name: string;
    /** Actions of a stage with the same runOrder run in parallel. @default 1 */
    readonly runOrder?: number;
}

/** Runs a BuildProject (category Build, or Test for test-only projects). */
export interface BuildAction extends ActionBase {
    readonly kind: "build";
    readonly project: BuildProject;
    readonly inputArtifacts: readonly string[];
    readonly outputArtifacts?: readonly string[];
    /** @default "Build" */
    readonly category?: "Build" | "Test";
    /** Variables for this run, on top of the project's (plain text). */
    readonly variables?: Readonly<Record<string, pulumi.Input<string>>>;
    /** Namespace under which the build's exported variables are visible to later actions. */
    readonly namespace?: string;
}

/** Waits for a person to approve, announcing it on an SNS topic. */
export interface ApprovalAction extends ActionBase {
    readonly kind: "approval";
    readonly topicArn: pulumi.Input<string>;
    /** The topic's customer key: publishing to an encrypted topic needs it. */
    readonly topicKmsKeyArn?: pulumi.Input<string>;
    readonly message: string;
    /** A link the approver should look at (a change log, a test report). */
    readonly externalEntityLink?: pulumi.Input<string>;
    /** @default 1440 (a day; CodePipeline's maximum is 7 days) */
    readonly timeoutMinutes?: number;
}

/** Invokes a Lambda function, which must report back with PutJobSuccessResult/PutJobFailureResult. */
export interface LambdaInvokeAction extends ActionBase {
    readonly kind: "lambdaInvoke";
    readonly functionName: pulumi.Input<string>;
    readonly functionArn: pulumi.Input<string>;
    readonly userParameters?: pulumi.Input<string>;
    readonly inputArtifacts?: readonly string[];
    readonly outputArtifacts?: readonly string[];
}

/** Any other action (e.g. CodeDeploy to ECS), with the statements the pipeline's role needs for it. */
export interface CustomAction {
    readonly kind: "custom";
    readonly action: StageAction;
    readonly statements: readonly Statement[];
}

export type PipelineAction = BuildAction | ApprovalAction | LambdaInvokeAction | CustomAction;

export interface PipelineStageSpec {
    readonly name: string;
    readonly actions: readonly PipelineAction[];
}

/** The artifact bucket as the pipeline needs it (a SecureBucket). */
export interface ArtifactStore {
    readonly name: pulumi.Input<string>;
    readonly arn: pulumi.Input<string>;
}

export interface PipelineArgs extends BaseArgs {
    /** Resource key: the pipeline, its role and its event rules are named from it. */
    readonly pipelineName: string;
    readonly source: PipelineSource;
    /** @default "Source" */
    readonly sourceStageName?: string;
    /** @default "source" */
    readonly sourceArtifact?: string;
    /** The stages after the source stage, in order. */
    readonly stages: readonly PipelineStageSpec[];
    readonly artifactBucket: ArtifactStore;
    readonly kmsKeyArn: pulumi.Input<string>;
    /**
     * V2 triggers, e.g. pushes to `main` only, or pull requests. A connection source with a
     * trigger stops detecting changes by itself.
     * @default - none: a connection source detects changes on its branch, a CodeCommit source is started by an EventBridge rule
     */
    readonly triggers?: readonly aws.types.input.codepipeline.PipelineTrigger[];
    /** @default "QUEUED" (V2): every change is built, in order, rather than superseded */
    readonly executionMode?: "QUEUED" | "SUPERSEDED" | "PARALLEL";
    /** Retention of the execution-event log group. */
    readonly logRetentionDays: number;
    /**
     * Execution state changes announced on an SNS topic through one EventBridge rule, with a
     * message naming the pipeline, the state and the execution id. The topic's policy (and its
     * key's, if encrypted) must let events.amazonaws.com publish.
     * @default - none
     */
    readonly executionNotifications?: { readonly topicArn: pulumi.Input<string>; readonly states: readonly ExecutionState[] };
    /**
     * The role's full name, when the design fixes one (e.g. `codepipeline-role-<env>`).
     * @default - `<system>-<pipelineName>-<suffix>`
     */
    readonly roleName?: string;
    /**
     * Namespace of the source action's variables, so later actions can read them, e.g.
     * `#{SourceVariables.CommitId}` in a build's variables.
     * @default - none
     */
    readonly sourceNamespace?: string;
}

/** States of a pipeline execution, as the "CodePipeline Pipeline Execution State Change" event names them. */
export type ExecutionState = "CANCELED" | "FAILED" | "RESUMED" | "STARTED" | "STOPPED" | "STOPPING" | "SUCCEEDED" | "SUPERSEDED";

/** Event types a pipeline emits on its default event bus. */
export const PIPELINE_EVENT_TYPES = [
    "CodePipeline Pipeline Execution State Change",
    "CodePipeline Stage Execution State Change",
    "CodePipeline Action Execution State Change",
] as const;

export class Pipeline extends pulumi.ComponentResource {
    readonly pipeline: aws.codepipeline.Pipeline;
    readonly role: ServiceRole;
    readonly eventsLogGroup: aws.cloudwatch.LogGroup;
    readonly eventsRule: aws.cloudwatch.EventRule;
    /** The rule that starts the pipeline on a push to the CodeCommit branch (CodeCommit sources only). */
    readonly sourceRule?: aws.cloudwatch.EventRule;
    /** The rule that announces `executionNotifications.states` on its topic. */
    readonly executionRule?: aws.cloudwatch.EventRule;
    readonly arn: pulumi.Output<string>;
    /** The checked pipeline name, known before deployment. */
    readonly pipelineName: string;

    constructor(name: string, args: PipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:codepipeline:Pipeline`, name, {}, opts);
        const sourceStage = args.sourceStageName ?? "Source";
        const sourceArtifact = args.sourceArtifact ?? "source";
        const problems = stageProblems(sourceStage, sourceArtifact, args.stages);
        if ((args.triggers ?? []).length > 0 && args.source.spec.provider !== "CodeStarConnection") {
            problems.push("V2 triggers work only with a CodeStar connection source; a CodeCommit source is started by its EventBridge rule");
        }
        const states = args.executionNotifications?.states;
        if (states !== undefined && (states.length === 0 || new Set(states).size !== states.length)) {
            problems.push("executionNotifications.states must name each state at most once, and at least one");
        }
        if (args.sourceNamespace !== undefined && !/^[A-Za-z0-9@_-]{1,100}$/.test(args.sourceNamespace)) {
            problems.push(`sourceNamespace "${args.sourceNamespace}" must be 1-100 letters, digits and @_-`);
        }
        if (problems.length > 0) throw new Error(`Pipeline ${name}: ${problems.join("; ")}`);
        const child = { parent: this };
        this.pipelineName = args.namer.name(args.pipelineName, "codePipeline");
        const partition = aws.getPartitionOutput({}, child).partition;
        const region = aws.getRegionOutput({}, child).region;
        const account = aws.getCallerIdentityOutput({}, child).accountId;
        const pipelineArn = pulumi.interpolate`arn:${partition}:codepipeline:${region}:${account}:${this.pipelineName}`;

        const hasTriggers = (args.triggers ?? []).length > 0;
        const source = args.source.sourceAction("Source", sourceArtifact, !hasTriggers);
        const sourceAction = args.sourceNamespace !== undefined ? { ...source.action, namespace: args.sourceNamespace } : source.action;
        const rendered = args.stages.map((stage) => ({ name: stage.name, actions: stage.actions.map(render) }));

        this.role = new ServiceRole(
            `${name}-role`,
            {
                namer: args.namer,
                tags: args.tags,
                roleName: args.roleName !== undefined ? args.namer.custom(args.roleName, "pipeline role", "iamRole") : args.namer.name(args.pipelineName, "iamRole"),
                description: `CodePipeline ${this.pipelineName}`,
                services: ["codepipeline.amazonaws.com"],
                policies: {
                    pipeline: [
                        {
                            Sid: "Artifacts",
                            Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectTagging"],
                            Resource: pulumi.interpolate`${args.artifactBucket.arn}/*`,
                        },
                        { Sid: "ArtifactBucket", Action: ["s3:GetBucketVersioning", "s3:GetBucketLocation", "s3:ListBucket"], Resource: args.artifactBucket.arn },
                        { Sid: "CustomerKey", Action: [...KEY_USE_ACTIONS], Resource: args.kmsKeyArn },
                        ...source.statements,
                        ...rendered.flatMap((s) => s.actions.flatMap((a) => a.statements)),
                    ],
                },
            },
            child,
        );

        this.pipeline = new aws.codepipeline.Pipeline(
            name,
            {
                name: this.pipelineName,
                pipelineType: "V2",
                executionMode: args.executionMode ?? "QUEUED",
                roleArn: this.role.arn,
                artifactStores: [{ type: "S3", location: args.artifactBucket.name, encryptionKey: { type: "KMS", id: args.kmsKeyArn } }],
                stages: [
                    { name: sourceStage, actions: [sourceAction] },
                    ...rendered.map((s) => ({ name: s.name, actions: s.actions.map((a) => a.action) })),
                ],
                ...(hasTriggers ? { triggers: [...args.triggers!] } : {}),
                tags: args.tags,
            },
            // CodePipeline checks the role's permissions when the pipeline is created.
            { parent: this, dependsOn: [this.role] },
        );
        this.arn = this.pipeline.arn;

        if (args.source.spec.provider === "CodeCommit" && !hasTriggers) {
            this.sourceRule = this.startOnPush(name, args, pipelineArn);
        }

        // Execution history for audit and troubleshooting, beyond the console's 12 months.
        this.eventsLogGroup = logGroup(
            `${name}-events`,
            { logGroupName: `/aws/events/codepipeline/${this.pipelineName}`, retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArn, tags: args.tags },
            child,
        );
        this.eventsRule = new aws.cloudwatch.EventRule(
            `${name}-events`,
            {
                name: args.namer.name(`${args.pipelineName}-events`, "eventRule"),
                description: `Execution, stage and action events of ${this.pipelineName}`,
                eventPattern: pulumi.jsonStringify({ source: ["aws.codepipeline"], "detail-type": [...PIPELINE_EVENT_TYPES], resources: [pipelineArn] }),
                tags: args.tags,
            },
            child,
        );
        // EventBridge writes to CloudWatch Logs through the log group's resource policy, not a role.
        const logsPolicy = new aws.cloudwatch.LogResourcePolicy(
            `${name}-events`,
            {
                policyName: args.namer.name(`${args.pipelineName}-events`),
                policyDocument: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "EventBridgeWritesPipelineEvents",
                            Effect: "Allow",
                            Principal: { Service: ["events.amazonaws.com", "delivery.logs.amazonaws.com"] },
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                            Resource: pulumi.interpolate`${this.eventsLogGroup.arn}:*`,
                            Condition: { ArnEquals: { "aws:SourceArn": this.eventsRule.arn } },
                        },
                    ],
                }),
            },
            child,
        );
        new aws.cloudwatch.EventTarget(
            `${name}-events`,
            { rule: this.eventsRule.name, targetId: "execution-log", arn: this.eventsLogGroup.arn },
            { parent: this, dependsOn: [logsPolicy] },
        );

        if (args.executionNotifications !== undefined) this.executionRule = this.notifyExecutions(name, args, args.executionNotifications, pipelineArn);

        this.registerOutputs({ arn: this.arn, name: this.pipelineName, roleArn: this.role.arn, eventsLogGroup: this.eventsLogGroup.name });
    }

    /** An EventBridge rule on the given execution states, publishing pipeline, state, execution id and a console link. */
    private notifyExecutions(name: string, args: PipelineArgs, notify: NonNullable<PipelineArgs["executionNotifications"]>, pipelineArn: pulumi.Output<string>): aws.cloudwatch.EventRule {
        const child = { parent: this };
        const rule = new aws.cloudwatch.EventRule(
            `${name}-executions`,
            {
                name: args.namer.name(`${args.pipelineName}-executions`, "eventRule"),
                description: `${this.pipelineName} executions that end ${notify.states.join(" or ")}`,
                eventPattern: pulumi.jsonStringify({
                    source: ["aws.codepipeline"],
                    "detail-type": ["CodePipeline Pipeline Execution State Change"],
                    resources: [pipelineArn],
                    detail: { state: [...notify.states] },
                }),
                tags: args.tags,
            },
            child,
        );
        new aws.cloudwatch.EventTarget(
            `${name}-executions`,
            {
                rule: rule.name,
                targetId: "notify",
                arn: notify.topicArn,
                inputTransformer: {
                    inputPaths: { pipeline: "$.detail.pipeline", state: "$.detail.state", execution: "$.detail.execution-id", region: "$.region" },
                    inputTemplate:
                        '"Pipeline <pipeline> <state>: execution <execution>. ' +
                        'https://<region>.console.aws.amazon.com/codesuite/codepipeline/pipelines/<pipeline>/executions/<execution>/timeline?region=<region>"',
                },
            },
            child,
        );
        return rule;
    }

    /** An EventBridge rule (and its role) that starts the pipeline when the CodeCommit branch changes. */
    private startOnPush(name: string, args: PipelineArgs, pipelineArn: pulumi.Output<string>): aws.cloudwatch.EventRule {
        const child = { parent: this };
        const rule = new aws.cloudwatch.EventRule(
            `${name}-on-push`,
            {
                name: args.namer.name(`${args.pipelineName}-push`, "eventRule"),
                description: `Start ${this.pipelineName} on a push to ${args.source.branch}`,
                eventPattern: pulumi.jsonStringify({
                    source: ["aws.codecommit"],
                    "detail-type": ["CodeCommit Repository State Change"],
                    resources: [args.source.arn],
                    detail: { event: ["referenceCreated", "referenceUpdated"], referenceType: ["branch"], referenceName: [args.source.branch] },
                }),
                tags: args.tags,
            },
            child,
        );
        const role = new ServiceRole(
            `${name}-on-push`,
            {
                namer: args.namer,
                tags: args.tags,
                roleName: args.namer.name(`${args.pipelineName}-push`, "iamRole"),
                description: `EventBridge starts ${this.pipelineName}`,
                services: ["events.amazonaws.com"],
                policies: { start: [{ Sid: "StartPipeline", Action: "codepipeline:StartPipelineExecution", Resource: pipelineArn }] },
            },
            child,
        );
        new aws.cloudwatch.EventTarget(`${name}-on-push`, { rule: rule.name, targetId: "pipeline", arn: this.pipeline.arn, roleArn: role.arn }, child);
        return rule;
    }
}

interface Rendered {
    readonly action: StageAction;
    readonly statements: readonly Statement[];
}

function render(a: PipelineAction): Rendered {
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
