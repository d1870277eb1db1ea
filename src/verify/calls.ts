/**
 * Every AWS call the verifier makes, keyed by the IAM action that authorises it: the one home
 * of the verifier's permissions. Checks call through `Verifier.call(action, input)` and declare
 * the actions they use; `policy.ts` writes the IAM policy from this table, and a test holds the
 * policy, the declarations and the calls a full run makes to the same set. Every entry is a
 * read: nothing here can change the account. Listing calls go through the SDK's paginators.
 */
import { CloudWatchClient, paginateDescribeAlarms } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, paginateDescribeLogGroups } from "@aws-sdk/client-cloudwatch-logs";
import { BatchGetProjectsCommand, CodeBuildClient } from "@aws-sdk/client-codebuild";
import { CodeCommitClient, GetRepositoryCommand } from "@aws-sdk/client-codecommit";
import { CodeDeployClient, GetDeploymentGroupCommand } from "@aws-sdk/client-codedeploy";
import { CodePipelineClient, GetPipelineCommand, ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import { CodeStarConnectionsClient, GetConnectionCommand } from "@aws-sdk/client-codestar-connections";
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, paginateScan } from "@aws-sdk/client-dynamodb";
import { EC2Client, paginateDescribeNatGateways, paginateDescribeSubnets, paginateDescribeVpcs } from "@aws-sdk/client-ec2";
import { DescribeRepositoriesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { DescribeClustersCommand, DescribeServicesCommand, ECSClient } from "@aws-sdk/client-ecs";
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { ElastiCacheClient, paginateDescribeReplicationGroups } from "@aws-sdk/client-elasticache";
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

/** One client per service, made on first use. */
export class Clients {
    private readonly made = new Map<unknown, unknown>();
    constructor(private readonly settings: ClientSettings) {}
    get<C>(ctor: Ctor<C>): C {
        if (!this.made.has(ctor)) this.made.set(ctor, new ctor(this.settings));
        return this.made.get(ctor) as C;
    }
}

async function all<P, T>(pages: AsyncIterable<P>, pick: (page: P) => readonly T[] | undefined): Promise<T[]> {
    const items: T[] = [];
    for await (const page of pages) items.push(...(pick(page) ?? []));
    return items;
}

export const CALLS = {
    "ec2:DescribeVpcs": (c: Clients, input: { Filters: { Name: string; Values: string[] }[] }) =>
        all(paginateDescribeVpcs({ client: c.get(EC2Client) }, input), (p) => p.Vpcs),
    "ec2:DescribeSubnets": (c: Clients, input: { Filters: { Name: string; Values: string[] }[] }) =>
        all(paginateDescribeSubnets({ client: c.get(EC2Client) }, input), (p) => p.Subnets),
    "ec2:DescribeNatGateways": (c: Clients, input: { Filter: { Name: string; Values: string[] }[] }) =>
        all(paginateDescribeNatGateways({ client: c.get(EC2Client) }, input), (p) => p.NatGateways),
    "kms:DescribeKey": (c: Clients, input: { KeyId: string }) => c.get(KMSClient).send(new DescribeKeyCommand(input)),
    "kms:GetKeyRotationStatus": (c: Clients, input: { KeyId: string }) => c.get(KMSClient).send(new GetKeyRotationStatusCommand(input)),
    "kinesis:DescribeStreamSummary": (c: Clients, input: { StreamName: string }) => c.get(KinesisClient).send(new DescribeStreamSummaryCommand(input)),
    "rds:DescribeDBInstances": (c: Clients, input: { DBInstanceIdentifier: string }) => c.get(RDSClient).send(new DescribeDBInstancesCommand(input)),
    "elasticache:DescribeReplicationGroups": (c: Clients, input: { ReplicationGroupId: string }) =>
        all(paginateDescribeReplicationGroups({ client: c.get(ElastiCacheClient) }, input), (p) => p.ReplicationGroups),
    "secretsmanager:DescribeSecret": (c: Clients, input: { SecretId: string }) => c.get(SecretsManagerClient).send(new DescribeSecretCommand(input)),
    "ecr:DescribeRepositories": (c: Clients, input: { repositoryNames: string[] }) => c.get(ECRClient).send(new DescribeRepositoriesCommand(input)),
    "logs:DescribeLogGroups": (c: Clients, input: { logGroupNamePrefix: string }) =>
        all(paginateDescribeLogGroups({ client: c.get(CloudWatchLogsClient) }, input), (p) => p.logGroups),
    "cloudwatch:DescribeAlarms": (c: Clients, input: { AlarmNames: string[] }) =>
        all(paginateDescribeAlarms({ client: c.get(CloudWatchClient) }, input), (p) => p.MetricAlarms),
    "ecs:DescribeClusters": (c: Clients, input: { clusters: string[]; include?: ("SETTINGS")[] }) => c.get(ECSClient).send(new DescribeClustersCommand(input)),
    "ecs:DescribeServices": (c: Clients, input: { cluster: string; services: string[] }) => c.get(ECSClient).send(new DescribeServicesCommand(input)),
    "elasticloadbalancing:DescribeTargetGroups": (c: Clients, input: { Names: string[] }) =>
        c.get(ElasticLoadBalancingV2Client).send(new DescribeTargetGroupsCommand(input)),
    "elasticloadbalancing:DescribeTargetHealth": (c: Clients, input: { TargetGroupArn: string }) =>
        c.get(ElasticLoadBalancingV2Client).send(new DescribeTargetHealthCommand(input)),
    // S3's IAM actions are not always named like its API operations.
    "s3:GetEncryptionConfiguration": (c: Clients, input: { Bucket: string }) => c.get(S3Client).send(new GetBucketEncryptionCommand(input)),
    "s3:GetBucketVersioning": (c: Clients, input: { Bucket: string }) => c.get(S3Client).send(new GetBucketVersioningCommand(input)),
    "s3:GetBucketPublicAccessBlock": (c: Clients, input: { Bucket: string }) => c.get(S3Client).send(new GetPublicAccessBlockCommand(input)),
    "s3:GetLifecycleConfiguration": (c: Clients, input: { Bucket: string }) => c.get(S3Client).send(new GetBucketLifecycleConfigurationCommand(input)),
    "sns:GetTopicAttributes": (c: Clients, input: { TopicArn: string }) => c.get(SNSClient).send(new GetTopicAttributesCommand(input)),
    "sns:ListSubscriptionsByTopic": (c: Clients, input: { TopicArn: string }) =>
        all(paginateListSubscriptionsByTopic({ client: c.get(SNSClient) }, input), (p) => p.Subscriptions),
    "iam:GetRole": (c: Clients, input: { RoleName: string }) => c.get(IAMClient).send(new GetRoleCommand(input)),
    "codedeploy:GetDeploymentGroup": (c: Clients, input: { applicationName: string; deploymentGroupName: string }) =>
        c.get(CodeDeployClient).send(new GetDeploymentGroupCommand(input)),
    "codepipeline:GetPipeline": (c: Clients, input: { name: string }) => c.get(CodePipelineClient).send(new GetPipelineCommand(input)),
    // One page: only the newest execution matters.
    "codepipeline:ListPipelineExecutions": (c: Clients, input: { pipelineName: string; maxResults: number }) =>
        c.get(CodePipelineClient).send(new ListPipelineExecutionsCommand(input)),
    "codebuild:BatchGetProjects": (c: Clients, input: { names: string[] }) => c.get(CodeBuildClient).send(new BatchGetProjectsCommand(input)),
    "codecommit:GetRepository": (c: Clients, input: { repositoryName: string }) => c.get(CodeCommitClient).send(new GetRepositoryCommand(input)),
    // The CodeStar Connections API serves connections under both the codestar-connections and
    // the codeconnections ARN prefix; the IAM action follows the API's prefix.
    "codestar-connections:GetConnection": (c: Clients, input: { ConnectionArn: string }) =>
        c.get(CodeStarConnectionsClient).send(new GetConnectionCommand(input)),
    "lambda:GetFunctionConfiguration": (c: Clients, input: { FunctionName: string }) =>
        c.get(LambdaClient).send(new GetFunctionConfigurationCommand(input)),
    "dynamodb:DescribeTable": (c: Clients, input: { TableName: string }) => c.get(DynamoDBClient).send(new DescribeTableCommand(input)),
    "dynamodb:DescribeContinuousBackups": (c: Clients, input: { TableName: string }) =>
        c.get(DynamoDBClient).send(new DescribeContinuousBackupsCommand(input)),
    // Reads only the key attributes and the status of each record, to find the newest.
    "dynamodb:Scan": (c: Clients, input: { TableName: string; ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> }) =>
        all(paginateScan({ client: c.get(DynamoDBClient) }, input), (p) => p.Items),
} as const;

export type Action = keyof typeof CALLS;
export type CallInput<A extends Action> = Parameters<(typeof CALLS)[A]>[1];
export type CallOutput<A extends Action> = Awaited<ReturnType<(typeof CALLS)[A]>>;
export const ACTIONS = Object.keys(CALLS).sort() as Action[];
