/**
 * ECS blue/green deployments through CodeDeploy: an ECS application, a deployment group that
 * shifts production traffic from the blue target group to the green one by a predefined
 * configuration (canary or linear), rolls back on a failed deployment or a firing alarm, and
 * terminates the old tasks a few minutes after success; the CloudWatch alarms that stop a bad
 * release (target 5xx, load balancer 5xx, unhealthy targets); and CodeDeploy's service role with
 * a customer-managed policy scoped to this service, its listeners, target groups and alarms
 * instead of AWSCodeDeployRoleForECS (AwsSolutions-IAM4).
 *
 * `deployAction()` gives the CodePipeline CodeDeployToECS action and what the pipeline's role
 * needs for it.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "./common";
import { TOKEN } from "./common";
import { ServiceRole, type Statement } from "./iam";
import { metricAlarm } from "./logs";
import type { CustomAction } from "./pipeline";

/** Where CodeDeploy deploys: an ECS service behind two target groups and a production listener. */
export interface EcsBlueGreenTarget {
    /** The ECS cluster the service runs in. */
    readonly clusterName: pulumi.Input<string>;
    /** The ECS service, under the CODE_DEPLOY deployment controller. */
    readonly serviceName: pulumi.Input<string>;
    /** Target group names: CodeDeploy's `targetGroupPairInfo` takes names, not ARNs. */
    readonly blueTargetGroupName: pulumi.Input<string>;
    /** The second target group's name, which the new task set registers with. */
    readonly greenTargetGroupName: pulumi.Input<string>;
    /** The listener production traffic arrives on; CodeDeploy moves its default action from blue to green. */
    readonly productionListenerArn: pulumi.Input<string>;
    /** A second listener for test traffic, which lifecycle hooks can probe before the shift. @default - none */
    readonly testListenerArn?: pulumi.Input<string>;
    /** CloudWatch dimension values of the load balancer (`app/<name>/<id>`) and the two target groups (`targetgroup/<name>/<id>`). */
    readonly loadBalancerDimension: pulumi.Input<string>;
    /** `targetgroup/<name>/<id>` of the blue target group, for its unhealthy-host alarm. */
    readonly blueTargetGroupDimension: pulumi.Input<string>;
    /** `targetgroup/<name>/<id>` of the green target group, for its unhealthy-host alarm. */
    readonly greenTargetGroupDimension: pulumi.Input<string>;
    /** The task's execution and task roles: CodeDeploy and CodePipeline pass exactly these to ECS. */
    readonly taskRoleArns: readonly pulumi.Input<string>[];
}

export interface EcsBlueGreenDeploymentArgs extends BaseArgs {
    /**
     * Resource key of the CodeDeploy application: `<system>-<applicationName>-<suffix>`; its
     * service role is `<system>-<applicationName>-codedeploy-<suffix>`.
     */
    readonly applicationName: string;
    /** Resource key of the deployment group: `<system>-<deploymentGroupName>-<suffix>`. */
    readonly deploymentGroupName: string;
    /**
     * Whole names the design fixes (`payment-service-app-<env>`, `payment-service-dg-<env>`,
     * `codedeploy-role-<env>`), checked against CodeDeploy's and IAM's rules instead of built
     * from the keys.
     * @default - each built from its key
     */
    readonly fullNames?: { readonly application?: string; readonly deploymentGroup?: string; readonly role?: string };
    /** The ECS service, target groups and listeners CodeDeploy deploys to (`IBlueGreenService.target`). */
    readonly target: EcsBlueGreenTarget;
    /**
     * A predefined ECS configuration, e.g. `CodeDeployDefault.ECSCanary10Percent5Minutes`.
     * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html#deployment-configuration-ecs
     */
    readonly deploymentConfigName: string;
    /** Minutes the blue tasks keep running after a successful deployment, for a fast manual rollback. */
    readonly terminationWaitMinutes: number;
    /** SNS topics the rollback alarms notify when they fire and when they clear. */
    readonly alarmActions: readonly pulumi.Input<string>[];
    /** Target 5xx responses a minute that stop the deployment. @default 10 */
    readonly target5xxPerMinute?: number;
}

export class EcsBlueGreenDeployment extends pulumi.ComponentResource {
    /** @internal The CodeDeploy application; read `arn` and `applicationName`. */
    readonly application: aws.codedeploy.Application;
    /** @internal The deployment group; read `deploymentGroupName`. */
    readonly deploymentGroup: aws.codedeploy.DeploymentGroup;
    /** @internal CodeDeploy's service role. */
    readonly role: ServiceRole;
    /** @internal The four rollback alarms (target 5xx, load balancer 5xx, blue and green unhealthy hosts). */
    readonly alarms: aws.cloudwatch.MetricAlarm[];
    /** The checked application name, known before deployment. */
    readonly applicationName: string;
    /** The checked deployment group name, known before deployment. */
    readonly deploymentGroupName: string;
    /** The predefined traffic-shifting configuration the group deploys with. */
    readonly deploymentConfigName: string;
    /** The application's ARN (`arn:aws:codedeploy:<region>:<account>:application:<name>`). */
    readonly arn: pulumi.Output<string>;
    private readonly where: Where;
    private readonly target: EcsBlueGreenTarget;

