/**
 * AWS's name rules for every named resource type the four systems create: the one table that
 * both the Namer (which builds names) and the pack's DEPLOY.NameLimits (which checks them) read.
 * Each row's `source` is the API reference stating the rule; where the CloudFormation
 * specification states a length too, `inputs.test.ts` checks that it agrees.
 */

/** A rule beyond length and character set, with the words a message uses for it. */
interface NameRule {
    readonly text: string;
    readonly ok: (name: string) => boolean;
}

const LETTER_FIRST: NameRule = { text: "must start with a letter", ok: (n) => /^[A-Za-z]/.test(n) };
const NO_EDGE_HYPHEN: NameRule = { text: "must not start or end with a hyphen", ok: (n) => !n.startsWith("-") && !n.endsWith("-") };
const NO_TRAILING_HYPHEN: NameRule = { text: "must not end with a hyphen", ok: (n) => !n.endsWith("-") };
const NO_DOUBLE_HYPHEN: NameRule = { text: "must not contain two consecutive hyphens", ok: (n) => !n.includes("--") };
const noPrefix = (prefix: string): NameRule => ({ text: `must not start with "${prefix}"`, ok: (n) => !n.startsWith(prefix) });
const BUCKET_SHAPE: NameRule = {
    text: "must start and end with a letter or digit, have no two adjacent periods, and not look like an IP address",
    ok: (n) => /^[A-Za-z0-9](?:.*[A-Za-z0-9])?$/.test(n) && !n.includes("..") && !/^\d+\.\d+\.\d+\.\d+$/.test(n),
};

export interface NameLimit {
    /** The `@pulumi/aws` v7 type token. */
    readonly type: string;
    /** The resource in the AWS user's words. */
    readonly resource: string;
    /** The input that carries the explicit name. */
    readonly input: string;
    readonly min: number;
    readonly max: number;
    readonly charset: RegExp;
    readonly charsetText: string;
    readonly rules: readonly NameRule[];
    readonly source: string;
}

const ALNUM_HYPHEN = /^[A-Za-z0-9-]+$/;
const LOWER_ALNUM_HYPHEN = /^[a-z0-9-]+$/;
const IAM_CHARS = /^[\w+=,.@-]+$/;
const ECS_CHARS = /^[A-Za-z0-9_-]+$/;
const ANY = /^[\s\S]+$/;

const lb = (type: string, resource: string, rules: readonly NameRule[], source: string): NameLimit => ({
    type,
    resource,
    input: "name",
    min: 1,
    max: 32,
    charset: ALNUM_HYPHEN,
    charsetText: "letters, digits and hyphens",
    rules,
    source,
});
const LB_SOURCE = "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html";
const TG_SOURCE = "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html";
const RDS_ID: Omit<NameLimit, "type" | "resource" | "input"> = {
    min: 1,
    max: 63,
    charset: LOWER_ALNUM_HYPHEN,
    charsetText: "lowercase letters, digits and hyphens",
    rules: [LETTER_FIRST, NO_DOUBLE_HYPHEN, NO_TRAILING_HYPHEN],
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html",
};
const BUCKET: Omit<NameLimit, "type"> = {
    resource: "S3 bucket",
    input: "bucket",
    min: 3,
    max: 63,
    charset: /^[a-z0-9.-]+$/,
    charsetText: "lowercase letters, digits, hyphens and periods",
    rules: [BUCKET_SHAPE, noPrefix("xn--")],
    source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html",
};

/**
 * AWS's name limits for every named resource type the four systems create, from each service's
 * API reference (the `source` of each row); the facts are collected in
 * the API reference of each service.
 */
