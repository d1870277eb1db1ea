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
import { INPUT_MAPPINGS } from "../../aws/inputs";
import data from "./replacement-data.json";

export type Replacement = "yes" | "maybe" | "no";

const TF = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources";

/**
 * Types whose CloudFormation counterpart the input-constraint table (`src/aws/inputs.ts`, the one
 * home of the input → property mapping) leaves out, because no input of theirs has a constraint.
 */
const CFN_TYPE_OF_UNCONSTRAINED: Readonly<Record<string, string>> = {
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": "AWS::Logs::ResourcePolicy",
    "aws:ec2/natGateway:NatGateway": "AWS::EC2::NatGateway",
    "aws:ec2/route:Route": "AWS::EC2::Route",
    "aws:ec2/routeTable:RouteTable": "AWS::EC2::RouteTable",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "AWS::EC2::SubnetRouteTableAssociation",
    "aws:ec2/subnet:Subnet": "AWS::EC2::Subnet",
    "aws:ec2/vpc:Vpc": "AWS::EC2::VPC",
    "aws:secretsmanager/secretRotation:SecretRotation": "AWS::SecretsManager::RotationSchedule",
};

/**
 * Inputs whose CloudFormation property has another name, beyond those `src/aws/inputs.ts` maps
 * for their constraints (read from there first): the rest are matched by name.
 */
const MORE_INPUT_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    "aws:codebuild/project:Project": { buildTimeout: "TimeoutInMinutes", queuedTimeout: "QueuedTimeoutInMinutes" },
    "aws:codedeploy/deploymentGroup:DeploymentGroup": { appName: "ApplicationName", ecsService: "ECSServices" },
    "aws:dynamodb/table:Table": { hashKey: "KeySchema", rangeKey: "KeySchema", attributes: "AttributeDefinitions", pointInTimeRecovery: "PointInTimeRecoverySpecification", serverSideEncryption: "SSESpecification" },
    "aws:ec2/flowLog:FlowLog": { iamRoleArn: "DeliverLogsPermissionArn", vpcId: "ResourceId" },
    "aws:ecr/repository:Repository": { encryptionConfigurations: "EncryptionConfiguration" },
    "aws:ecs/cluster:Cluster": { settings: "ClusterSettings" },
    "aws:elasticache/replicationGroup:ReplicationGroup": { nodeType: "CacheNodeType", subnetGroupName: "CacheSubnetGroupName", maintenanceWindow: "PreferredMaintenanceWindow" },
    "aws:iam/policy:Policy": { policy: "PolicyDocument" },
    "aws:iam/role:Role": { assumeRolePolicy: "AssumeRolePolicyDocument" },
    "aws:kinesis/stream:Stream": { retentionPeriod: "RetentionPeriodHours", kmsKeyId: "StreamEncryption" },
    "aws:kms/key:Key": { deletionWindowInDays: "PendingWindowInDays", policy: "KeyPolicy" },
    "aws:lambda/function:Function": { imageUri: "Code", code: "Code" },
    "aws:lb/listener:Listener": { certificateArn: "Certificates" },
    "aws:lb/loadBalancer:LoadBalancer": { accessLogs: "LoadBalancerAttributes" },
    "aws:rds/instance:Instance": { instanceClass: "DBInstanceClass", username: "MasterUsername", parameterGroupName: "DBParameterGroupName", vpcSecurityGroupIds: "VPCSecurityGroups", caCertIdentifier: "CACertificateIdentifier", enabledCloudwatchLogsExports: "EnableCloudwatchLogsExports", iamDatabaseAuthenticationEnabled: "EnableIAMDatabaseAuthentication" },
    "aws:s3/bucket:Bucket": { bucketPrefix: "BucketNamePrefix" },
    "aws:sns/topicSubscription:TopicSubscription": { topic: "TopicArn" },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": { cidrIpv4: "CidrIp", securityGroupId: "GroupId", referencedSecurityGroupId: "DestinationSecurityGroupId" },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": { cidrIpv4: "CidrIp", securityGroupId: "GroupId", referencedSecurityGroupId: "SourceSecurityGroupId" },
};

/** The CloudFormation type a `@pulumi/aws` type is, when it is one (not a part of another). */
export function cfnTypeOf(type: string): string | undefined {
    if (PROVIDER_ONLY[type]) return undefined;
    return INPUT_MAPPINGS[type]?.cfn ?? CFN_TYPE_OF_UNCONSTRAINED[type];
}

/** Every `@pulumi/aws` type the replacement data covers through CloudFormation. */
export function cfnMappedTypes(): string[] {
    return [...new Set([...Object.keys(INPUT_MAPPINGS), ...Object.keys(CFN_TYPE_OF_UNCONSTRAINED)])].filter((t) => cfnTypeOf(t) !== undefined).sort();
}

/** Input → property names known for a type: the constraint table's top-level ones, then these. */
function inputNames(type: string): Readonly<Record<string, string>> {
    const fromConstraints = Object.entries(INPUT_MAPPINGS[type]?.inputs ?? {}).filter(([i, p]) => !/[.[]/.test(i) && !/[.[]/.test(p));
    return { ...Object.fromEntries(fromConstraints), ...(MORE_INPUT_NAMES[type] ?? {}) };
}

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
    const cfn = cfnTypeOf(type);
    const props = cfn === undefined ? undefined : cfnData[cfn];
    if (!props) return undefined;
    const named = inputNames(type)[input];
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
    const cfn = cfnTypeOf(type);
    const prop = cfnProperty(type, input);
    if (cfn === undefined || prop === undefined) return undefined;
    return { replaces: cfnData[cfn]![prop]!, source: `${cfn}.${prop} (${data.source})` };
}
