/**
 * The access contracts: for each integration the programs wire, the calls AWS makes on the
 * stack's behalf, as AWS documents them. One row per call group; the derivers beside this file
 * turn a row into concrete calls (principal, resource ARN, request context) for one plan.
 *
 * Request context: a service principal calling another service sends `aws:SourceAccount` and
 * `aws:SourceArn` where the service's page says it does, and nothing where it says it does not
 * (EventBridge to an encrypted SNS topic: the key policy sees neither). A role using a key through
 * a service sends `kms:ViaService` and `kms:CallerAccount`, plus the service's encryption context.
 */

export interface ContractRow {
    /** Who calls, in the AWS user's words. */
    readonly principal: string;
    readonly when: "create" | "run";
    readonly actions: readonly string[];
    /** The request context AWS sends with the call, in the documentation's words. */
    readonly context: string;
    readonly doc: string;
}

const ECS_EXECUTION = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html";
const CODEBUILD_ROLE = "https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html";
const PIPELINE_ROLE = "https://docs.aws.amazon.com/codepipeline/latest/userguide/security-iam.html#how-to-custom-role";
const KMS_S3 = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#require-sse-kms";
const SNS_KMS = "https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services";

export const CONTRACTS = {
    "ecs.assume-role": {
        principal: "ecs-tasks.amazonaws.com",
        when: "run",
        actions: ["sts:AssumeRole"],
        context: "aws:SourceAccount",
        doc: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html#create_task_iam_policy_and_role",
    },
    "ecs.ecr-login": { principal: "task execution role", when: "run", actions: ["ecr:GetAuthorizationToken"], context: "none", doc: ECS_EXECUTION },
    "ecs.ecr-pull": {
        principal: "task execution role",
        when: "run",
        actions: ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
        context: "none",
        doc: ECS_EXECUTION,
    },
    "ecs.awslogs": { principal: "task execution role", when: "run", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], context: "none", doc: ECS_EXECUTION },
    "ecs.secret": {
        principal: "task execution role",
        when: "run",
        actions: ["secretsmanager:GetSecretValue"],
        context: "none",
        doc: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html",
    },
    "ecs.parameter": {
        principal: "task execution role",
        when: "run",
        actions: ["ssm:GetParameters"],
        context: "none",
        doc: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-ssm-paramstore.html",
    },
    // A task whose role is granted a secret, or whose environment names one, reads it itself (the
    // order service's database secret, which RDS rotates: services/orders/src/credentials.ts).
    "ecs.task.secret": {
        principal: "task role",
        when: "run",
        actions: ["secretsmanager:GetSecretValue"],
        context: "none",
        doc: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets.html",
    },
    "secretsmanager.key": {
        principal: "the role reading the secret",
        when: "run",
        actions: ["kms:Decrypt"],
        context: "kms:ViaService secretsmanager.<region>, kms:CallerAccount, kms:EncryptionContext:SecretARN",
        doc: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html#security-encryption-authz",
    },
    // What a task uses is read from the task role's grants (a statement naming the stream, table
    // or secret says which of these rows apply) and, where no grant names it, from the task's
    // environment naming it: a stream there is consumed (as the order service, services/orders,
    // consumes its own), a table or secret is read (contracts/task.ts).
    "ecs.task.kinesis-read": {
        principal: "task role",
        when: "run",
        actions: ["kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords"],
        context: "none",
        doc: "https://docs.aws.amazon.com/streams/latest/dev/controlling-access.html#kinesis-using-iam-examples",
    },
    "ecs.task.kinesis-write": {
        principal: "task role",
        when: "run",
        actions: ["kinesis:PutRecord", "kinesis:PutRecords"],
        context: "none",
        doc: "https://docs.aws.amazon.com/streams/latest/dev/controlling-access.html#kinesis-using-iam-examples",
    },
    "kinesis.key-write": {
        principal: "task role",
        when: "run",
        actions: ["kms:GenerateDataKey"],
        context: "kms:ViaService kinesis.<region>, kms:CallerAccount, kms:EncryptionContext:aws:kinesis:arn",
        doc: "https://docs.aws.amazon.com/streams/latest/dev/permissions-user-key-KMS.html",
    },
    "ecs.task.dynamodb-read": {
        principal: "task role",
        when: "run",
        actions: ["dynamodb:GetItem", "dynamodb:Query"],
        context: "none",
        doc: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/iam-policy-example-data-crud.html",
    },
    "ecs.task.dynamodb-write": {
        principal: "task role",
        when: "run",
        actions: ["dynamodb:PutItem", "dynamodb:UpdateItem"],
        context: "none",
        doc: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/iam-policy-example-data-crud.html",
    },
    "kinesis.key-read": {
        principal: "task role",
        when: "run",
        actions: ["kms:Decrypt"],
        context: "kms:ViaService kinesis.<region>, kms:CallerAccount, kms:EncryptionContext:aws:kinesis:arn",
        doc: "https://docs.aws.amazon.com/streams/latest/dev/permissions-user-key-KMS.html",
    },
    "logs.key": {
        principal: "logs.<region>.amazonaws.com",
        when: "run",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        context: "kms:EncryptionContext:aws:logs:arn (the log group ARN)",
        doc: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html#cmk-permissions",
    },
    "codebuild.assume-role": { principal: "codebuild.amazonaws.com", when: "run", actions: ["sts:AssumeRole"], context: "aws:SourceAccount, aws:SourceArn (the project)", doc: CODEBUILD_ROLE },
    "codebuild.logs": { principal: "build role", when: "run", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], context: "none", doc: CODEBUILD_ROLE },
    "codebuild.artifacts": {
        principal: "build role",
        when: "run",
        actions: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"],
        context: "none",
        doc: CODEBUILD_ROLE,
    },
    "codebuild.artifact-bucket": { principal: "build role", when: "run", actions: ["s3:GetBucketAcl", "s3:GetBucketLocation"], context: "none", doc: CODEBUILD_ROLE },
    "s3.key": {
        principal: "the role reading or writing the encrypted objects",
        when: "run",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        context: "kms:ViaService s3.<region>, kms:CallerAccount, kms:EncryptionContext:aws:s3:arn (the bucket)",
        doc: KMS_S3,
    },
    "codebuild.cache": { principal: "build role", when: "run", actions: ["s3:GetObject", "s3:PutObject"], context: "none", doc: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-caching.html" },
    "codebuild.cache-bucket": { principal: "build role", when: "run", actions: ["s3:GetBucketAcl", "s3:GetBucketLocation"], context: "none", doc: CODEBUILD_ROLE },
    "codebuild.secret": {
        principal: "build role",
        when: "run",
        actions: ["secretsmanager:GetSecretValue"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager",
    },
    "codebuild.parameter": {
        principal: "build role",
        when: "run",
        actions: ["ssm:GetParameters"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.parameter-store",
    },
    "codebuild.reports-test": {
        principal: "build role",
        when: "run",
        actions: ["codebuild:CreateReport", "codebuild:UpdateReport", "codebuild:BatchPutTestCases"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codebuild/latest/userguide/report-group-permissions.html",
    },
    "codebuild.reports-coverage": {
        principal: "build role",
        when: "run",
        actions: ["codebuild:CreateReport", "codebuild:UpdateReport", "codebuild:BatchPutCodeCoverages"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codebuild/latest/userguide/report-group-permissions.html",
    },
    "codebuild.vpc-describe": {
        principal: "build role",
        when: "run",
        actions: ["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface",
    },
    "codebuild.vpc-interface": {
        principal: "build role",
        when: "run",
        actions: ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface"],
        context: "ec2:Vpc, ec2:Subnet",
        doc: "https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface",
    },
    "codebuild.vpc-permission": {
        principal: "build role",
        when: "run",
        actions: ["ec2:CreateNetworkInterfacePermission"],
        context: "ec2:Subnet, ec2:AuthorizedService codebuild.amazonaws.com",
        doc: "https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface",
    },
    "codebuild.ecr-push": {
        principal: "build role",
        when: "run",
        actions: ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"],
        context: "none",
        doc: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html",
    },
    "pipeline.assume-role": { principal: "codepipeline.amazonaws.com", when: "run", actions: ["sts:AssumeRole"], context: "aws:SourceAccount, aws:SourceArn (the pipeline)", doc: PIPELINE_ROLE },
    "pipeline.artifacts": { principal: "pipeline role", when: "run", actions: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], context: "none", doc: PIPELINE_ROLE },
    "pipeline.artifact-bucket": { principal: "pipeline role", when: "run", actions: ["s3:GetBucketVersioning", "s3:GetBucketLocation"], context: "none", doc: PIPELINE_ROLE },
    "pipeline.connection": {
        principal: "pipeline role",
        when: "run",
        // The calls name the ARN's own service prefix: CodeConnections was CodeStar Connections.
        actions: ["codeconnections:UseConnection"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html#action-reference-CodestarConnectionSource-permissions-action",
    },
    "pipeline.codecommit": {
        principal: "pipeline role",
        when: "run",
        actions: ["codecommit:GetBranch", "codecommit:GetCommit", "codecommit:UploadArchive", "codecommit:GetUploadArchiveStatus", "codecommit:CancelUploadArchive"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeCommit.html#action-reference-CodeCommit-permissions-action",
    },
    "pipeline.codebuild": {
        principal: "pipeline role",
        when: "run",
        actions: ["codebuild:StartBuild", "codebuild:BatchGetBuilds"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodeBuild.html#action-reference-CodeBuild-permissions-action",
    },
    "pipeline.approval": {
        principal: "pipeline role",
        when: "run",
        actions: ["sns:Publish"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-service-role-permissions.html",
    },
    "sns.key": {
        principal: "the role publishing to the encrypted topic",
        when: "run",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        context: "kms:ViaService sns.<region>, kms:CallerAccount",
        doc: "https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#sns-what-permissions-for-sse",
    },
    "pipeline.lambda": {
        principal: "pipeline role",
        when: "run",
        actions: ["lambda:InvokeFunction", "lambda:ListFunctions"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html#action-reference-Lambda-permissions-action",
    },
    "pipeline.codedeploy-ecs": {
        principal: "pipeline role",
        when: "run",
        actions: [
            "codedeploy:CreateDeployment",
            "codedeploy:GetDeployment",
            "codedeploy:GetApplication",
            "codedeploy:GetApplicationRevision",
            "codedeploy:RegisterApplicationRevision",
            "codedeploy:GetDeploymentConfig",
            "ecs:RegisterTaskDefinition",
            "iam:PassRole",
        ],
        context: "iam:PassedToService ecs-tasks.amazonaws.com (PassRole)",
        doc: "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html#action-reference-ECSbluegreen-service-role",
    },
    "codedeploy.assume-role": {
        principal: "codedeploy.amazonaws.com",
        when: "run",
        actions: ["sts:AssumeRole"],
        context: "aws:SourceAccount",
        doc: "https://docs.aws.amazon.com/codedeploy/latest/userguide/getting-started-create-service-role.html",
    },
    "codedeploy.ecs": {
        principal: "CodeDeploy role",
        when: "run",
        actions: [
            "ecs:DescribeServices",
            "ecs:CreateTaskSet",
            "ecs:UpdateServicePrimaryTaskSet",
            "ecs:DeleteTaskSet",
            "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeListeners",
            "elasticloadbalancing:ModifyListener",
            "elasticloadbalancing:DescribeRules",
            "elasticloadbalancing:ModifyRule",
            "cloudwatch:DescribeAlarms",
            "iam:PassRole",
        ],
        context: "iam:PassedToService ecs-tasks.amazonaws.com (PassRole)",
        doc: "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCodeDeployRoleForECS.html",
    },
    "lambda.assume-role": {
        principal: "lambda.amazonaws.com",
        when: "run",
        actions: ["sts:AssumeRole"],
        context: "aws:SourceAccount",
        doc: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
    },
    "lambda.logs": {
        principal: "function role",
        when: "run",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        context: "none",
        doc: "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html#monitoring-cloudwatchlogs-loggroups",
    },
    "lambda.ecr-pull": {
        principal: "lambda.amazonaws.com",
        when: "create",
        actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
        context: "aws:SourceAccount, aws:SourceArn (the function)",
        doc: "https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#configuration-images-permissions",
    },
    "lambda.deploy.release": {
        principal: "deploy function role",
        when: "run",
        actions: ["lambda:GetFunctionConfiguration", "lambda:UpdateFunctionCode", "lambda:PublishVersion", "lambda:GetFunction", "lambda:GetAlias", "lambda:CreateAlias", "lambda:UpdateAlias"],
        context: "none",
        doc: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html",
    },
    "lambda.target-key": {
        principal: "deploy function role",
        when: "run",
        actions: ["kms:Decrypt"],
        context: "kms:ViaService lambda.<region>, kms:CallerAccount",
        doc: "https://docs.aws.amazon.com/lambda/latest/dg/encrypt-zip-package.html#enable-zip-custom-encryption",
    },
    "lambda.deploy.history": {
        principal: "deploy function role",
        when: "run",
        actions: ["dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
        context: "none",
        doc: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/api-permissions-reference.html",
    },
    "dynamodb.key": {
        principal: "the role reading or writing the encrypted table",
        when: "run",
        actions: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
        context: "kms:ViaService dynamodb.<region>, kms:CallerAccount",
        doc: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.usagenotes.html#dynamodb-kms-authz",
    },
    "lambda.deploy.job-result": {
        principal: "deploy function role",
        when: "run",
        actions: ["codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html#action-reference-Lambda-permissions-action",
    },
    "events.sns": {
        principal: "events.amazonaws.com",
        when: "run",
        actions: ["sns:Publish"],
        context: "aws:SourceAccount, aws:SourceArn (the rule)",
        doc: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions",
    },
    "events.sns-key": { principal: "events.amazonaws.com", when: "run", actions: ["kms:GenerateDataKey", "kms:Decrypt"], context: "none: aws:SourceAccount and aws:SourceArn are not sent", doc: SNS_KMS },
    "events.logs": {
        principal: "events.amazonaws.com",
        when: "run",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        context: "aws:SourceArn (the rule)",
        doc: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-cloudwatchlogs-permissions",
    },
    "events.assume-role": {
        principal: "events.amazonaws.com",
        when: "run",
        actions: ["sts:AssumeRole"],
        context: "aws:SourceAccount, aws:SourceArn (the rule)",
        doc: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-identity-based.html#eb-target-permissions",
    },
    "events.pipeline": {
        principal: "event target role",
        when: "run",
        actions: ["codepipeline:StartPipelineExecution"],
        context: "none",
        doc: "https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-trigger-source-repo-changes-console.html",
    },
    "alarms.sns": {
        principal: "cloudwatch.amazonaws.com",
        when: "run",
        actions: ["sns:Publish"],
        context: "aws:SourceAccount, aws:SourceArn (the alarm)",
        doc: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html",
    },
    "alarms.sns-key": { principal: "cloudwatch.amazonaws.com", when: "run", actions: ["kms:GenerateDataKey", "kms:Decrypt"], context: "aws:SourceAccount, aws:SourceArn (the alarm)", doc: SNS_KMS },
    "flowlogs.assume-role": {
        principal: "vpc-flow-logs.amazonaws.com",
        when: "run",
        actions: ["sts:AssumeRole"],
        context: "aws:SourceAccount, aws:SourceArn (the flow log)",
        doc: "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html",
    },
    "flowlogs.write": {
        principal: "flow log role",
        when: "run",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams"],
        context: "none",
        doc: "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html",
    },
    "rds.monitoring-assume-role": {
        principal: "monitoring.rds.amazonaws.com",
        when: "run",
        actions: ["sts:AssumeRole"],
        context: "aws:SourceAccount",
        doc: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.Enabling.html",
    },
    "rds.monitoring-group": {
        principal: "monitoring role",
        when: "run",
        actions: ["logs:CreateLogGroup", "logs:PutRetentionPolicy"],
        context: "none",
        doc: "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonRDSEnhancedMonitoringRole.html",
    },
    "rds.monitoring-stream": {
        principal: "monitoring role",
        when: "run",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:GetLogEvents"],
        context: "none",
        doc: "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonRDSEnhancedMonitoringRole.html",
    },
    "s3.server-access-logs": {
        principal: "logging.s3.amazonaws.com",
        when: "run",
        actions: ["s3:PutObject"],
        context: "aws:SourceAccount, aws:SourceArn (the source bucket)",
        doc: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html#grant-log-delivery-permissions-general",
    },
    "elb.access-logs": {
        principal: "the region's Elastic Load Balancing account, or logdelivery.elasticloadbalancing.amazonaws.com",
        when: "run",
        actions: ["s3:PutObject"],
        context: "none",
        doc: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html#attach-bucket-policy",
    },
} as const satisfies Record<string, ContractRow>;

export type ContractId = keyof typeof CONTRACTS;
