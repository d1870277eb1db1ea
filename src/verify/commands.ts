/**
 * Each action's SDK client and command: how an answer built from a plan (`fakeAnswers.ts`)
 * recognises a call, in the tests' fake account and in the policy writer's dry run.
 */
import { CloudWatchClient, DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { BatchGetProjectsCommand, CodeBuildClient } from "@aws-sdk/client-codebuild";
import { CodeCommitClient, GetRepositoryCommand } from "@aws-sdk/client-codecommit";
import { CodeDeployClient, GetDeploymentGroupCommand } from "@aws-sdk/client-codedeploy";
import { CodePipelineClient, GetPipelineCommand, ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import { CodeStarConnectionsClient, GetConnectionCommand } from "@aws-sdk/client-codestar-connections";
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import {
    DescribeInternetGatewaysCommand,
    DescribeNatGatewaysCommand,
    DescribeRouteTablesCommand,
    DescribeSecurityGroupRulesCommand,
    DescribeSecurityGroupsCommand,
    DescribeSubnetsCommand,
    DescribeVpcsCommand,
    EC2Client,
} from "@aws-sdk/client-ec2";
import { DescribeRepositoriesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { DescribeClustersCommand, DescribeServicesCommand, ECSClient } from "@aws-sdk/client-ecs";
import {
    DescribeListenersCommand,
    DescribeLoadBalancersCommand,
    DescribeTargetGroupsCommand,
    DescribeTargetHealthCommand,
    ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { DescribeReplicationGroupsCommand, ElastiCacheClient } from "@aws-sdk/client-elasticache";
import { DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand } from "@aws-sdk/client-eventbridge";
import { GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { DescribeStreamSummaryCommand, KinesisClient } from "@aws-sdk/client-kinesis";
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient } from "@aws-sdk/client-kms";
import { GetFunctionConfigurationCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { GetBucketEncryptionCommand, GetBucketLifecycleConfigurationCommand, GetBucketVersioningCommand, GetPublicAccessBlockCommand, S3Client } from "@aws-sdk/client-s3";
import { DescribeSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import type { Action } from "./calls";

export const COMMANDS: Record<Action, readonly [client: { name: string }, command: { name: string }]> = {
    "ec2:DescribeVpcs": [EC2Client, DescribeVpcsCommand],
    "ec2:DescribeSubnets": [EC2Client, DescribeSubnetsCommand],
    "ec2:DescribeNatGateways": [EC2Client, DescribeNatGatewaysCommand],
    "ec2:DescribeInternetGateways": [EC2Client, DescribeInternetGatewaysCommand],
    "ec2:DescribeRouteTables": [EC2Client, DescribeRouteTablesCommand],
    "ec2:DescribeSecurityGroups": [EC2Client, DescribeSecurityGroupsCommand],
    "ec2:DescribeSecurityGroupRules": [EC2Client, DescribeSecurityGroupRulesCommand],
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
    "elasticloadbalancing:DescribeLoadBalancers": [ElasticLoadBalancingV2Client, DescribeLoadBalancersCommand],
    "elasticloadbalancing:DescribeListeners": [ElasticLoadBalancingV2Client, DescribeListenersCommand],
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
    "events:DescribeRule": [EventBridgeClient, DescribeRuleCommand],
    "events:ListTargetsByRule": [EventBridgeClient, ListTargetsByRuleCommand],
};

/** The action a client's command is, by their names as the SDK's middleware context gives them. */
export function actionOf(clientName: string, commandName: string): Action | undefined {
    return (Object.keys(COMMANDS) as Action[]).find((a) => COMMANDS[a][0].name === clientName && COMMANDS[a][1].name === commandName);
}
