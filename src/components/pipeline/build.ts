/**
 * A CodeBuild project run by CodePipeline: its own encrypted log group with a retention, a
 * service role scoped to that log group, the artifact bucket, the customer key and whatever extra
 * statements the caller gives; artifacts and cache encrypted with the customer key
 * (AwsSolutions-CB4); the buildspec from a string; environment variables in plain text, from
 * Secrets Manager or from Parameter Store (the role may read exactly the secrets and parameters
 * named); optionally a VPC configuration so builds reach private resources, and an S3 cache
 * (e.g. a Docker layer cache) kept between builds.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../common";
import { TOKEN } from "../common";
import { ServiceRole, type Grantee, type Statement } from "../iam";
import { secretReadStatements, type SecretRef } from "../secret";
import { logGroup } from "../logs";
import { KEY_USE_ACTIONS } from "../encryption";

/** CodeBuild's Linux compute types. @see https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html */
export type { BuildComputeType } from "../../aws/codebuild";
import { renderBuildspec, type Buildspec } from "../../aws/buildspec";
import { DEFAULT_BUILD_IMAGE, type BuildComputeType } from "../../aws/codebuild";

export type BuildVariable =
    | { readonly name: string; readonly type?: "PLAINTEXT"; readonly value: pulumi.Input<string> }
    /** A Secrets Manager secret, whole or one JSON key of it; the role may read it and decrypt it through Secrets Manager. */
    | { readonly name: string; readonly type: "SECRETS_MANAGER"; readonly secret: SecretRef; readonly jsonKey?: string }
    /** A Systems Manager parameter, by name (`/brazilcart/dev/flag`). */
    | { readonly name: string; readonly type: "PARAMETER_STORE"; readonly parameterName: string };

export interface BuildVpc {
    /** The VPC the build runs in. */
    readonly vpcId: pulumi.Input<string>;
    /** Private subnets with a route to the internet or VPC endpoints (CodeBuild gets no public IP). */
    readonly subnetIds: readonly pulumi.Input<string>[];
    /** Security groups of the build's network interface. */
    readonly securityGroupIds: readonly pulumi.Input<string>[];
}

/**
 * An S3 cache: CodeBuild downloads the buildspec's `cache.paths` before a build and uploads them
 * after it, under `<bucket>/<prefix>`.
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/build-caching.html#caching-s3
 */
export interface BuildCache {
    /** The cache bucket's name. */
    readonly bucketName: pulumi.Input<string>;
    /** The cache bucket's ARN, which the role may read and write under `prefix`. */
    readonly bucketArn: pulumi.Input<string>;
    /** Key prefix of this project's cache in the bucket, without a trailing slash. */
    readonly prefix: string;
}

export interface BuildProjectArgs extends BaseArgs {
    /** Resource key: the project, its role and log group are named from `<system>-<resource>-<suffix>`. */
    readonly projectName: string;
    /** What the build does, in words, for the console. */
    readonly description: string;
    /** The buildspec, as a typed object (the systems' are in src/buildspecs); the project renders it as YAML. */
    readonly buildspec: Buildspec;
    /** The customer key: artifacts, logs and the secrets it reads are encrypted with it. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** The pipeline's artifact bucket: the build reads its input and writes its output there. */
    readonly artifactBucketArn: pulumi.Input<string>;
    /** Days the build's log group keeps its events. */
    readonly logRetentionDays: number;
    /** @default "BUILD_GENERAL1_SMALL" */
    readonly computeType?: BuildComputeType;
    /** @default DEFAULT_BUILD_IMAGE */
    readonly image?: string;
    /**
     * Docker-in-Docker, needed only to build container images (AwsSolutions-CB3 flags it).
     * @default false
     */
    readonly privilegedMode?: boolean;
    /** The build's environment: plain text, or read from Secrets Manager or Parameter Store. @default - none */
    readonly environmentVariables?: readonly BuildVariable[];
    /** Run builds inside these private subnets with these security groups. @default - no VPC */
    readonly vpc?: BuildVpc;
    /** Keep the buildspec's `cache.paths` in S3 between builds. @default - no cache */
    readonly cache?: BuildCache;
    /** @default 60 */
    readonly buildTimeoutMinutes?: number;
    /** @default 480 */
    readonly queuedTimeoutMinutes?: number;
    /**
     * Full names when the design fixes them (e.g. `unit-test-project-<env>` and
     * `/aws/codebuild/unit-test-<env>`), checked against the same rules.
     * @default - project `<system>-<projectName>-<suffix>`, log group `/aws/codebuild/<project>`
     */
    readonly fullNames?: { readonly project?: string; readonly logGroup?: string };
    /**
     * A role shared with other projects (e.g. one `codebuild-role-<env>` for a pipeline's builds),
     * trusted by codebuild.amazonaws.com: this project's statements become customer-managed
     * policies of their own on it, `<role>-<projectName>-<part>`, and no role is created.
     * @default - a role of its own, `<system>-<projectName>-<suffix>`
     */
    readonly sharedRole?: ServiceRole;
    /**
     * Report groups for the buildspec's `reports` section, by report name and type. CodeBuild
     * resolves report `<name>` of project `<project>` to the group `<project>-<name>`; creating the
     * groups here, rather than letting builds create them, keeps them tagged and the role scoped to
     * exactly these groups. Raw results stay in CodeBuild for 30 days (no S3 export).
     * @default - none
     */
    readonly reportGroups?: Readonly<Record<string, "TEST" | "CODE_COVERAGE">>;
}

