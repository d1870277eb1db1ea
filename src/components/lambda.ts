/**
 * Lambda functions, each with its own role (customer-managed policies only), a KMS-encrypted log
 * group it writes JSON logs to, and environment variables encrypted with the customer key.
 *
 * - `ContainerImageFunction`: a function run from an image in ECR. AWS refuses to create it
 *   unless the image is already there ("Source image … does not exist"), so the component builds
 *   and pushes a small bootstrap image with `docker-build` in the same `pulumi up` and creates the
 *   function from it. After that the image belongs to the release pipeline: `imageUri` is ignored
 *   on later updates, so `pulumi up` never rolls a released service back to the bootstrap image.
 * - `ReleaseFunction`: the zip-packaged function of src/functions/lambdaRelease (the service pipeline's
 *   Deploy stage: it releases an image to a target function and records it), from its bundle
 *   committed by `npm run bundles`, with exactly the permissions its README lists.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as dockerBuild from "@pulumi/docker-build";
import * as pulumi from "@pulumi/pulumi";
import { RELEASE_FUNCTION_HANDLER, RELEASE_FUNCTION_RUNTIME, readBundle } from "../functions/dist";
import type { BaseArgs } from "./common";
import { renamedFrom, TOKEN } from "./common";
import { grantKey, ServiceRole, type Grantee, type Statement } from "./iam";
import { logGroup, metricAlarm } from "./logs";
import type { DynamoDbTable } from "./table";

/**
 * Moving a function to a new image or package and its alias to the new version: what a release
 * (the deploy function, a pipeline's deployment role) calls.
 */
export const FUNCTION_RELEASE_ACTIONS = [
    "lambda:GetFunction",
    "lambda:GetFunctionConfiguration",
    "lambda:UpdateFunctionCode",
    "lambda:PublishVersion",
    "lambda:GetAlias",
    "lambda:CreateAlias",
    "lambda:UpdateAlias",
] as const;

/** What every function here grants: releases of itself and invocations. */
abstract class GrantingFunction extends pulumi.ComponentResource implements Grantee {
    abstract readonly role: ServiceRole;
    abstract readonly arn: pulumi.Output<string>;
    protected abstract readonly resourceName: string;
    /** The customer key the function's code and environment are encrypted with. */
    protected abstract readonly keyArn: pulumi.Input<string>;

    /** Grants go to the function's execution role. */
    grant(key: string, statements: readonly Statement[]): void {
        this.role.grant(key, statements);
    }

    /** Release new code to this function: update it, publish a version, move its aliases. */
    grantRelease(grantee: Grantee): void {
        // Versions and aliases are `<function ARN>:<qualifier>`.
        grantee.grant(grantKey(this.resourceName, "release"), [
            { Sid: "ReleaseFunction", Action: [...FUNCTION_RELEASE_ACTIONS], Resource: [this.arn, pulumi.interpolate`${this.arn}:*`] },
            // A function encrypted with a customer key can be read or updated only by principals that may use the key.
            // https://docs.aws.amazon.com/lambda/latest/dg/encrypt-zip-package.html
            {
                Sid: "ReleaseFunctionKey",
                Action: "kms:Decrypt",
                Resource: this.keyArn,
                Condition: { StringEquals: { "kms:ViaService": pulumi.interpolate`lambda.${aws.getRegionOutput({}, { parent: this }).region}.amazonaws.com` } },
            },
        ]);
    }

    /** Invoke this function. */
    grantInvoke(grantee: Grantee): void {
        grantee.grant(grantKey(this.resourceName, "invoke"), [{ Sid: "InvokeFunction", Action: "lambda:InvokeFunction", Resource: this.arn }]);
    }
}

export interface ErrorAlarmArgs {
    /** Alarm when the function's `Errors` sum is above this in one period. */
    readonly threshold: number;
    /** @default 300 */
    readonly periodSeconds?: number;
    /** @default 1 */
    readonly evaluationPeriods?: number;
    /** SNS topics to notify. */
    readonly actions: readonly pulumi.Input<string>[];
}

