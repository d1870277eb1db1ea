/**
 * Which CloudFormation property each `@pulumi/aws` input is, for every resource type the four
 * systems create. The constraints themselves come from AWS's CloudFormation resource
 * specification (vendored in `data/cloudformation.json` by `npm run refresh-aws-data`); this
 * table only says where to look. Paths: `a.b` for a nested object, `a[]` for each list item.
 * Names are also checked by the name rules (`names.ts`), which hold what the specification
 * states only in prose elsewhere.
 */

export interface InputMapping {
    /** The CloudFormation resource type, e.g. `AWS::Logs::LogGroup`. */
    readonly cfn: string;
    /** `@pulumi/aws` input path → CloudFormation property path. */
    readonly inputs: Readonly<Record<string, string>>;
}

export const INPUT_MAPPINGS: Readonly<Record<string, InputMapping>> = {
    "aws:cloudwatch/eventRule:EventRule": { cfn: "AWS::Events::Rule", inputs: { name: "Name", description: "Description", state: "State" } },
    "aws:cloudwatch/eventTarget:EventTarget": { cfn: "AWS::Events::Rule", inputs: { targetId: "Targets[].Id" } },
    "aws:cloudwatch/logGroup:LogGroup": {
        cfn: "AWS::Logs::LogGroup",
        inputs: { name: "LogGroupName", retentionInDays: "RetentionInDays", logGroupClass: "LogGroupClass" },
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": {
        cfn: "AWS::CloudWatch::Alarm",
        inputs: { name: "AlarmName", alarmDescription: "AlarmDescription", comparisonOperator: "ComparisonOperator", statistic: "Statistic", treatMissingData: "TreatMissingData" },
    },
    "aws:codebuild/project:Project": {
        cfn: "AWS::CodeBuild::Project",
        inputs: {
            name: "Name",
            description: "Description",
            "environment.computeType": "Environment.ComputeType",
            "environment.type": "Environment.Type",
            "environment.imagePullCredentialsType": "Environment.ImagePullCredentialsType",
            "source.type": "Source.Type",
            "artifacts.type": "Artifacts.Type",
        },
    },
    "aws:codebuild/reportGroup:ReportGroup": { cfn: "AWS::CodeBuild::ReportGroup", inputs: { name: "Name", type: "Type" } },
    "aws:codecommit/repository:Repository": { cfn: "AWS::CodeCommit::Repository", inputs: { repositoryName: "RepositoryName", description: "RepositoryDescription" } },
    "aws:codedeploy/application:Application": { cfn: "AWS::CodeDeploy::Application", inputs: { name: "ApplicationName", computePlatform: "ComputePlatform" } },
    "aws:codedeploy/deploymentGroup:DeploymentGroup": { cfn: "AWS::CodeDeploy::DeploymentGroup", inputs: { deploymentGroupName: "DeploymentGroupName" } },
    "aws:codepipeline/pipeline:Pipeline": {
        cfn: "AWS::CodePipeline::Pipeline",
        inputs: { name: "Name", pipelineType: "PipelineType", executionMode: "ExecutionMode" },
    },
    "aws:codestarconnections/connection:Connection": { cfn: "AWS::CodeStarConnections::Connection", inputs: { name: "ConnectionName", providerType: "ProviderType" } },
    "aws:dynamodb/table:Table": { cfn: "AWS::DynamoDB::Table", inputs: { name: "TableName", billingMode: "BillingMode" } },
    "aws:ec2/eip:Eip": { cfn: "AWS::EC2::EIP", inputs: { domain: "Domain" } },
    "aws:ec2/flowLog:FlowLog": {
        cfn: "AWS::EC2::FlowLog",
        inputs: { trafficType: "TrafficType", logDestinationType: "LogDestinationType", maxAggregationInterval: "MaxAggregationInterval" },
    },
    "aws:ec2/securityGroup:SecurityGroup": {
        cfn: "AWS::EC2::SecurityGroup",
        inputs: {
            name: "GroupName",
            description: "GroupDescription",
            "ingress[].description": "SecurityGroupIngress[].Description",
            "egress[].description": "SecurityGroupEgress[].Description",
        },
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": { cfn: "AWS::EC2::VPCEndpoint", inputs: { vpcEndpointType: "VpcEndpointType", ipAddressType: "IpAddressType" } },
    "aws:ecr/repository:Repository": {
        cfn: "AWS::ECR::Repository",
        inputs: { name: "RepositoryName", imageTagMutability: "ImageTagMutability", "encryptionConfigurations[].encryptionType": "EncryptionConfiguration.EncryptionType" },
    },
    "aws:ecs/cluster:Cluster": { cfn: "AWS::ECS::Cluster", inputs: { name: "ClusterName" } },
    "aws:ecs/service:Service": {
        cfn: "AWS::ECS::Service",
        inputs: { name: "ServiceName", launchType: "LaunchType", schedulingStrategy: "SchedulingStrategy", propagateTags: "PropagateTags", platformVersion: "PlatformVersion" },
    },
    "aws:ecs/taskDefinition:TaskDefinition": { cfn: "AWS::ECS::TaskDefinition", inputs: { family: "Family", networkMode: "NetworkMode", cpu: "Cpu", memory: "Memory" } },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        cfn: "AWS::ElastiCache::ReplicationGroup",
        inputs: {
            replicationGroupId: "ReplicationGroupId",
            description: "ReplicationGroupDescription",
            engine: "Engine",
            authToken: "AuthToken",
            networkType: "NetworkType",
            ipDiscovery: "IpDiscovery",
        },
    },
    "aws:elasticache/subnetGroup:SubnetGroup": { cfn: "AWS::ElastiCache::SubnetGroup", inputs: { name: "CacheSubnetGroupName", description: "Description" } },
    "aws:iam/policy:Policy": { cfn: "AWS::IAM::ManagedPolicy", inputs: { name: "ManagedPolicyName", path: "Path", description: "Description" } },
    "aws:iam/role:Role": { cfn: "AWS::IAM::Role", inputs: { name: "RoleName", path: "Path", description: "Description", maxSessionDuration: "MaxSessionDuration" } },
    "aws:kinesis/stream:Stream": {
        cfn: "AWS::Kinesis::Stream",
        inputs: { name: "Name", "streamModeDetails.streamMode": "StreamModeDetails.StreamMode" },
    },
    "aws:kms/alias:Alias": { cfn: "AWS::KMS::Alias", inputs: { name: "AliasName" } },
    "aws:kms/key:Key": { cfn: "AWS::KMS::Key", inputs: { description: "Description", keyUsage: "KeyUsage", customerMasterKeySpec: "KeySpec" } },
    "aws:lambda/function:Function": {
        cfn: "AWS::Lambda::Function",
        inputs: { name: "FunctionName", description: "Description", packageType: "PackageType", "architectures[]": "Architectures[]" },
    },
    "aws:lb/listener:Listener": { cfn: "AWS::ElasticLoadBalancingV2::Listener", inputs: { protocol: "Protocol", sslPolicy: "SslPolicy" } },
    "aws:lb/loadBalancer:LoadBalancer": {
        cfn: "AWS::ElasticLoadBalancingV2::LoadBalancer",
        inputs: { name: "Name", loadBalancerType: "Type", ipAddressType: "IpAddressType" },
    },
    "aws:lb/targetGroup:TargetGroup": { cfn: "AWS::ElasticLoadBalancingV2::TargetGroup", inputs: { name: "Name", targetType: "TargetType", protocol: "Protocol" } },
    "aws:rds/instance:Instance": {
        cfn: "AWS::RDS::DBInstance",
        inputs: {
            identifier: "DBInstanceIdentifier",
            storageType: "StorageType",
            backupWindow: "PreferredBackupWindow",
            maintenanceWindow: "PreferredMaintenanceWindow",
            engineLifecycleSupport: "EngineLifecycleSupport",
            networkType: "NetworkType",
        },
    },
    "aws:rds/parameterGroup:ParameterGroup": { cfn: "AWS::RDS::DBParameterGroup", inputs: { name: "DBParameterGroupName", description: "Description" } },
    "aws:rds/subnetGroup:SubnetGroup": { cfn: "AWS::RDS::DBSubnetGroup", inputs: { name: "DBSubnetGroupName", description: "DBSubnetGroupDescription" } },
    "aws:s3/bucket:Bucket": { cfn: "AWS::S3::Bucket", inputs: { bucket: "BucketName" } },
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": { cfn: "AWS::S3::Bucket", inputs: { "rules[].status": "LifecycleConfiguration.Rules[].Status" } },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": { cfn: "AWS::S3::Bucket", inputs: { "rule.objectOwnership": "OwnershipControls.Rules[].ObjectOwnership" } },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
        cfn: "AWS::S3::Bucket",
        inputs: { "rules[].applyServerSideEncryptionByDefault.sseAlgorithm": "BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault.SSEAlgorithm" },
    },
    "aws:s3/bucketVersioning:BucketVersioning": { cfn: "AWS::S3::Bucket", inputs: { "versioningConfiguration.status": "VersioningConfiguration.Status" } },
    "aws:secretsmanager/secret:Secret": { cfn: "AWS::SecretsManager::Secret", inputs: { name: "Name", description: "Description" } },
    "aws:sns/topic:Topic": { cfn: "AWS::SNS::Topic", inputs: { name: "TopicName", displayName: "DisplayName" } },
    "aws:sns/topicSubscription:TopicSubscription": { cfn: "AWS::SNS::Subscription", inputs: { protocol: "Protocol" } },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": { cfn: "AWS::EC2::SecurityGroupEgress", inputs: { description: "Description", ipProtocol: "IpProtocol" } },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": { cfn: "AWS::EC2::SecurityGroupIngress", inputs: { description: "Description", ipProtocol: "IpProtocol" } },
};

