/**
 * Which input changes make `pulumi up` replace a resource instead of updating it.
 *
 * The data is CloudFormation's (`replacement-data.json`, from the resource provider schemas):
 * each `@pulumi/aws` type is mapped onto its CloudFormation type, and each input onto the
 * property of the same name (case and punctuation aside) or the one `inputs` names. Where the
 * `@pulumi/aws` provider (built on the Terraform AWS provider) decides differently from
 * CloudFormation, `PROVIDER_DIFFERS` says so, with the provider documentation that shows it;
 * types CloudFormation models inside another resource (bucket versioning, role policy
 * attachments...) are in `PROVIDER_ONLY`.
 */
import data from "./replacement-data.json";

export type Replacement = "yes" | "maybe" | "no";

interface CfnMapping {
    readonly cfn: string;
    /** `@pulumi/aws` input → CloudFormation property, where the names differ. */
    readonly inputs?: Readonly<Record<string, string>>;
}

const TF = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources";

export const CFN_TYPES: Readonly<Record<string, CfnMapping>> = {
    "aws:cloudwatch/eventRule:EventRule": { cfn: "AWS::Events::Rule" },
    "aws:cloudwatch/logGroup:LogGroup": { cfn: "AWS::Logs::LogGroup", inputs: { name: "LogGroupName", kmsKeyId: "KmsKeyId", retentionInDays: "RetentionInDays" } },
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": { cfn: "AWS::Logs::ResourcePolicy", inputs: { policyDocument: "PolicyDocument" } },
    "aws:cloudwatch/metricAlarm:MetricAlarm": { cfn: "AWS::CloudWatch::Alarm", inputs: { name: "AlarmName" } },
    "aws:codebuild/project:Project": { cfn: "AWS::CodeBuild::Project", inputs: { serviceRole: "ServiceRole", logsConfig: "LogsConfig", buildTimeout: "TimeoutInMinutes", queuedTimeout: "QueuedTimeoutInMinutes" } },
    "aws:codebuild/reportGroup:ReportGroup": { cfn: "AWS::CodeBuild::ReportGroup", inputs: { deleteReports: "DeleteReports", exportConfig: "ExportConfig" } },
    "aws:codecommit/repository:Repository": { cfn: "AWS::CodeCommit::Repository", inputs: { description: "RepositoryDescription" } },
    "aws:codedeploy/application:Application": { cfn: "AWS::CodeDeploy::Application", inputs: { name: "ApplicationName" } },
    "aws:codedeploy/deploymentGroup:DeploymentGroup": { cfn: "AWS::CodeDeploy::DeploymentGroup", inputs: { appName: "ApplicationName", serviceRoleArn: "ServiceRoleArn", ecsService: "ECSServices" } },
    "aws:codepipeline/pipeline:Pipeline": { cfn: "AWS::CodePipeline::Pipeline", inputs: { artifactStores: "ArtifactStores" } },
    "aws:codestarconnections/connection:Connection": { cfn: "AWS::CodeStarConnections::Connection", inputs: { name: "ConnectionName" } },
    "aws:dynamodb/table:Table": { cfn: "AWS::DynamoDB::Table", inputs: { name: "TableName", hashKey: "KeySchema", rangeKey: "KeySchema", attributes: "AttributeDefinitions", pointInTimeRecovery: "PointInTimeRecoverySpecification", serverSideEncryption: "SSESpecification" } },
    "aws:ec2/eip:Eip": { cfn: "AWS::EC2::EIP" },
    "aws:ec2/flowLog:FlowLog": { cfn: "AWS::EC2::FlowLog", inputs: { iamRoleArn: "DeliverLogsPermissionArn", vpcId: "ResourceId" } },
    "aws:ec2/natGateway:NatGateway": { cfn: "AWS::EC2::NatGateway" },
    "aws:ec2/route:Route": { cfn: "AWS::EC2::Route" },
    "aws:ec2/routeTable:RouteTable": { cfn: "AWS::EC2::RouteTable" },
    "aws:ec2/routeTableAssociation:RouteTableAssociation": { cfn: "AWS::EC2::SubnetRouteTableAssociation" },
    "aws:ec2/securityGroup:SecurityGroup": { cfn: "AWS::EC2::SecurityGroup", inputs: { name: "GroupName", description: "GroupDescription" } },
    "aws:ec2/subnet:Subnet": { cfn: "AWS::EC2::Subnet" },
    "aws:ec2/vpc:Vpc": { cfn: "AWS::EC2::VPC" },
    "aws:ec2/vpcEndpoint:VpcEndpoint": { cfn: "AWS::EC2::VPCEndpoint" },
    "aws:ecr/repository:Repository": { cfn: "AWS::ECR::Repository", inputs: { name: "RepositoryName", encryptionConfigurations: "EncryptionConfiguration", imageScanningConfiguration: "ImageScanningConfiguration" } },
    "aws:ecs/cluster:Cluster": { cfn: "AWS::ECS::Cluster", inputs: { name: "ClusterName", settings: "ClusterSettings" } },
    "aws:ecs/service:Service": { cfn: "AWS::ECS::Service", inputs: { name: "ServiceName" } },
    "aws:ecs/taskDefinition:TaskDefinition": { cfn: "AWS::ECS::TaskDefinition" },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        cfn: "AWS::ElastiCache::ReplicationGroup",
        inputs: { description: "ReplicationGroupDescription", nodeType: "CacheNodeType", subnetGroupName: "CacheSubnetGroupName", maintenanceWindow: "PreferredMaintenanceWindow", multiAzEnabled: "MultiAZEnabled", numCacheClusters: "NumCacheClusters" },
    },
    "aws:elasticache/subnetGroup:SubnetGroup": { cfn: "AWS::ElastiCache::SubnetGroup", inputs: { name: "CacheSubnetGroupName" } },
    "aws:iam/policy:Policy": { cfn: "AWS::IAM::ManagedPolicy", inputs: { name: "ManagedPolicyName", policy: "PolicyDocument" } },
    "aws:iam/role:Role": { cfn: "AWS::IAM::Role", inputs: { name: "RoleName", assumeRolePolicy: "AssumeRolePolicyDocument" } },
    "aws:kinesis/stream:Stream": { cfn: "AWS::Kinesis::Stream", inputs: { retentionPeriod: "RetentionPeriodHours", encryptionType: "StreamEncryption", kmsKeyId: "StreamEncryption", streamModeDetails: "StreamModeDetails" } },
    "aws:kms/alias:Alias": { cfn: "AWS::KMS::Alias", inputs: { name: "AliasName" } },
    "aws:kms/key:Key": { cfn: "AWS::KMS::Key", inputs: { customerMasterKeySpec: "KeySpec", deletionWindowInDays: "PendingWindowInDays", policy: "KeyPolicy", rotationPeriodInDays: "RotationPeriodInDays" } },
    "aws:lambda/function:Function": { cfn: "AWS::Lambda::Function", inputs: { name: "FunctionName", imageUri: "Code", code: "Code", kmsKeyArn: "KmsKeyArn", reservedConcurrentExecutions: "ReservedConcurrentExecutions" } },
    "aws:lb/listener:Listener": { cfn: "AWS::ElasticLoadBalancingV2::Listener", inputs: { sslPolicy: "SslPolicy", certificateArn: "Certificates" } },
    "aws:lb/loadBalancer:LoadBalancer": { cfn: "AWS::ElasticLoadBalancingV2::LoadBalancer", inputs: { loadBalancerType: "Type", internal: "Scheme", accessLogs: "LoadBalancerAttributes" } },
    "aws:lb/targetGroup:TargetGroup": { cfn: "AWS::ElasticLoadBalancingV2::TargetGroup" },
    "aws:rds/instance:Instance": {
        cfn: "AWS::RDS::DBInstance",
        inputs: { identifier: "DBInstanceIdentifier", instanceClass: "DBInstanceClass", username: "MasterUsername", multiAz: "MultiAZ", parameterGroupName: "DBParameterGroupName", maintenanceWindow: "PreferredMaintenanceWindow", backupWindow: "PreferredBackupWindow", vpcSecurityGroupIds: "VPCSecurityGroups", caCertIdentifier: "CACertificateIdentifier", enabledCloudwatchLogsExports: "EnableCloudwatchLogsExports", iamDatabaseAuthenticationEnabled: "EnableIAMDatabaseAuthentication" },
    },
    "aws:rds/parameterGroup:ParameterGroup": { cfn: "AWS::RDS::DBParameterGroup", inputs: { name: "DBParameterGroupName" } },
    "aws:rds/subnetGroup:SubnetGroup": { cfn: "AWS::RDS::DBSubnetGroup", inputs: { name: "DBSubnetGroupName", description: "DBSubnetGroupDescription" } },
    "aws:s3/bucket:Bucket": { cfn: "AWS::S3::Bucket", inputs: { bucket: "BucketName", bucketPrefix: "BucketNamePrefix" } },
    "aws:secretsmanager/secret:Secret": { cfn: "AWS::SecretsManager::Secret" },
    "aws:secretsmanager/secretRotation:SecretRotation": { cfn: "AWS::SecretsManager::RotationSchedule", inputs: { rotationRules: "RotationRules" } },
    "aws:sns/topic:Topic": { cfn: "AWS::SNS::Topic", inputs: { name: "TopicName", kmsMasterKeyId: "KmsMasterKeyId" } },
    "aws:sns/topicSubscription:TopicSubscription": { cfn: "AWS::SNS::Subscription", inputs: { topic: "TopicArn" } },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": { cfn: "AWS::EC2::SecurityGroupEgress", inputs: { cidrIpv4: "CidrIp", securityGroupId: "GroupId", referencedSecurityGroupId: "DestinationSecurityGroupId" } },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": { cfn: "AWS::EC2::SecurityGroupIngress", inputs: { cidrIpv4: "CidrIp", securityGroupId: "GroupId", referencedSecurityGroupId: "SourceSecurityGroupId" } },
};