export class BuildProject extends pulumi.ComponentResource implements Grantee {
    /** @internal */
    readonly project: aws.codebuild.Project;
    /** @internal The build's role (its own, or the shared one): grant to the project itself. */
    readonly role: ServiceRole;
    /** @internal */
    readonly logGroup: aws.cloudwatch.LogGroup;
    /** @internal */
    readonly reportGroups: aws.codebuild.ReportGroup[] = [];
    /** The project's ARN. */
    readonly arn: pulumi.Output<string>;
    /** The checked project name, known before deployment. */
    readonly projectName: string;
    /** The same name as an output, for stack outputs. */
    readonly name: pulumi.Output<string>;
    private readonly shared: boolean;
    private readonly resourceKey: string;

    constructor(name: string, args: BuildProjectArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:codebuild:BuildProject`, name, {}, opts);
        const problems = buildProblems(args);
        if (problems.length > 0) throw new Error(`BuildProject ${name}: ${problems.join("; ")}`);
        const child = { parent: this };
        this.projectName =
            args.fullNames?.project !== undefined ? args.namer.custom(args.fullNames.project, args.projectName, "codeBuildProject") : args.namer.name(args.projectName, "codeBuildProject");
        const partition = aws.getPartitionOutput({}, child).partition;
        const region = aws.getRegionOutput({}, child).region;
        const account = aws.getCallerIdentityOutput({}, child).accountId;

        // CodeBuild would create its group on the first build, unencrypted and kept forever; the
        // project names this one, so it exists, with the key and retention, before any build runs.
        this.logGroup = logGroup(
            `${name}-logs`,
            { logGroupName: args.fullNames?.logGroup ?? `/aws/codebuild/${this.projectName}`, retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArn, tags: args.tags },
            child,
        );

        const policies = this.buildPolicies(name, args, { partition, region, account });

        this.shared = args.sharedRole !== undefined;
        this.resourceKey = args.projectName;
        const role = this.createRole(name, args, policies);
        this.role = role.role;

        this.project = this.createProject(name, args, role.permissions);
        this.arn = this.project.arn;
        this.name = this.project.name;
        this.registerOutputs({ arn: this.arn, name: this.projectName, roleArn: this.role.arn, logGroup: this.logGroup.name });
    }

    // By policy name; creates the report groups on the way, as their ARNs go in the build policy.
    private buildPolicies(name: string, args: BuildProjectArgs, where: Where): Record<string, Statement[]> {
        const policies: Record<string, Statement[]> = {
            build: [
                {
                    Sid: "WriteOwnLogs",
                    // Both actions are authorized on log streams: the group's own ARN would grant nothing.
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: pulumi.interpolate`${this.logGroup.arn}:log-stream:*`,
                },
                {
                    Sid: "PipelineArtifacts",
                    Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
                    Resource: pulumi.interpolate`${args.artifactBucketArn}/*`,
                },
                { Sid: "ArtifactBucket", Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"], Resource: args.artifactBucketArn },
                { Sid: "CustomerKey", Action: [...KEY_USE_ACTIONS], Resource: args.kmsKeyArn },
                ...variableStatements(args.environmentVariables ?? [], where),
            ],
        };
        if (args.vpc) policies.vpc = vpcStatements(args.vpc, where);
        if (args.cache) policies.cache = cacheStatements(args.cache);
        for (const [report, type] of Object.entries(args.reportGroups ?? {})) {
            const groupName = `${this.projectName}-${report}`;
            if (groupName.length > 128) throw new Error(`BuildProject ${name}: report group name "${groupName}" is longer than CodeBuild's 128 characters`);
            this.reportGroups.push(
                new aws.codebuild.ReportGroup(
                    `${name}-${report}`,
                    { name: groupName, type, exportConfig: { type: "NO_EXPORT" }, deleteReports: true, tags: args.tags },
                    { parent: this },
                ),
            );
        }
        if (this.reportGroups.length > 0) {
            policies.build!.push({
                Sid: "PublishReports",
                Action: ["codebuild:CreateReport", "codebuild:UpdateReport", "codebuild:BatchPutTestCases", "codebuild:BatchPutCodeCoverages"],
                Resource: this.reportGroups.map((g) => g.arn),
            });
        }
        return policies;
    }

    // `permissions` are what the project must wait for: the own role, or the policies attached to the shared one.
    private createRole(name: string, args: BuildProjectArgs, policies: Record<string, Statement[]>): { role: ServiceRole; permissions: pulumi.Resource[] } {
        if (args.sharedRole !== undefined) {
            const shared = args.sharedRole;
            const permissions = Object.entries(policies).map(([key, statements]) => shared.attachPolicy(`${args.projectName}-${key}`, statements, { parent: this }));
            return { role: shared, permissions };
        }
        const role = new ServiceRole(
            `${name}-role`,
            {
                namer: args.namer,
                tags: args.tags,
                roleName: args.projectName,
                description: `CodeBuild project ${this.projectName}`,
                services: ["codebuild.amazonaws.com"],
                policies,
            },
            { parent: this },
        );
        return { role, permissions: [role] };
    }

    private createProject(name: string, args: BuildProjectArgs, permissions: pulumi.Resource[]): aws.codebuild.Project {
        return new aws.codebuild.Project(
            name,
            {
                name: this.projectName,
                description: args.description,
                serviceRole: this.role.arn,
                encryptionKey: args.kmsKeyArn,
                buildTimeout: args.buildTimeoutMinutes ?? 60,
                queuedTimeout: args.queuedTimeoutMinutes ?? 480,
                source: { type: "CODEPIPELINE", buildspec: renderBuildspec(args.buildspec) },
                artifacts: { type: "CODEPIPELINE" },
                ...(args.cache ? { cache: { type: "S3", location: pulumi.interpolate`${args.cache.bucketName}/${args.cache.prefix}` } } : {}),
                environment: {
                    type: "LINUX_CONTAINER",
                    computeType: args.computeType ?? "BUILD_GENERAL1_SMALL",
                    image: args.image ?? DEFAULT_BUILD_IMAGE,
                    imagePullCredentialsType: "CODEBUILD",
                    privilegedMode: args.privilegedMode ?? false,
                    environmentVariables: (args.environmentVariables ?? []).map(toEnvironmentVariable),
                },
                logsConfig: {
                    cloudwatchLogs: { status: "ENABLED", groupName: this.logGroup.name },
                    s3Logs: { status: "DISABLED" },
                },
                ...(args.vpc
                    ? { vpcConfig: { vpcId: args.vpc.vpcId, subnets: [...args.vpc.subnetIds], securityGroupIds: [...args.vpc.securityGroupIds] } }
                    : {}),
                tags: args.tags,
            },
            // The role's policies must be attached before CodeBuild validates the VPC permissions.
            { parent: this, dependsOn: permissions },
        );
    }

    /** Grants go to the build's role: on a shared role as `<role>-<projectName>-<key>`, under this project. */
    grant(key: string, statements: readonly Statement[]): void {
        if (this.shared) this.role.attachPolicy(`${this.resourceKey}-${key}`, statements, { parent: this });
        else this.role.grant(key, statements);
    }
}

/** What is wrong with the arguments, all at once. */
export function buildProblems(
    args: Pick<BuildProjectArgs, "environmentVariables" | "vpc" | "buildTimeoutMinutes" | "queuedTimeoutMinutes" | "cache" | "fullNames" | "reportGroups">,
): string[] {
    const problems: string[] = [];
    for (const report of Object.keys(args.reportGroups ?? {})) {
        if (!/^[A-Za-z0-9_-]+$/.test(report)) problems.push(`report group "${report}" must be letters, digits, - and _ (it becomes <project>-<report>)`);
    }
    const group = args.fullNames?.logGroup;
    if (group !== undefined && !/^[\w\-./#]{1,512}$/.test(group)) problems.push(`fullNames.logGroup "${group}" must be 1-512 letters, digits and _-./#`);
    if (args.cache && !/^[A-Za-z0-9!_.*'()-]+(?:\/[A-Za-z0-9!_.*'()-]+)*$/.test(args.cache.prefix)) {
        problems.push(`cache.prefix "${args.cache.prefix}" must be an S3 key prefix without leading or trailing slashes`);
    }
    const names = new Set<string>();
    for (const v of args.environmentVariables ?? []) {
        if (names.has(v.name)) problems.push(`environment variable ${v.name} is given twice`);
        names.add(v.name);
        if ((v.type ?? "PLAINTEXT") === "PLAINTEXT" && ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"].includes(v.name)) {
            problems.push(`${v.name} must not be a plain-text variable (CodeBuild.2): the build's role gives it credentials, or use SECRETS_MANAGER`);
        }
    }
    if (args.vpc && (args.vpc.subnetIds.length === 0 || args.vpc.securityGroupIds.length === 0)) {
        problems.push("vpc needs at least one subnet and one security group");
    }
    const build = args.buildTimeoutMinutes;
    if (build !== undefined && (!Number.isInteger(build) || build < 5 || build > 2160)) problems.push(`buildTimeoutMinutes must be 5 to 2160, got ${build}`);
    const queued = args.queuedTimeoutMinutes;
    if (queued !== undefined && (!Number.isInteger(queued) || queued < 5 || queued > 480)) problems.push(`queuedTimeoutMinutes must be 5 to 480, got ${queued}`);
    return problems;
}

function toEnvironmentVariable(v: BuildVariable): aws.types.input.codebuild.ProjectEnvironmentEnvironmentVariable {
    switch (v.type) {
        case "SECRETS_MANAGER":
            return { name: v.name, type: "SECRETS_MANAGER", value: v.jsonKey === undefined ? v.secret.arn : pulumi.interpolate`${v.secret.arn}:${v.jsonKey}` };
        case "PARAMETER_STORE":
            return { name: v.name, type: "PARAMETER_STORE", value: v.parameterName };
        default:
            return { name: v.name, type: "PLAINTEXT", value: v.value };
    }
}

interface Where {
    readonly partition: pulumi.Input<string>;
    readonly region: pulumi.Input<string>;
    readonly account: pulumi.Input<string>;
}

/** Read access to exactly the secrets and parameters the variables name. */
function variableStatements(variables: readonly BuildVariable[], where: Where): Statement[] {
    const secrets = variables.flatMap((v) => (v.type === "SECRETS_MANAGER" ? [v.secret] : []));
    const parameters = variables.flatMap((v) =>
        v.type === "PARAMETER_STORE" ? [pulumi.interpolate`arn:${where.partition}:ssm:${where.region}:${where.account}:parameter/${v.parameterName.replace(/^\//, "")}`] : [],
    );
    return [
        ...secretReadStatements(secrets, where.region, "ReadBuildSecrets"),
        ...(parameters.length > 0 ? [{ Sid: "ReadBuildParameters", Action: ["ssm:GetParameters"], Resource: parameters }] : []),
    ];
}

/** Read and write the project's cache prefix, and find the bucket, as CodeBuild's S3 cache does. */
export function cacheStatements(cache: BuildCache): Statement[] {
    return [
        { Sid: "BuildCacheObjects", Action: ["s3:GetObject", "s3:PutObject"], Resource: pulumi.interpolate`${cache.bucketArn}/${cache.prefix}/*` },
        { Sid: "BuildCacheBucket", Action: ["s3:GetBucketAcl", "s3:GetBucketLocation"], Resource: cache.bucketArn },
    ];
}

/**
 * What CodeBuild needs to place a build in a VPC, as tightly as EC2 allows: the Describe calls
 * support no resource-level permissions, so they name "*"; creating an interface is limited to
 * the given subnets and security groups; deleting one and letting CodeBuild attach it are limited
 * to interfaces in those subnets.
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface
 */
export function vpcStatements(vpc: BuildVpc, where: Where): Statement[] {
    const ec2 = (resource: pulumi.Input<string>) => pulumi.interpolate`arn:${where.partition}:ec2:${where.region}:${where.account}:${resource}`;
    const subnetArns = vpc.subnetIds.map((id) => ec2(pulumi.interpolate`subnet/${id}`));
    const interfaces = ec2("network-interface/*");
    return [
        {
            Sid: "DescribeNetwork",
            Action: ["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"],
            Resource: "*",
        },
        {
            Sid: "CreateInterfacesInBuildSubnets",
            Action: "ec2:CreateNetworkInterface",
            Resource: [interfaces, ...subnetArns, ...vpc.securityGroupIds.map((id) => ec2(pulumi.interpolate`security-group/${id}`))],
        },
        {
            Sid: "DeleteOwnInterfaces",
            Action: "ec2:DeleteNetworkInterface",
            Resource: interfaces,
            Condition: { StringEquals: { "ec2:Vpc": ec2(pulumi.interpolate`vpc/${vpc.vpcId}`) } },
        },
        {
            Sid: "AttachInterfacesForCodeBuild",
            Action: "ec2:CreateNetworkInterfacePermission",
            Resource: interfaces,
            Condition: { StringEquals: { "ec2:Subnet": subnetArns, "ec2:AuthorizedService": "codebuild.amazonaws.com" } },
        },
    ];
}