/**
 * Resource types the systems create whose inputs the specification constrains no further than
 * `tsc` does (ids, ARNs, CIDRs, JSON documents checked by the security controls), with why.
 * `test/names.test.ts` fails when a planned type is in neither table.
 */
export const UNMAPPED: Readonly<Record<string, string>> = {
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": "a name and a policy document (IAM controls read the document)",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "the VPC's default group, emptied: no rule to constrain",
    "aws:ec2/internetGateway:InternetGateway": "tags only",
    "aws:ec2/natGateway:NatGateway": "ids only; ConnectivityType has no enum in the specification",
    "aws:ec2/route:Route": "ids and CIDRs",
    "aws:ec2/routeTable:RouteTable": "a VPC id",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "ids",
    "aws:ec2/subnet:Subnet": "ids and CIDRs (the network component checks the layout)",
    "aws:ec2/vpc:Vpc": "a CIDR (checked by config) and flags",
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": "a JSON document",
    "aws:ecr/repositoryPolicy:RepositoryPolicy": "a JSON document",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "two ARNs",
    "aws:s3/bucketLogging:BucketLogging": "bucket names and a prefix",
    "aws:s3/bucketPolicy:BucketPolicy": "a JSON document",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": "flags",
    "aws:secretsmanager/secretRotation:SecretRotation": "an id and a schedule",
    "aws:secretsmanager/secretVersion:SecretVersion": "the secret value",
    "aws:sns/topicPolicy:TopicPolicy": "a JSON document",
};