interface Decision {
    readonly replaces: boolean;
    readonly why: string;
    readonly see: string;
}

/** Inputs where the `@pulumi/aws` provider does not do what CloudFormation's schema says. */
export const PROVIDER_DIFFERS: Readonly<Record<string, Readonly<Record<string, Decision>>>> = {
    "aws:rds/instance:Instance": {
        port: { replaces: false, why: "the provider changes the port in place (ModifyDBInstance DBPortNumber)", see: `${TF}/db_instance#port` },
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        engine: { replaces: false, why: "the provider moves Redis OSS to Valkey in place (ModifyReplicationGroup Engine)", see: `${TF}/elasticache_replication_group#engine` },
        authToken: { replaces: false, why: "the provider rotates the token in place, as authTokenUpdateStrategy says", see: `${TF}/elasticache_replication_group#auth_token_update_strategy` },
    },
    "aws:kms/key:Key": {
        customerMasterKeySpec: { replaces: true, why: "a key's spec cannot change; the provider creates a new key", see: `${TF}/kms_key#customer_master_key_spec` },
        keyUsage: { replaces: true, why: "a key's usage cannot change; the provider creates a new key", see: `${TF}/kms_key#key_usage` },
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
        cidrIpv4: { replaces: false, why: "the provider modifies the rule in place (ModifySecurityGroupRules)", see: `${TF}/vpc_security_group_ingress_rule` },
        fromPort: { replaces: false, why: "the provider modifies the rule in place (ModifySecurityGroupRules)", see: `${TF}/vpc_security_group_ingress_rule` },
        toPort: { replaces: false, why: "the provider modifies the rule in place (ModifySecurityGroupRules)", see: `${TF}/vpc_security_group_ingress_rule` },
        ipProtocol: { replaces: false, why: "the provider modifies the rule in place (ModifySecurityGroupRules)", see: `${TF}/vpc_security_group_ingress_rule` },
        referencedSecurityGroupId: { replaces: false, why: "the provider modifies the rule in place (ModifySecurityGroupRules)", see: `${TF}/vpc_security_group_ingress_rule` },
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
        cidrIpv4: { replaces: false, why: "the provider modifies the rule in place (ModifySecurityGroupRules)", see: `${TF}/vpc_security_group_egress_rule` },
        fromPort: { replaces: false, why: "the provider modifies the rule in place (ModifySecurityGroupRules)", see: `${TF}/vpc_security_group_egress_rule` },
        toPort: { replaces: false, why: "the provider modifies the rule in place (ModifySecurityGroupRules)", see: `${TF}/vpc_security_group_egress_rule` },
        ipProtocol: { replaces: false, why: "the provider modifies the rule in place (ModifySecurityGroupRules)", see: `${TF}/vpc_security_group_egress_rule` },
        referencedSecurityGroupId: { replaces: false, why: "the provider modifies the rule in place (ModifySecurityGroupRules)", see: `${TF}/vpc_security_group_egress_rule` },
    },
};