    constructor(name: string, args: EcsBlueGreenDeploymentArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:codedeploy:EcsBlueGreenDeployment`, name, {}, opts);
        const problems = blueGreenProblems(args);
        if (problems.length > 0) throw new Error(`EcsBlueGreenDeployment ${name}: ${problems.join("; ")}`);
        const child = { parent: this };
        const n = args.namer;
        const tags = args.tags;
        const target = args.target;
        this.target = target;
        const full = args.fullNames ?? {};
        this.applicationName =
            full.application !== undefined ? n.custom(full.application, args.applicationName, "codeDeployApplication") : n.name(args.applicationName, "codeDeployApplication");
        this.deploymentGroupName =
            full.deploymentGroup !== undefined ? n.custom(full.deploymentGroup, args.deploymentGroupName, "codeDeployGroup") : n.name(args.deploymentGroupName, "codeDeployGroup");
        this.deploymentConfigName = args.deploymentConfigName;
        this.where = {
            partition: aws.getPartitionOutput({}, child).partition,
            region: aws.getRegionOutput({}, child).region,
            account: aws.getCallerIdentityOutput({}, child).accountId,
        };

        this.alarms = this.createAlarms(name, args);

        this.role = new ServiceRole(
            `${name}-role`,
            {
                namer: n,
                tags,
                roleName: `${args.applicationName}-codedeploy`,
                fullName: full.role,
                description: `CodeDeploy blue/green deployments of ${this.deploymentGroupName}`,
                services: ["codedeploy.amazonaws.com"],
                policies: codeDeployPolicies(target, this.alarms.map((a) => a.arn), this.where),
            },
            child,
        );

        this.application = new aws.codedeploy.Application(name, { name: this.applicationName, computePlatform: "ECS", tags }, child);
        this.deploymentGroup = this.createDeploymentGroup(name, args);
        this.arn = this.application.arn;
        this.registerOutputs({ applicationArn: this.arn, applicationName: this.applicationName, deploymentGroupName: this.deploymentGroupName });
    }

    /** The alarms that stop a deployment and roll it back: 5xx from targets and load balancer, unhealthy targets in either group. */
    private createAlarms(name: string, args: EcsBlueGreenDeploymentArgs): aws.cloudwatch.MetricAlarm[] {
        const target = this.target;
        const threshold = args.target5xxPerMinute ?? 10;
        const alarm = (key: string, description: string, metricName: string, statistic: "Sum" | "Maximum", limit: number, dimensions: Record<string, pulumi.Input<string>>) =>
            metricAlarm(
                `${name}-${key}`,
                {
                    alarmName: args.namer.name(key),
                    description: `${description}: stops a ${this.deploymentGroupName} deployment and rolls it back`,
                    namespace: "AWS/ApplicationELB",
                    metricName,
                    dimensions,
                    statistic,
                    threshold: limit,
                    periodSeconds: 60,
                    evaluationPeriods: 2,
                    actions: args.alarmActions,
                    tags: args.tags,
                },
                { parent: this },
            );
        return [
            alarm("target-5xx", `More than ${threshold} target 5xx responses a minute`, "HTTPCode_Target_5XX_Count", "Sum", threshold, { LoadBalancer: target.loadBalancerDimension }),
            alarm("alb-5xx", `More than ${threshold} load balancer 5xx responses a minute`, "HTTPCode_ELB_5XX_Count", "Sum", threshold, { LoadBalancer: target.loadBalancerDimension }),
            alarm("blue-unhealthy", "Unhealthy targets in the blue target group", "UnHealthyHostCount", "Maximum", 0, { LoadBalancer: target.loadBalancerDimension, TargetGroup: target.blueTargetGroupDimension }),
            alarm("green-unhealthy", "Unhealthy targets in the green target group", "UnHealthyHostCount", "Maximum", 0, { LoadBalancer: target.loadBalancerDimension, TargetGroup: target.greenTargetGroupDimension }),
        ];
    }

    private createDeploymentGroup(name: string, args: EcsBlueGreenDeploymentArgs): aws.codedeploy.DeploymentGroup {
        return new aws.codedeploy.DeploymentGroup(
            name,
            {
                appName: this.application.name,
                deploymentGroupName: this.deploymentGroupName,
                serviceRoleArn: this.role.arn,
                deploymentConfigName: args.deploymentConfigName,
                deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
                blueGreenDeploymentConfig: {
                    // Shift as soon as the green tasks are healthy; the approval happened before the Deploy stage.
                    deploymentReadyOption: { actionOnTimeout: "CONTINUE_DEPLOYMENT" },
                    terminateBlueInstancesOnDeploymentSuccess: { action: "TERMINATE", terminationWaitTimeInMinutes: args.terminationWaitMinutes },
                },
                ecsService: { clusterName: this.target.clusterName, serviceName: this.target.serviceName },
                loadBalancerInfo: {
                    targetGroupPairInfo: {
                        targetGroups: [{ name: this.target.blueTargetGroupName }, { name: this.target.greenTargetGroupName }],
                        prodTrafficRoute: { listenerArns: [this.target.productionListenerArn] },
                        ...(this.target.testListenerArn !== undefined ? { testTrafficRoute: { listenerArns: [this.target.testListenerArn] } } : {}),
                    },
                },
                autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
                alarmConfiguration: { enabled: true, alarms: this.alarms.map((a) => a.name), ignorePollAlarmFailure: false },
                tags: args.tags,
            },
            // CodeDeploy validates the role's permissions when the group is created.
            { parent: this, dependsOn: [this.role] },
        );
    }

    /**
     * The Deploy stage's CodeDeployToECS action, reading `taskdef.json` and `appspec.yaml` from
     * `artifact`, and the statements the pipeline's role needs to run it: start and watch
     * deployments of this group only, register the task definition, pass the task's roles.
     * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html
     */
    deployAction(actionName: string, artifact: string): CustomAction {
        const w = this.where;
        const codedeploy = (resource: string) => pulumi.interpolate`arn:${w.partition}:codedeploy:${w.region}:${w.account}:${resource}`;
        const statements: Statement[] = [
            {
                Sid: "DeployThroughCodeDeploy",
                Action: ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"],
                Resource: codedeploy(`deploymentgroup:${this.applicationName}/${this.deploymentGroupName}`),
            },
            {
                Sid: "RegisterRevisions",
                Action: ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"],
                Resource: codedeploy(`application:${this.applicationName}`),
            },
            { Sid: "ReadDeploymentConfig", Action: "codedeploy:GetDeploymentConfig", Resource: codedeploy(`deploymentconfig:${this.deploymentConfigName}`) },
            // ECS supports no resource-level permission for task definitions (aws/containers-roadmap#929).
            { Sid: "RegisterTaskDefinition", Action: "ecs:RegisterTaskDefinition", Resource: "*" },
            passTaskRoles(this.target.taskRoleArns),
        ];
        return {
            kind: "custom",
            action: {
                name: actionName,
                category: "Deploy",
                owner: "AWS",
                provider: "CodeDeployToECS",
                version: "1",
                runOrder: 1,
                inputArtifacts: [artifact],
                configuration: {
                    ApplicationName: this.applicationName,
                    DeploymentGroupName: this.deploymentGroupName,
                    TaskDefinitionTemplateArtifact: artifact,
                    TaskDefinitionTemplatePath: "taskdef.json",
                    AppSpecTemplateArtifact: artifact,
                    AppSpecTemplatePath: "appspec.yaml",
                },
            },
            statements,
        };
    }
}

interface Where {
    readonly partition: pulumi.Input<string>;
    readonly region: pulumi.Input<string>;
    readonly account: pulumi.Input<string>;
}

function passTaskRoles(roleArns: readonly pulumi.Input<string>[]): Statement {
    return {
        Sid: "PassTaskRoles",
        Action: "iam:PassRole",
        Resource: [...roleArns],
        Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
    };
}

/**
 * What AWSCodeDeployRoleForECS grants on every resource, cut down to this target. Three policies,
 * so the reviewed exceptions for wildcards name exactly the statements that need them:
 * - `deploy`: exact ARNs (the service, the listeners, the alarms, the task's roles);
 * - `deployment-resources`: task sets and listener rules, whose ids CodeDeploy creates during each
 *   deployment, under this service's and these listeners' ARNs;
 * - `describe`: the Elastic Load Balancing Describe calls, which support no resource-level permissions.
 */
export function codeDeployPolicies(target: EcsBlueGreenTarget, alarmArns: readonly pulumi.Input<string>[], w: Where): Record<string, Statement[]> {
    const ecs = (resource: pulumi.Input<string>) => pulumi.interpolate`arn:${w.partition}:ecs:${w.region}:${w.account}:${resource}`;
    const listeners = [target.productionListenerArn, ...(target.testListenerArn !== undefined ? [target.testListenerArn] : [])];
    return {
        deploy: [
            {
                Sid: "ShiftTaskSets",
                Action: ["ecs:DescribeServices", "ecs:UpdateServicePrimaryTaskSet"],
                Resource: ecs(pulumi.interpolate`service/${target.clusterName}/${target.serviceName}`),
            },
            { Sid: "ShiftListeners", Action: "elasticloadbalancing:ModifyListener", Resource: listeners },
            { Sid: "WatchRollbackAlarms", Action: "cloudwatch:DescribeAlarms", Resource: [...alarmArns] },
            passTaskRoles(target.taskRoleArns),
        ],
        "deployment-resources": [
            // IAM authorizes CreateTaskSet on the task set it creates, not on the service.
            { Sid: "DeleteOldTaskSets", Action: ["ecs:CreateTaskSet", "ecs:DeleteTaskSet"], Resource: ecs(pulumi.interpolate`task-set/${target.clusterName}/${target.serviceName}/*`) },
            {
                Sid: "ShiftListenerRules",
                Action: "elasticloadbalancing:ModifyRule",
                Resource: listeners.map((arn) => pulumi.output(arn).apply((a) => `${a.replace(":listener/", ":listener-rule/")}/*`)),
            },
        ],
        describe: [
            {
                Sid: "DescribeLoadBalancing",
                Action: ["elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTargetHealth"],
                Resource: "*",
            },
        ],
    };
}

/** What is wrong with the arguments, all at once. */
export function blueGreenProblems(args: Pick<EcsBlueGreenDeploymentArgs, "deploymentConfigName" | "terminationWaitMinutes" | "target5xxPerMinute" | "target">): string[] {
    const problems: string[] = [];
    if (!/^CodeDeployDefault\.ECS(AllAtOnce|Canary10Percent(5|15)Minutes|Linear10PercentEvery(1|3)Minutes)$/.test(args.deploymentConfigName)) {
        problems.push(`deploymentConfigName "${args.deploymentConfigName}" is not one of CodeDeploy's predefined ECS configurations`);
    }
    const wait = args.terminationWaitMinutes;
    if (!Number.isInteger(wait) || wait < 0 || wait > 2880) problems.push(`terminationWaitMinutes must be 0 to 2880, got ${wait}`);
    const threshold = args.target5xxPerMinute;
    if (threshold !== undefined && (!Number.isInteger(threshold) || threshold < 1)) problems.push(`target5xxPerMinute must be a whole number of at least 1, got ${threshold}`);
    if (args.target.taskRoleArns.length === 0) problems.push("target.taskRoleArns must name the task's execution role (and task role), which CodeDeploy passes to ECS");
    return problems;
}

/** `targetgroup/<name>/<id>`, the CloudWatch `TargetGroup` dimension, from a target group ARN. */
export function targetGroupDimension(arn: string): string {
    const m = /:(targetgroup\/[^/]+\/[^/]+)$/.exec(arn);
    if (!m) throw new Error(`"${arn}" is not a target group ARN (…:targetgroup/<name>/<id>)`);
    return m[1]!;
}

/** The name part of a target group ARN, as CodeDeploy's target group pair wants it. */
export function targetGroupName(arn: string): string {
    return targetGroupDimension(arn).split("/")[1]!;
}

/** `app/<name>/<id>`, the CloudWatch `LoadBalancer` dimension, from one of its listeners' ARNs. */
export function loadBalancerDimensionOfListener(arn: string): string {
    const m = /:listener\/(app\/[^/]+\/[^/]+)\/[^/]+$/.exec(arn);
    if (!m) throw new Error(`"${arn}" is not an Application Load Balancer listener ARN (…:listener/app/<name>/<id>/<listener id>)`);
    return m[1]!;
}

/** An existing service's blue/green target from the ARNs of its target groups and listeners. */
export function targetFromArns(t: {
    readonly clusterName: string;
    readonly serviceName: string;
    readonly blueTargetGroupArn: string;
    readonly greenTargetGroupArn: string;
    readonly productionListenerArn: string;
    readonly testListenerArn?: string;
    readonly taskRoleArns: readonly string[];
}): EcsBlueGreenTarget {
    return {
        clusterName: t.clusterName,
        serviceName: t.serviceName,
        blueTargetGroupName: targetGroupName(t.blueTargetGroupArn),
        greenTargetGroupName: targetGroupName(t.greenTargetGroupArn),
        productionListenerArn: t.productionListenerArn,
        ...(t.testListenerArn !== undefined ? { testListenerArn: t.testListenerArn } : {}),
        loadBalancerDimension: loadBalancerDimensionOfListener(t.productionListenerArn),
        blueTargetGroupDimension: targetGroupDimension(t.blueTargetGroupArn),
        greenTargetGroupDimension: targetGroupDimension(t.greenTargetGroupArn),
        taskRoleArns: t.taskRoleArns,
    };
}
