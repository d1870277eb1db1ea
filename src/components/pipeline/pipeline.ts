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
import { KEY_USE_ACTIONS } from "../encryption";
import type { PipelineSource } from "./source";

import { render, stageProblems, type PipelineStageSpec } from "./actions";

/** The artifact bucket as the pipeline needs it (a SecureBucket). */
export interface ArtifactStore {
    /** The bucket's name. */
    readonly name: pulumi.Input<string>;
    /** The bucket's ARN. */
    readonly arn: pulumi.Input<string>;
}

export interface PipelineArgs extends BaseArgs {
    /** Resource key: the pipeline, its role and its event rules are named from it. */
    readonly pipelineName: string;
    /** The source the first stage reads. */
    readonly source: PipelineSource;
    /** @default "Source" */
    readonly sourceStageName?: string;
    /** @default "source" */
    readonly sourceArtifact?: string;
    /** The stages after the source stage, in order. */
    readonly stages: readonly PipelineStageSpec[];
    /** Where the pipeline keeps its artifacts. */
    readonly artifactBucket: ArtifactStore;
    /** The customer key of the artifacts and the event log group. */
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
     * Whole names the design fixes, checked against AWS's rule instead of built from
     * `pipelineName`: `role` for the pipeline's role (e.g. `codepipeline-role-<env>`).
     * @default - `<system>-<pipelineName>-<suffix>`
     */
    readonly fullNames?: { readonly role?: string };
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
    /** @internal The CodePipeline pipeline; read `arn` and `name`. */
    readonly pipeline: aws.codepipeline.Pipeline;
    /** @internal The pipeline's role. */
    readonly role: ServiceRole;
    /** @internal The log group that receives the pipeline's events. */
    readonly eventsLogGroup: aws.cloudwatch.LogGroup;
    /** @internal The rule sending the pipeline's events to that log group. */
    readonly eventsRule: aws.cloudwatch.EventRule;
    /** The rule that starts the pipeline on a push to the CodeCommit branch (CodeCommit sources only). */
    readonly sourceRule?: aws.cloudwatch.EventRule;
    /** The rule that announces `executionNotifications.states` on its topic. */
    readonly executionRule?: aws.cloudwatch.EventRule;
    /** The pipeline's ARN. */
    readonly arn: pulumi.Output<string>;
    /** The checked pipeline name, known before deployment. */
    readonly pipelineName: string;
    /** The same name as an output, for stack outputs. */
    readonly name: pulumi.Output<string>;
    /** The pipeline's page in the CodePipeline console. */
    readonly consoleUrl: pulumi.Output<string>;

    constructor(name: string, args: PipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:codepipeline:Pipeline`, name, {}, opts);
        const sourceStage = args.sourceStageName ?? "Source";
        const sourceArtifact = args.sourceArtifact ?? "source";
        const problems = pipelineProblems(sourceStage, sourceArtifact, args);
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

        this.role = this.createRole(name, args, [...source.statements, ...rendered.flatMap((s) => s.actions.flatMap((a) => a.statements))]);

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
        this.name = this.pipeline.name;
        this.consoleUrl = pulumi.interpolate`https://${region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${this.pipeline.name}/view?region=${region}`;

        if (args.source.spec.provider === "CodeCommit" && !hasTriggers) {
            this.sourceRule = this.startOnPush(name, args, pipelineArn);
        }

        const events = this.logExecutionEvents(name, args, pipelineArn);
        this.eventsLogGroup = events.logGroup;
        this.eventsRule = events.rule;

        if (args.executionNotifications !== undefined) this.executionRule = this.notifyExecutions(name, args, args.executionNotifications, pipelineArn);

        this.registerOutputs({ arn: this.arn, name: this.pipelineName, roleArn: this.role.arn, eventsLogGroup: this.eventsLogGroup.name });
    }

    // The source's and the actions' statements join the artifact and key access in one policy.
    private createRole(name: string, args: PipelineArgs, actionStatements: readonly Statement[]): ServiceRole {
        return new ServiceRole(
            `${name}-role`,
            {
                namer: args.namer,
                tags: args.tags,
                roleName: args.pipelineName,
                fullName: args.fullNames?.role,
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
                        ...actionStatements,
                    ],
                },
            },
            { parent: this },
        );
    }

    private logExecutionEvents(name: string, args: PipelineArgs, pipelineArn: pulumi.Output<string>): { logGroup: aws.cloudwatch.LogGroup; rule: aws.cloudwatch.EventRule } {
        // Execution history for audit and troubleshooting, beyond the console's 12 months.
        const eventsLogGroup = logGroup(
            `${name}-events`,
            { logGroupName: `/aws/events/codepipeline/${this.pipelineName}`, retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArn, tags: args.tags },
            { parent: this },
        );
        const eventsRule = new aws.cloudwatch.EventRule(
            `${name}-events`,
            {
                name: args.namer.name(`${args.pipelineName}-events`, "eventRule"),
                description: `Execution, stage and action events of ${this.pipelineName}`,
                eventPattern: pulumi.jsonStringify({ source: ["aws.codepipeline"], "detail-type": [...PIPELINE_EVENT_TYPES], resources: [pipelineArn] }),
                tags: args.tags,
            },
            { parent: this },
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
                            Resource: pulumi.interpolate`${eventsLogGroup.arn}:*`,
                            Condition: { ArnEquals: { "aws:SourceArn": eventsRule.arn } },
                        },
                    ],
                }),
            },
            { parent: this },
        );
        new aws.cloudwatch.EventTarget(
            `${name}-events`,
            { rule: eventsRule.name, targetId: "execution-log", arn: eventsLogGroup.arn },
            { parent: this, dependsOn: [logsPolicy] },
        );
        return { logGroup: eventsLogGroup, rule: eventsRule };
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
                roleName: `${args.pipelineName}-push`,
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

/** What is wrong with the stages, triggers, notifications and namespace, all at once. */
function pipelineProblems(sourceStage: string, sourceArtifact: string, args: PipelineArgs): string[] {
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
    return problems;
}