/**
 * Types CloudFormation has no resource for (it models them as properties of another), with the
 * inputs whose change makes the provider replace them: "*" is every input but `tags`.
 */
export const PROVIDER_ONLY: Readonly<Record<string, { readonly replaces: readonly string[]; readonly see: string }>> = {
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": { replaces: ["bucket"], see: `${TF}/s3_bucket_lifecycle_configuration` },
    "aws:s3/bucketLogging:BucketLogging": { replaces: ["bucket"], see: `${TF}/s3_bucket_logging` },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": { replaces: ["bucket"], see: `${TF}/s3_bucket_ownership_controls` },
    "aws:s3/bucketPolicy:BucketPolicy": { replaces: ["bucket"], see: `${TF}/s3_bucket_policy` },
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": { replaces: ["bucket"], see: `${TF}/s3_bucket_public_access_block` },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": { replaces: ["bucket"], see: `${TF}/s3_bucket_server_side_encryption_configuration` },
    "aws:s3/bucketVersioning:BucketVersioning": { replaces: ["bucket"], see: `${TF}/s3_bucket_versioning` },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": { replaces: ["role", "policyArn"], see: `${TF}/iam_role_policy_attachment` },
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": { replaces: ["repository"], see: `${TF}/ecr_lifecycle_policy` },
    "aws:ecr/repositoryPolicy:RepositoryPolicy": { replaces: ["repository"], see: `${TF}/ecr_repository_policy` },
    "aws:sns/topicPolicy:TopicPolicy": { replaces: ["arn"], see: `${TF}/sns_topic_policy` },
    "aws:cloudwatch/eventTarget:EventTarget": { replaces: ["rule", "targetId", "eventBusName"], see: `${TF}/cloudwatch_event_target` },
    "aws:secretsmanager/secretVersion:SecretVersion": { replaces: ["secretId"], see: `${TF}/secretsmanager_secret_version` },
    "aws:ec2/internetGateway:InternetGateway": { replaces: [], see: `${TF}/internet_gateway` },
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": { replaces: ["vpcId"], see: `${TF}/default_security_group` },
    "random:index/randomPassword:RandomPassword": { replaces: ["*"], see: "https://www.pulumi.com/registry/packages/random/api-docs/randompassword/" },
};

