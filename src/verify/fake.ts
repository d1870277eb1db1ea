/**
 * For the verifier's tests: an account that answers every call the verifier makes the way a
 * correct deployment of a plan would, built from the plan itself, served to the real SDK
 * clients through aws-sdk-client-mock. A test breaks one answer at a time with `override`.
 */
import { CloudWatchClient, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { BatchGetProjectsCommand, CodeBuildClient } from "@aws-sdk/client-codebuild";
import { CodeCommitClient, GetRepositoryCommand } from "@aws-sdk/client-codecommit";
import { CodeDeployClient, GetDeploymentGroupCommand } from "@aws-sdk/client-codedeploy";
import { CodePipelineClient, GetPipelineCommand, ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import { CodeStarConnectionsClient, GetConnectionCommand } from "@aws-sdk/client-codestar-connections";
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import { DescribeNatGatewaysCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeRepositoriesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { DescribeClustersCommand, DescribeServicesCommand, ECSClient } from "@aws-sdk/client-ecs";
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { DescribeReplicationGroupsCommand, ElastiCacheClient } from "@aws-sdk/client-elasticache";
import { GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { DescribeStreamSummaryCommand, KinesisClient } from "@aws-sdk/client-kinesis";
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient } from "@aws-sdk/client-kms";
import { GetFunctionConfigurationCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { GetBucketEncryptionCommand, GetBucketLifecycleConfigurationCommand, GetBucketVersioningCommand, GetPublicAccessBlockCommand, S3Client } from "@aws-sdk/client-s3";
import { DescribeSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import { mockClient } from "aws-sdk-client-mock";
import type { StackPlan } from "../offline/model/types";
import type { Action } from "./calls";
import { answers, type Answer } from "./fakeAnswers";

/** Each action's client and command: how the mock recognises a call. */
const COMMANDS: Record<Action, [client: object, command: object]> = {
    "ec2:DescribeVpcs": [EC2Client, DescribeVpcsCommand],
    "ec2:DescribeSubnets": [EC2Client, DescribeSubnetsCommand],
    "ec2:DescribeNatGateways": [EC2Client, DescribeNatGatewaysCommand],
    "kms:DescribeKey": [KMSClient, DescribeKeyCommand],
    "kms:GetKeyRotationStatus": [KMSClient, GetKeyRotationStatusCommand],
    "kinesis:DescribeStreamSummary": [KinesisClient, DescribeStreamSummaryCommand],
    "rds:DescribeDBInstances": [RDSClient, DescribeDBInstancesCommand],
    "elasticache:DescribeReplicationGroups": [ElastiCacheClient, DescribeReplicationGroupsCommand],
    "secretsmanager:DescribeSecret": [SecretsManagerClient, DescribeSecretCommand],
    "ecr:DescribeRepositories": [ECRClient, DescribeRepositoriesCommand],
    "logs:DescribeLogGroups": [CloudWatchLogsClient, DescribeLogGroupsCommand],
    "cloudwatch:DescribeAlarms": [CloudWatchClient, DescribeAlarmsCommand],
    "ecs:DescribeClusters": [ECSClient, DescribeClustersCommand],
    "ecs:DescribeServices": [ECSClient, DescribeServicesCommand],
    "elasticloadbalancing:DescribeTargetGroups": [ElasticLoadBalancingV2Client, DescribeTargetGroupsCommand],
    "elasticloadbalancing:DescribeTargetHealth": [ElasticLoadBalancingV2Client, DescribeTargetHealthCommand],
    "s3:GetEncryptionConfiguration": [S3Client, GetBucketEncryptionCommand],
    "s3:GetBucketVersioning": [S3Client, GetBucketVersioningCommand],
    "s3:GetBucketPublicAccessBlock": [S3Client, GetPublicAccessBlockCommand],
    "s3:GetLifecycleConfiguration": [S3Client, GetBucketLifecycleConfigurationCommand],
    "sns:GetTopicAttributes": [SNSClient, GetTopicAttributesCommand],
    "sns:ListSubscriptionsByTopic": [SNSClient, ListSubscriptionsByTopicCommand],
    "iam:GetRole": [IAMClient, GetRoleCommand],
    "codedeploy:GetDeploymentGroup": [CodeDeployClient, GetDeploymentGroupCommand],
    "codepipeline:GetPipeline": [CodePipelineClient, GetPipelineCommand],
    "codepipeline:ListPipelineExecutions": [CodePipelineClient, ListPipelineExecutionsCommand],
    "codebuild:BatchGetProjects": [CodeBuildClient, BatchGetProjectsCommand],
    "codecommit:GetRepository": [CodeCommitClient, GetRepositoryCommand],
    "codestar-connections:GetConnection": [CodeStarConnectionsClient, GetConnectionCommand],
    "lambda:GetFunctionConfiguration": [LambdaClient, GetFunctionConfigurationCommand],
    "dynamodb:DescribeTable": [DynamoDBClient, DescribeTableCommand],
    "dynamodb:DescribeContinuousBackups": [DynamoDBClient, DescribeContinuousBackupsCommand],
    "dynamodb:Scan": [DynamoDBClient, ScanCommand],
};

/** The part of aws-sdk-client-mock's stub used here, without its per-client generics. */
interface Stub {
    on(command: never): { callsFake(fn: (input: Record<string, unknown>) => unknown): unknown };
    restore(): void;
}

export type Override = (input: Record<string, unknown>, correct: Answer) => unknown;

export interface FakeAccount {
    /** Replace one action's answer (return the broken response, or throw an SDK-shaped error). */
    override(action: Action, fn: Override): void;
    /** Requests the account saw, per action. */
    readonly requests: Map<Action, Record<string, unknown>[]>;
    restore(): void;
}

/** An SDK service error as the SDK deserialises one (name and HTTP status). */
export function serviceError(name: string, status = 400): Error {
    return Object.assign(new Error(`${name}: simulated`), { name, $fault: "client", $metadata: { httpStatusCode: status } });
}

export function fakeAccount(plan: StackPlan): FakeAccount {
    const correct = answers(plan);
    const overrides = new Map<Action, Override>();
    const requests = new Map<Action, Record<string, unknown>[]>();
    const stubs = new Map<object, Stub>();
    for (const [action, [client, command]] of Object.entries(COMMANDS) as [Action, [object, object]][]) {
        if (!stubs.has(client)) stubs.set(client, mockClient(client as never) as unknown as Stub);
        stubs.get(client)!.on(command as never).callsFake((input) => {
            // A copy: the SDK's paginators reuse one input object from page to page.
            requests.set(action, [...(requests.get(action) ?? []), { ...input }]);
            const answer = correct[action];
            const override = overrides.get(action);
            return override ? override(input, answer) : answer(input);
        });
    }
    return {
        override: (action, fn) => overrides.set(action, fn),
        requests,
        restore: () => stubs.forEach((s) => s.restore()),
    };
}