interface FunctionArgs extends BaseArgs {
    /** Resource key of the function name: `<system>-<functionName>-<suffix>`. */
    readonly functionName: string;
    readonly description: string;
    /** MiB, 128–10240. */
    readonly memorySize: number;
    /** Seconds, 1–900. */
    readonly timeoutSeconds: number;
    /** Concurrent executions set aside for (and capping) this function; unset shares the account pool. */
    readonly reservedConcurrency?: number;
    /** Encrypts the environment variables and the log group; the key must allow Lambda and CloudWatch Logs. */
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly logRetentionDays: number;
    readonly errorAlarm?: ErrorAlarmArgs;
}

/** Why Lambda would reject a memory, timeout or concurrency setting; empty when it accepts them. */
export function functionSettingsProblems(s: { memorySize: number; timeoutSeconds: number; reservedConcurrency?: number }): string[] {
    const problems: string[] = [];
    if (!Number.isInteger(s.memorySize) || s.memorySize < 128 || s.memorySize > 10240) problems.push(`memorySize must be a whole number of MiB from 128 to 10240, got ${s.memorySize}`);
    if (!Number.isInteger(s.timeoutSeconds) || s.timeoutSeconds < 1 || s.timeoutSeconds > 900) problems.push(`timeoutSeconds must be a whole number from 1 to 900, got ${s.timeoutSeconds}`);
    if (s.reservedConcurrency !== undefined && (!Number.isInteger(s.reservedConcurrency) || s.reservedConcurrency < 0)) {
        problems.push(`reservedConcurrency must be a whole number, 0 or more, got ${s.reservedConcurrency}`);
    }
    return problems;
}

/** The role, log group and alarm every function here has; the caller adds the function itself. */
class FunctionParts {
    readonly name: string;
    readonly role: ServiceRole;
    readonly logGroup: aws.cloudwatch.LogGroup;

    constructor(parent: pulumi.ComponentResource, resource: string, args: FunctionArgs, policies: Readonly<Record<string, readonly Statement[]>>) {
        const problems = functionSettingsProblems(args);
        if (problems.length > 0) throw new Error(`${args.functionName} function: ${problems.join("; ")}`);
        this.name = args.namer.name(args.functionName, "lambdaFunction");
        // Created here, not by Lambda on first write, so it has a retention, the key and a tag.
        this.logGroup = logGroup(
            `${resource}-logs`,
            { logGroupName: `/aws/lambda/${this.name}`, retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArn, tags: args.tags },
            { parent },
        );
        this.role = new ServiceRole(
            `${resource}-role`,
            {
                namer: args.namer,
                tags: args.tags,
                roleName: `${args.functionName}-fn`,
                description: `Execution role of the ${this.name} function`,
                services: ["lambda.amazonaws.com"],
                policies: {
                    logs: [
                        {
                            Sid: "WriteOwnLogs",
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                            // Log streams have no ARN of their own to name: `:*` is the narrowest form.
                            Resource: pulumi.interpolate`${this.logGroup.arn}:*`,
                        },
                    ],
                    ...policies,
                },
            },
            { parent },
        );
    }

    common(args: FunctionArgs) {
        return {
            name: this.name,
            description: args.description,
            role: this.role.arn,
            memorySize: args.memorySize,
            timeout: args.timeoutSeconds,
            reservedConcurrentExecutions: args.reservedConcurrency,
            kmsKeyArn: args.kmsKeyArn,
            loggingConfig: { logFormat: "JSON", logGroup: this.logGroup.name },
            tags: args.tags,
        };
    }

    errorAlarm(parent: pulumi.ComponentResource, resource: string, args: FunctionArgs): aws.cloudwatch.MetricAlarm | undefined {
        const alarm = args.errorAlarm;
        if (alarm === undefined) return undefined;
        return metricAlarm(
            `${resource}-errors`,
            {
                alarmName: args.namer.name(`${args.functionName}-errors`),
                description: `${this.name}: more than ${alarm.threshold} errors in ${(alarm.periodSeconds ?? 300) / 60} minutes`,
                namespace: "AWS/Lambda",
                metricName: "Errors",
                dimensions: { FunctionName: this.name },
                statistic: "Sum",
                threshold: alarm.threshold,
                comparisonOperator: "GreaterThanThreshold",
                periodSeconds: alarm.periodSeconds ?? 300,
                evaluationPeriods: alarm.evaluationPeriods ?? 1,
                actions: alarm.actions,
                tags: args.tags,
            },
            { parent },
        );
    }
}