const normalise = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");

const cfnData = data.types as Readonly<Record<string, Readonly<Record<string, Replacement>>>>;

/** The CloudFormation property an input maps onto, or undefined when it maps onto none. */
export function cfnProperty(type: string, input: string): string | undefined {
    const mapping = CFN_TYPES[type];
    if (!mapping) return undefined;
    const props = cfnData[mapping.cfn];
    if (!props) return undefined;
    const named = mapping.inputs?.[input];
    if (named !== undefined) return named;
    const want = normalise(input);
    return Object.keys(props).find((p) => normalise(p) === want);
}

export interface ReplacementDecision {
    readonly replaces: Replacement;
    /** Where the decision comes from: the CloudFormation property, or the provider's page. */
    readonly source: string;
}

/**
 * Whether changing `input` (a top-level input of a resource of `type`) replaces the resource.
 * `undefined` when nothing is known: a type neither table covers, or an input that maps onto no
 * CloudFormation property (`tags`, `forceDestroy` and other provider-side settings update in place).
 */
export function replacementOf(type: string, input: string): ReplacementDecision | undefined {
    const differs = PROVIDER_DIFFERS[type]?.[input];
    if (differs) return { replaces: differs.replaces ? "yes" : "no", source: differs.see };
    const only = PROVIDER_ONLY[type];
    if (only) {
        const replaces = input !== "tags" && (only.replaces.includes("*") || only.replaces.includes(input));
        return { replaces: replaces ? "yes" : "no", source: only.see };
    }
    const mapping = CFN_TYPES[type];
    const prop = cfnProperty(type, input);
    if (!mapping || prop === undefined) return undefined;
    return { replaces: cfnData[mapping.cfn]![prop]!, source: `${mapping.cfn}.${prop} (${data.source})` };
}