export const NAME_LIMITS: readonly NameLimit[] = [
    lb("aws:lb/loadBalancer:LoadBalancer", "Load balancer (ALB/NLB)", [NO_EDGE_HYPHEN, noPrefix("internal-")], LB_SOURCE),
    lb("aws:alb/loadBalancer:LoadBalancer", "Load balancer (ALB/NLB)", [NO_EDGE_HYPHEN, noPrefix("internal-")], LB_SOURCE),
    lb("aws:lb/targetGroup:TargetGroup", "Target group", [NO_EDGE_HYPHEN], TG_SOURCE),
    lb("aws:alb/targetGroup:TargetGroup", "Target group", [NO_EDGE_HYPHEN], TG_SOURCE),
    { type: "aws:elasticache/replicationGroup:ReplicationGroup", resource: "ElastiCache replication group id", input: "replicationGroupId", min: 1, max: 40, charset: LOWER_ALNUM_HYPHEN, charsetText: "lowercase letters, digits and hyphens", rules: [LETTER_FIRST, NO_DOUBLE_HYPHEN, NO_TRAILING_HYPHEN], source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html" },
    { type: "aws:elasticache/subnetGroup:SubnetGroup", resource: "ElastiCache subnet group", input: "name", min: 1, max: 255, charset: ALNUM_HYPHEN, charsetText: "letters, digits and hyphens", rules: [], source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheSubnetGroup.html" },
    { type: "aws:codestarconnections/connection:Connection", resource: "CodeStar connection", input: "name", min: 1, max: 32, charset: ANY, charsetText: "any characters", rules: [], source: "https://docs.aws.amazon.com/codestar-connections/latest/APIReference/API_CreateConnection.html" },
    { type: "aws:codeconnections/connection:Connection", resource: "CodeConnections connection", input: "name", min: 1, max: 32, charset: ANY, charsetText: "any characters", rules: [], source: "https://docs.aws.amazon.com/codeconnections/latest/APIReference/API_CreateConnection.html" },
    { type: "aws:iam/role:Role", resource: "IAM role", input: "name", min: 1, max: 64, charset: IAM_CHARS, charsetText: "letters, digits and +=,.@_-", rules: [], source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html" },
    { type: "aws:iam/policy:Policy", resource: "IAM policy", input: "name", min: 1, max: 128, charset: IAM_CHARS, charsetText: "letters, digits and +=,.@_-", rules: [], source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html" },
    { type: "aws:iam/instanceProfile:InstanceProfile", resource: "IAM instance profile", input: "name", min: 1, max: 128, charset: IAM_CHARS, charsetText: "letters, digits and +=,.@_-", rules: [], source: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html" },
    { type: "aws:lambda/function:Function", resource: "Lambda function", input: "name", min: 1, max: 64, charset: /^[A-Za-z0-9_-]+$/, charsetText: "letters, digits, hyphens and underscores", rules: [], source: "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html" },
    { type: "aws:rds/instance:Instance", resource: "RDS instance identifier", input: "identifier", ...RDS_ID },
    { type: "aws:rds/cluster:Cluster", resource: "RDS cluster identifier", input: "clusterIdentifier", ...RDS_ID, source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html" },
    { type: "aws:rds/subnetGroup:SubnetGroup", resource: "RDS subnet group", input: "name", min: 1, max: 255, charset: /^[a-z0-9 ._-]+$/, charsetText: "lowercase letters, digits, spaces, periods, underscores and hyphens", rules: [{ text: 'must not be "default"', ok: (n) => n !== "default" }], source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBSubnetGroup.html" },
    { type: "aws:rds/parameterGroup:ParameterGroup", resource: "RDS parameter group", input: "name", min: 1, max: 255, charset: LOWER_ALNUM_HYPHEN, charsetText: "lowercase letters, digits and hyphens", rules: [LETTER_FIRST, NO_DOUBLE_HYPHEN, NO_TRAILING_HYPHEN], source: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBParameterGroup.html" },
    { type: "aws:s3/bucket:Bucket", ...BUCKET },
    { type: "aws:s3/bucketV2:BucketV2", ...BUCKET },
    { type: "aws:codepipeline/pipeline:Pipeline", resource: "CodePipeline pipeline", input: "name", min: 1, max: 100, charset: /^[A-Za-z0-9.@_-]+$/, charsetText: "letters, digits and .@_-", rules: [], source: "https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html" },
    { type: "aws:codecommit/repository:Repository", resource: "CodeCommit repository", input: "repositoryName", min: 1, max: 100, charset: /^[\w.-]+$/, charsetText: "letters, digits and ._-", rules: [], source: "https://docs.aws.amazon.com/codecommit/latest/APIReference/API_CreateRepository.html" },
    { type: "aws:codebuild/project:Project", resource: "CodeBuild project", input: "name", min: 2, max: 150, charset: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, charsetText: "letters, digits, hyphens and underscores, starting with a letter or digit", rules: [], source: "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html" },
    { type: "aws:codedeploy/application:Application", resource: "CodeDeploy application", input: "name", min: 1, max: 100, charset: ANY, charsetText: "any characters", rules: [], source: "https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateApplication.html" },
    { type: "aws:codedeploy/deploymentGroup:DeploymentGroup", resource: "CodeDeploy deployment group", input: "deploymentGroupName", min: 1, max: 100, charset: ANY, charsetText: "any characters", rules: [], source: "https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentGroup.html" },
    { type: "aws:ecr/repository:Repository", resource: "ECR repository", input: "name", min: 2, max: 256, charset: /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/, charsetText: "lowercase letters and digits, separated by single periods, underscores, hyphens or slashes", rules: [], source: "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html" },
    { type: "aws:ecs/cluster:Cluster", resource: "ECS cluster", input: "name", min: 1, max: 255, charset: ECS_CHARS, charsetText: "letters, digits, hyphens and underscores", rules: [], source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html" },
    { type: "aws:ecs/service:Service", resource: "ECS service", input: "name", min: 1, max: 255, charset: ECS_CHARS, charsetText: "letters, digits, hyphens and underscores", rules: [], source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html" },
    { type: "aws:ecs/taskDefinition:TaskDefinition", resource: "ECS task definition family", input: "family", min: 1, max: 255, charset: ECS_CHARS, charsetText: "letters, digits, hyphens and underscores", rules: [], source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html" },
    { type: "aws:cloudwatch/logGroup:LogGroup", resource: "CloudWatch log group", input: "name", min: 1, max: 512, charset: /^[A-Za-z0-9._/#-]+$/, charsetText: "letters, digits and ._/#-", rules: [], source: "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html" },
    { type: "aws:cloudwatch/eventRule:EventRule", resource: "EventBridge rule", input: "name", min: 1, max: 64, charset: /^[A-Za-z0-9._-]+$/, charsetText: "letters, digits and ._-", rules: [], source: "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html" },
    { type: "aws:cloudwatch/metricAlarm:MetricAlarm", resource: "CloudWatch alarm", input: "name", min: 1, max: 255, charset: ANY, charsetText: "any characters", rules: [], source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html" },
    { type: "aws:cloudwatch/dashboard:Dashboard", resource: "CloudWatch dashboard", input: "dashboardName", min: 1, max: 255, charset: /^[A-Za-z0-9_-]+$/, charsetText: "letters, digits, hyphens and underscores", rules: [], source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html" },
    { type: "aws:sns/topic:Topic", resource: "SNS topic", input: "name", min: 1, max: 256, charset: /^[A-Za-z0-9_-]+(\.fifo)?$/, charsetText: 'letters, digits, hyphens and underscores (FIFO topics end in ".fifo")', rules: [], source: "https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html" },
    { type: "aws:sqs/queue:Queue", resource: "SQS queue", input: "name", min: 1, max: 80, charset: /^[A-Za-z0-9_-]+(\.fifo)?$/, charsetText: 'letters, digits, hyphens and underscores (FIFO queues end in ".fifo")', rules: [], source: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html" },
    { type: "aws:dynamodb/table:Table", resource: "DynamoDB table", input: "name", min: 3, max: 255, charset: /^[A-Za-z0-9_.-]+$/, charsetText: "letters, digits and _.-", rules: [], source: "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html" },
    { type: "aws:kinesis/stream:Stream", resource: "Kinesis stream", input: "name", min: 1, max: 128, charset: /^[A-Za-z0-9_.-]+$/, charsetText: "letters, digits and _.-", rules: [], source: "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_CreateStream.html" },
    { type: "aws:secretsmanager/secret:Secret", resource: "Secrets Manager secret", input: "name", min: 1, max: 512, charset: /^[A-Za-z0-9/_+=.@-]+$/, charsetText: "letters, digits and /_+=.@-", rules: [], source: "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html" },
    { type: "aws:kms/alias:Alias", resource: "KMS alias", input: "name", min: 7, max: 256, charset: /^alias\/[A-Za-z0-9/_-]+$/, charsetText: '"alias/" followed by letters, digits and /_-', rules: [noPrefix("alias/aws/")], source: "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html" },
    { type: "aws:ec2/securityGroup:SecurityGroup", resource: "Security group", input: "name", min: 1, max: 255, charset: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/, charsetText: "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*", rules: [noPrefix("sg-")], source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html" },
];

const BY_TYPE: ReadonlyMap<string, NameLimit> = new Map(NAME_LIMITS.map((l) => [l.type, l]));

/** Every way `name` breaks `limit`, as sentences naming the limit. */
export function nameProblems(limit: NameLimit, name: string): string[] {
    const problems: string[] = [];
    if (name.length > limit.max) problems.push(`is ${name.length} characters; the limit is ${limit.max}`);
    if (name.length < limit.min) problems.push(`is ${name.length} characters; the minimum is ${limit.min}`);
    if (!limit.charset.test(name)) problems.push(`may contain only ${limit.charsetText}`);
    for (const rule of limit.rules) {
        if (!rule.ok(name)) problems.push(rule.text);
    }
    return problems;
}


/** The rule in words: "1-63 characters, letters, digits and hyphens; must start with a letter". */
export function nameRuleText(limit: NameLimit): string {
    const extra = limit.rules.map((r) => r.text);
    return [`${limit.resource} name: ${limit.min}-${limit.max} characters, ${limit.charsetText}`, ...extra].join("; ");
}

export function nameLimitOf(type: string): NameLimit | undefined {
    return BY_TYPE.get(type);
}

function limitOf(type: string): NameLimit {
    const limit = BY_TYPE.get(type);
    if (limit === undefined) throw new Error(`no name rule for ${type}`);
    return limit;
}

/**
 * The rule for a name whose resource type has no row above (alarms, log groups built from other
 * names): letters, digits and `_.-`, starting with a letter or digit. Stricter than any row it
 * stands in for, so a name that passes it passes AWS.
 */
export const GENERIC_NAME: NameLimit = {
    type: "*",
    resource: "resource",
    input: "name",
    min: 1,
    max: 255,
    charset: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/,
    charsetText: "letters, digits and _.-, starting with a letter or digit",
    rules: [],
    source: "the strictest of the rules above",
};

/** The kinds of name the Namer builds, each the row of its resource type. */
export const NAME_KINDS = {
    loadBalancer: limitOf("aws:lb/loadBalancer:LoadBalancer"),
    targetGroup: limitOf("aws:lb/targetGroup:TargetGroup"),
    elasticacheReplicationGroup: limitOf("aws:elasticache/replicationGroup:ReplicationGroup"),
    connection: limitOf("aws:codestarconnections/connection:Connection"),
    iamRole: limitOf("aws:iam/role:Role"),
    iamPolicy: limitOf("aws:iam/policy:Policy"),
    lambdaFunction: limitOf("aws:lambda/function:Function"),
    rdsInstance: limitOf("aws:rds/instance:Instance"),
    s3Bucket: limitOf("aws:s3/bucket:Bucket"),
    codePipeline: limitOf("aws:codepipeline/pipeline:Pipeline"),
    codeBuildProject: limitOf("aws:codebuild/project:Project"),
    ecrRepository: limitOf("aws:ecr/repository:Repository"),
    dynamodbTable: limitOf("aws:dynamodb/table:Table"),
    kinesisStream: limitOf("aws:kinesis/stream:Stream"),
    eventRule: limitOf("aws:cloudwatch/eventRule:EventRule"),
    snsTopic: limitOf("aws:sns/topic:Topic"),
    secret: limitOf("aws:secretsmanager/secret:Secret"),
    codeDeployApplication: limitOf("aws:codedeploy/application:Application"),
    codeDeployGroup: limitOf("aws:codedeploy/deploymentGroup:DeploymentGroup"),
    generic: GENERIC_NAME,
} as const satisfies Record<string, NameLimit>;

export type NameKind = keyof typeof NAME_KINDS;