/**
 * A short, stable digest of a build context folder (file paths and contents), so the bootstrap
 * image tag changes exactly when the image would. With immutable tags (prod) a changed image under
 * an old tag would be refused by ECR.
 */
export function contextDigest(dir: string): string {
    const hash = createHash("sha256");
    const walk = (relative: string): void => {
        const entries = fs.readdirSync(path.join(dir, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const child = path.posix.join(relative, entry.name);
            if (entry.isDirectory()) walk(child);
            else if (entry.isFile()) hash.update(`${child}\0`).update(fs.readFileSync(path.join(dir, child))).update("\0");
        }
    };
    walk("");
    return hash.digest("hex").slice(0, 12);
}

export interface BootstrapImageArgs {
    /**
     * The build context, a folder with a `Dockerfile`, relative to the program's working
     * directory (the Pulumi project folder): the stack state then holds no machine-specific path,
     * so a checkout elsewhere does not rebuild the image.
     */
    readonly contextDir: string;
    /** @default `bootstrap-<digest of the folder>` */
    readonly tag?: string;
}

export interface ContainerImageFunctionArgs extends FunctionArgs {
    /** The ECR repository URL (`<account>.dkr.ecr.<region>.amazonaws.com/<name>`) the images live in. */
    readonly repositoryUrl: pulumi.Input<string>;
    /** The image the function is created from, built and pushed by this program. */
    readonly bootstrapImage: BootstrapImageArgs;
    /** @default "x86_64" */
    readonly architecture?: "x86_64" | "arm64";
    /** Environment variables of the function. */
    readonly environment: Readonly<Record<string, pulumi.Input<string>>>;
    /**
     * Resources the function is created after, e.g. the repository whose policy lets Lambda pull
     * (without that policy in place Lambda writes its own statement into the repository policy).
     * @default - none
     */
    readonly dependsOn?: readonly pulumi.Resource[];
}

export class ContainerImageFunction extends GrantingFunction {
    /** @internal */
    readonly function: aws.lambda.Function;
    /** @internal The bootstrap image the function is created from. */
    readonly image: dockerBuild.Image;
    /** @internal The execution role: grant to the function itself (it is a Grantee). */
    readonly role: ServiceRole;
    /** @internal */
    readonly logGroup: aws.cloudwatch.LogGroup;
    /** @internal */
    readonly errorAlarm?: aws.cloudwatch.MetricAlarm;
    /** The checked function name, known before deployment. */
    readonly name: string;
    /** The function's ARN. */
    readonly arn: pulumi.Output<string>;
    protected readonly resourceName: string;
    protected readonly keyArn: pulumi.Input<string>;

    constructor(name: string, args: ContainerImageFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:lambda:ContainerImageFunction`, name, {}, opts);
        this.resourceName = name;
        this.keyArn = args.kmsKeyArn;
        const parts = new FunctionParts(this, name, args, {});
        const architecture = args.architecture ?? "x86_64";
        const tag = args.bootstrapImage.tag ?? `bootstrap-${contextDigest(path.resolve(args.bootstrapImage.contextDir))}`;
        this.image = new dockerBuild.Image(
            `${name}-bootstrap`,
            {
                context: { location: args.bootstrapImage.contextDir },
                tags: [pulumi.interpolate`${args.repositoryUrl}:${tag}`],
                push: true,
                platforms: [architecture === "arm64" ? "linux/arm64" : "linux/amd64"],
                // A preview then needs neither Docker nor registry access; `pulumi up` builds.
                buildOnPreview: false,
            },
            { parent: this },
        );
        this.function = new aws.lambda.Function(
            name,
            {
                ...parts.common(args),
                packageType: "Image",
                // By digest, so the function runs exactly what was pushed. Not the image's `ref`
                // (`repo:tag@digest`): Lambda rejects a tag and a digest together (pulumi/pulumi-docker-build#571).
                imageUri: pulumi.interpolate`${args.repositoryUrl}@${this.image.digest}`,
                architectures: [architecture],
                environment: { variables: { ...args.environment } },
            },
            // Releases move the image on; the program only sets the first one.
            { parent: this, dependsOn: [this.image, parts.role, ...(args.dependsOn ?? [])], ignoreChanges: ["imageUri"] },
        );
        this.errorAlarm = parts.errorAlarm(this, name, args);
        this.role = parts.role;
        this.logGroup = parts.logGroup;
        this.name = parts.name;
        this.arn = this.function.arn;
        this.registerOutputs({ arn: this.arn, name: this.name, bootstrapImage: this.image.ref });
    }
}

export interface ReleaseFunctionArgs extends Omit<FunctionArgs, "memorySize" | "timeoutSeconds"> {
    /** The application function it deploys (`TARGET_FUNCTION_NAME`); it grants the release. */
    readonly target: ContainerImageFunction;
    /** The deployment history table (`DEPLOYMENT_TABLE_NAME`); it grants reading and recording. */
    readonly history: DynamoDbTable;
    /** Stored in each history record (`ENVIRONMENT_SUFFIX`). */
    readonly environmentSuffix: string;
    /** @default 256 */
    readonly memorySize?: number;
    /**
     * Above the slowest image update expected plus the 10 s the function keeps back to record and
     * report (src/functions/lambdaRelease/README.md).
     * @default 300
     */
    readonly timeoutSeconds?: number;
}

/**
 * PutJobSuccessResult and PutJobFailureResult take no resource: the job id is the scope.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodepipeline.html
 */
const REPORT_JOBS: Statement = { Sid: "ReportJobResults", Action: ["codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult"], Resource: "*" };

export class ReleaseFunction extends GrantingFunction {
    /** @internal */
    readonly function: aws.lambda.Function;
    /** @internal The execution role: grant to the function itself (it is a Grantee). */
    readonly role: ServiceRole;
    /** @internal */
    readonly logGroup: aws.cloudwatch.LogGroup;
    /** The checked function name, known before deployment. */
    readonly name: string;
    /** The function's ARN. */
    readonly arn: pulumi.Output<string>;
    protected readonly resourceName: string;
    protected readonly keyArn: pulumi.Input<string>;

    constructor(name: string, args: ReleaseFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:lambda:ReleaseFunction`, name, {}, renamedFrom("lambda:DeployFunction", opts));
        this.resourceName = name;
        this.keyArn = args.kmsKeyArn;
        const settings: FunctionArgs = { ...args, memorySize: args.memorySize ?? 256, timeoutSeconds: args.timeoutSeconds ?? 300 };
        const parts = new FunctionParts(this, name, settings, { "report-jobs": [REPORT_JOBS] });
        this.function = new aws.lambda.Function(
            name,
            {
                ...parts.common(settings),
                packageType: "Zip",
                code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(readBundle("releaseFunction")) }),
                handler: RELEASE_FUNCTION_HANDLER,
                runtime: RELEASE_FUNCTION_RUNTIME,
                // Plain JavaScript runs anywhere; Graviton costs about 20% less per GB-second.
                architectures: ["arm64"],
                environment: {
                    variables: {
                        DEPLOYMENT_TABLE_NAME: args.history.name,
                        ENVIRONMENT_SUFFIX: args.environmentSuffix,
                        TARGET_FUNCTION_NAME: args.target.name,
                    },
                },
            },
            { parent: this, dependsOn: [parts.role] },
        );
        parts.errorAlarm(this, name, settings);
        this.role = parts.role;
        args.target.grantRelease(this);
        args.history.grantReadWriteData(this);
        this.logGroup = parts.logGroup;
        this.name = parts.name;
        this.arn = this.function.arn;
        this.registerOutputs({ arn: this.arn, name: this.name });
    }
}
