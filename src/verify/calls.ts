/**
 * Every AWS call the verifier makes, keyed by the IAM action that authorises it: the one home
 * of the verifier's permissions. Each entry sends the call and says which resource IAM
 * authorises it against (`arn`), or has no `arn` when the Service Authorization Reference gives
 * the action no resource type (only `Resource: "*"` grants it). Checks call through
 * `Verifier.call(action, input)` and declare the actions they use; `policy.ts` writes the IAM
 * policy from the calls a run makes and these ARNs, and tests hold the policy to the reference
 * and to the calls. Every entry is a read: nothing here can change the account. Listing calls
 * go through the SDK's paginators.
 */
import { CloudWatchClient, paginateDescribeAlarms } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, paginateDescribeLogGroups } from "@aws-sdk/client-cloudwatch-logs";
import { BatchGetProjectsCommand, CodeBuildClient } from "@aws-sdk/client-codebuild";
import { CodeCommitClient, GetRepositoryCommand } from "@aws-sdk/client-codecommit";
import { CodeDeployClient, GetDeploymentGroupCommand } from "@aws-sdk/client-codedeploy";
import { CodePipelineClient, GetPipelineCommand, ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import { CodeStarConnectionsClient, GetConnectionCommand } from "@aws-sdk/client-codestar-connections";
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, paginateScan } from "@aws-sdk/client-dynamodb";
import {
    EC2Client,
    paginateDescribeInternetGateways,
    paginateDescribeNatGateways,
    paginateDescribeRouteTables,
    paginateDescribeSecurityGroupRules,
    paginateDescribeSecurityGroups,
    paginateDescribeSubnets,
    paginateDescribeVpcs,
} from "@aws-sdk/client-ec2";
import { DescribeRepositoriesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { DescribeClustersCommand, DescribeServicesCommand, ECSClient } from "@aws-sdk/client-ecs";
import {
    DescribeTargetGroupsCommand,
    DescribeTargetHealthCommand,
    ElasticLoadBalancingV2Client,
    paginateDescribeListeners,
    paginateDescribeLoadBalancers,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { ElastiCacheClient, paginateDescribeReplicationGroups } from "@aws-sdk/client-elasticache";
import { DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { DescribeStreamSummaryCommand, KinesisClient } from "@aws-sdk/client-kinesis";
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient } from "@aws-sdk/client-kms";
import { GetFunctionConfigurationCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import {
    GetBucketEncryptionCommand,
    GetBucketLifecycleConfigurationCommand,
    GetBucketVersioningCommand,
    GetPublicAccessBlockCommand,
    S3Client,
} from "@aws-sdk/client-s3";
import { DescribeSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { GetTopicAttributesCommand, paginateListSubscriptionsByTopic, SNSClient } from "@aws-sdk/client-sns";

/** Client settings: the standard credential chain and region; AWS_ENDPOINT_URL is read by the SDK itself. */
export interface ClientSettings {
    readonly region: string;
    /** Retries with client-side rate limiting, so throttling slows a run down instead of failing it. */
    readonly maxAttempts: number;
    readonly retryMode: "adaptive" | "standard";
}

type Ctor<C> = new (config: ClientSettings) => C;

/** One client per service, made on first use; `prepare` may add middleware to each (the policy writer's dry run). */
export class Clients {
    private readonly made = new Map<unknown, unknown>();
    constructor(
        private readonly settings: ClientSettings,
        private readonly prepare?: (client: object) => void,
    ) {}
    get<C extends object>(ctor: Ctor<C>): C {
        if (!this.made.has(ctor)) {
            const client = new ctor(this.settings);
            this.prepare?.(client);
            this.made.set(ctor, client);
        }
        return this.made.get(ctor) as C;
    }
}

async function all<P, T>(pages: AsyncIterable<P>, pick: (page: P) => readonly T[] | undefined): Promise<T[]> {
    const items: T[] = [];
    for await (const page of pages) items.push(...(pick(page) ?? []));
    return items;
}

/** Where a call's ARN is: the stack's partition and region, and the account (`*` in a policy written before deployment). */
export interface Place {
    readonly partition: string;
    readonly region: string;
    readonly account: string;
}

/** One read: how to send it, and the resources IAM authorises it against. */
export interface Call<I, O> {
    readonly send: (c: Clients, input: I) => Promise<O>;
    /**
     * The ARNs the call acts on, as IAM matches them: a part AWS assigns and the input does not
     * carry (a key id behind an alias, a secret's random suffix) is a wildcard. Absent when the
     * action supports no resource type.
     */
    readonly arn?: (input: I, at: Place) => readonly string[];
}

function read<I, O>(send: (c: Clients, input: I) => Promise<O>, arn?: (input: I, at: Place) => readonly string[]): Call<I, O> {
    return arn === undefined ? { send } : { send, arn };
}

const arnIn = (service: string, resource: string, at: Place) => `arn:${at.partition}:${service}:${at.region}:${at.account}:${resource}`;
type Filters = { Filters: { Name: string; Values: string[] }[] };

/** The secret's ARN: Secrets Manager appends six random characters to a name, and RDS names the secret it manages `rds!db-<uuid>`. */
function secretArn(id: string, at: Place): string {
    const name = id.startsWith("arn:") ? id.slice(id.indexOf(":secret:") + 8) : `${id}-??????`;
    return arnIn("secretsmanager", `secret:${name.startsWith("rds!") ? "rds!db-*" : name}`, at);
}

export const CALLS = {
    "ec2:DescribeVpcs": read((c, input: Filters) => all(paginateDescribeVpcs({ client: c.get(EC2Client) }, input), (p) => p.Vpcs)),
    "ec2:DescribeSubnets": read((c, input: Filters) => all(paginateDescribeSubnets({ client: c.get(EC2Client) }, input), (p) => p.Subnets)),
    "ec2:DescribeNatGateways": read((c, input: { Filter: { Name: string; Values: string[] }[] }) => all(paginateDescribeNatGateways({ client: c.get(EC2Client) }, input), (p) => p.NatGateways)),
    "ec2:DescribeInternetGateways": read((c, input: Filters) => all(paginateDescribeInternetGateways({ client: c.get(EC2Client) }, input), (p) => p.InternetGateways)),
    "ec2:DescribeRouteTables": read((c, input: Filters) => all(paginateDescribeRouteTables({ client: c.get(EC2Client) }, input), (p) => p.RouteTables)),
    "ec2:DescribeSecurityGroups": read((c, input: Filters) => all(paginateDescribeSecurityGroups({ client: c.get(EC2Client) }, input), (p) => p.SecurityGroups)),
    "ec2:DescribeSecurityGroupRules": read((c, input: Filters) => all(paginateDescribeSecurityGroupRules({ client: c.get(EC2Client) }, input), (p) => p.SecurityGroupRules)),
    // A key is found by its alias, and its id is AWS's: the reference offers no alias condition for GetKeyRotationStatus.
    "kms:DescribeKey": read((c, input: { KeyId: string }) => c.get(KMSClient).send(new DescribeKeyCommand(input)), (_, at) => [arnIn("kms", "key/*", at)]),
    "kms:GetKeyRotationStatus": read((c, input: { KeyId: string }) => c.get(KMSClient).send(new GetKeyRotationStatusCommand(input)), (_, at) => [arnIn("kms", "key/*", at)]),
    "kinesis:DescribeStreamSummary": read((c, input: { StreamName: string }) => c.get(KinesisClient).send(new DescribeStreamSummaryCommand(input)), (i, at) => [arnIn("kinesis", `stream/${i.StreamName}`, at)]),
    "rds:DescribeDBInstances": read((c, input: { DBInstanceIdentifier: string }) => c.get(RDSClient).send(new DescribeDBInstancesCommand(input)), (i, at) => [arnIn("rds", `db:${i.DBInstanceIdentifier}`, at)]),
    "elasticache:DescribeReplicationGroups": read(
        (c, input: { ReplicationGroupId: string }) => all(paginateDescribeReplicationGroups({ client: c.get(ElastiCacheClient) }, input), (p) => p.ReplicationGroups),
        (i, at) => [arnIn("elasticache", `replicationgroup:${i.ReplicationGroupId}`, at)],
    ),
    "secretsmanager:DescribeSecret": read((c, input: { SecretId: string }) => c.get(SecretsManagerClient).send(new DescribeSecretCommand(input)), (i, at) => [secretArn(i.SecretId, at)]),
    "ecr:DescribeRepositories": read((c, input: { repositoryNames: string[] }) => c.get(ECRClient).send(new DescribeRepositoriesCommand(input)), (i, at) => i.repositoryNames.map((n) => arnIn("ecr", `repository/${n}`, at))),
    "logs:DescribeLogGroups": read((c, input: { logGroupNamePrefix: string }) => all(paginateDescribeLogGroups({ client: c.get(CloudWatchLogsClient) }, input), (p) => p.logGroups)),
    "cloudwatch:DescribeAlarms": read(
        (c, input: { AlarmNames: string[] }) => all(paginateDescribeAlarms({ client: c.get(CloudWatchClient) }, input), (p) => p.MetricAlarms),
        (i, at) => i.AlarmNames.map((n) => arnIn("cloudwatch", `alarm:${n}`, at)),
    ),
    "ecs:DescribeClusters": read(
        (c, input: { clusters: string[]; include?: "SETTINGS"[] }) => c.get(ECSClient).send(new DescribeClustersCommand(input)),
        (i, at) => i.clusters.map((n) => arnIn("ecs", `cluster/${n}`, at)),
    ),
    "ecs:DescribeServices": read(
        (c, input: { cluster: string; services: string[] }) => c.get(ECSClient).send(new DescribeServicesCommand(input)),
        (i, at) => i.services.map((n) => arnIn("ecs", `service/${i.cluster}/${n}`, at)),
    ),
    "elasticloadbalancing:DescribeLoadBalancers": read((c, input: { Names: string[] }) => all(paginateDescribeLoadBalancers({ client: c.get(ElasticLoadBalancingV2Client) }, input), (p) => p.LoadBalancers)),
    "elasticloadbalancing:DescribeListeners": read((c, input: { LoadBalancerArn: string }) => all(paginateDescribeListeners({ client: c.get(ElasticLoadBalancingV2Client) }, input), (p) => p.Listeners)),
    "elasticloadbalancing:DescribeTargetGroups": read((c, input: { Names: string[] }) => c.get(ElasticLoadBalancingV2Client).send(new DescribeTargetGroupsCommand(input))),
    "elasticloadbalancing:DescribeTargetHealth": read((c, input: { TargetGroupArn: string }) => c.get(ElasticLoadBalancingV2Client).send(new DescribeTargetHealthCommand(input))),
    // S3's IAM actions are not always named like its API operations; bucket ARNs have no region or account.
    "s3:GetEncryptionConfiguration": read((c, input: { Bucket: string }) => c.get(S3Client).send(new GetBucketEncryptionCommand(input)), (i, at) => [`arn:${at.partition}:s3:::${i.Bucket}`]),
    "s3:GetBucketVersioning": read((c, input: { Bucket: string }) => c.get(S3Client).send(new GetBucketVersioningCommand(input)), (i, at) => [`arn:${at.partition}:s3:::${i.Bucket}`]),
    "s3:GetBucketPublicAccessBlock": read((c, input: { Bucket: string }) => c.get(S3Client).send(new GetPublicAccessBlockCommand(input)), (i, at) => [`arn:${at.partition}:s3:::${i.Bucket}`]),
    "s3:GetLifecycleConfiguration": read((c, input: { Bucket: string }) => c.get(S3Client).send(new GetBucketLifecycleConfigurationCommand(input)), (i, at) => [`arn:${at.partition}:s3:::${i.Bucket}`]),
    "sns:GetTopicAttributes": read((c, input: { TopicArn: string }) => c.get(SNSClient).send(new GetTopicAttributesCommand(input)), (i, at) => [arnIn("sns", i.TopicArn.slice(i.TopicArn.lastIndexOf(":") + 1), at)]),
    "sns:ListSubscriptionsByTopic": read(
        (c, input: { TopicArn: string }) => all(paginateListSubscriptionsByTopic({ client: c.get(SNSClient) }, input), (p) => p.Subscriptions),
        (i, at) => [arnIn("sns", i.TopicArn.slice(i.TopicArn.lastIndexOf(":") + 1), at)],
    ),
    // IAM is global: a role's ARN has no region.
    "iam:GetRole": read((c, input: { RoleName: string }) => c.get(IAMClient).send(new GetRoleCommand(input)), (i, at) => [`arn:${at.partition}:iam::${at.account}:role/${i.RoleName}`]),
    "codedeploy:GetDeploymentGroup": read(
        (c, input: { applicationName: string; deploymentGroupName: string }) => c.get(CodeDeployClient).send(new GetDeploymentGroupCommand(input)),
        (i, at) => [arnIn("codedeploy", `deploymentgroup:${i.applicationName}/${i.deploymentGroupName}`, at)],
    ),
    "codepipeline:GetPipeline": read((c, input: { name: string }) => c.get(CodePipelineClient).send(new GetPipelineCommand(input)), (i, at) => [arnIn("codepipeline", i.name, at)]),
    // One page: only the newest execution matters.
    "codepipeline:ListPipelineExecutions": read(
        (c, input: { pipelineName: string; maxResults: number }) => c.get(CodePipelineClient).send(new ListPipelineExecutionsCommand(input)),
        (i, at) => [arnIn("codepipeline", i.pipelineName, at)],
    ),
    "codebuild:BatchGetProjects": read((c, input: { names: string[] }) => c.get(CodeBuildClient).send(new BatchGetProjectsCommand(input)), (i, at) => i.names.map((n) => arnIn("codebuild", `project/${n}`, at))),
    "codecommit:GetRepository": read((c, input: { repositoryName: string }) => c.get(CodeCommitClient).send(new GetRepositoryCommand(input)), (i, at) => [arnIn("codecommit", i.repositoryName, at)]),
    // The CodeStar Connections API serves connections under both the codestar-connections and the
    // codeconnections ARN prefix, and its actions authorize both; the id is AWS's.
    // https://docs.aws.amazon.com/dtconsole/latest/userguide/rename.html
    "codestar-connections:GetConnection": read(
        (c, input: { ConnectionArn: string }) => c.get(CodeStarConnectionsClient).send(new GetConnectionCommand(input)),
        (_, at) => ["codestar-connections", "codeconnections"].map((prefix) => arnIn(prefix, "connection/*", at)),
    ),
    "lambda:GetFunctionConfiguration": read((c, input: { FunctionName: string }) => c.get(LambdaClient).send(new GetFunctionConfigurationCommand(input)), (i, at) => [arnIn("lambda", `function:${i.FunctionName}`, at)]),
    "dynamodb:DescribeTable": read((c, input: { TableName: string }) => c.get(DynamoDBClient).send(new DescribeTableCommand(input)), (i, at) => [arnIn("dynamodb", `table/${i.TableName}`, at)]),
    "dynamodb:DescribeContinuousBackups": read((c, input: { TableName: string }) => c.get(DynamoDBClient).send(new DescribeContinuousBackupsCommand(input)), (i, at) => [arnIn("dynamodb", `table/${i.TableName}`, at)]),
    // The one read of data: only the key attributes and the status of each record, to find the newest.
    "dynamodb:Scan": read(
        (c, input: { TableName: string; ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> }) => all(paginateScan({ client: c.get(DynamoDBClient) }, input), (p) => p.Items),
        (i, at) => [arnIn("dynamodb", `table/${i.TableName}`, at)],
    ),
    // Rules on the default event bus, the only one the programs use.
    "events:DescribeRule": read((c, input: { Name: string }) => c.get(EventBridgeClient).send(new DescribeRuleCommand(input)), (i, at) => [arnIn("events", `rule/${i.Name}`, at)]),
    // One page of up to 100: a rule has at most five targets.
    "events:ListTargetsByRule": read((c, input: { Rule: string }) => c.get(EventBridgeClient).send(new ListTargetsByRuleCommand(input)), (i, at) => [arnIn("events", `rule/${i.Rule}`, at)]),
} as const;

export type Action = keyof typeof CALLS;
export type CallInput<A extends Action> = Parameters<(typeof CALLS)[A]["send"]>[1];
export type CallOutput<A extends Action> = Awaited<ReturnType<(typeof CALLS)[A]["send"]>>;
export const ACTIONS = Object.keys(CALLS).sort() as Action[];

/** The ARNs a call acts on, or `["*"]` for an action that supports no resource type. */
export function callArns<A extends Action>(action: A, input: CallInput<A>, at: Place): readonly string[] {
    const entry = CALLS[action] as Call<CallInput<A>, unknown>;
    return entry.arn === undefined ? ["*"] : entry.arn(input, at);
}
