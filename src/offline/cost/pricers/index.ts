/**
 * One pricer per billable `@pulumi/aws` v7 resource type: reads the planned inputs, applies
 * AWS's defaults where the program left an input out, and writes lines (or notes) to the
 * ledger. Types not listed here are free (VPCs, subnets, roles, security groups...). The
 * pricers live by service family beside this table.
 */
import { TYPES, type Pricer } from "./common";
import { natGateway, eip, vpcEndpoint, loadBalancer } from "./network";
import { rdsInstance, replicationGroup, cacheCluster, kinesisStream, bucket, ecrRepository, dynamodbTable } from "./data";
import { ecsService, ecsCluster, lambdaFunction } from "./compute";
import { kmsKey, secret, logGroup, metricAlarm } from "./operations";
import { pipeline, buildProject } from "./delivery";

export { findTaskDefinition } from "./compute";
export { TYPES, type Pricer } from "./common";

/** Billable types the table has no figure for: each gets a note instead of a line. */
const UNPRICED: Readonly<Record<string, string>> = {
    "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig":
        "provisioned concurrency is billed for every hour it is configured; the table has no figure, not priced",
    "aws:codecommit/repository:Repository": "CodeCommit is billed per active user; the table has no figure, not priced",
    "aws:codedeploy/deploymentGroup:DeploymentGroup":
        "CodeDeploy to ECS and Lambda is commonly free, but no source in the table confirms it; not priced",
    "aws:rds/cluster:Cluster": "Aurora clusters have no figure in the table; not priced",
    "aws:rds/clusterInstance:ClusterInstance": "Aurora instances have no figure in the table; not priced",
    "aws:elasticache/serverlessCache:ServerlessCache": "ElastiCache Serverless has no figure in the table; not priced",
    "aws:ec2/flowLog:FlowLog": "flow logs are billed as vended logs, whose figure the table does not confirm; not priced",
    "aws:cloudwatch/compositeAlarm:CompositeAlarm": "composite alarms have no figure in the table; not priced",
    "aws:sns/topic:Topic": "SNS is billed per publish and delivery; not estimated",
};

export const PRICERS: Readonly<Record<string, Pricer>> = {
    [TYPES.natGateway]: natGateway,
    [TYPES.eip]: eip,
    [TYPES.vpcEndpoint]: vpcEndpoint,
    [TYPES.rdsInstance]: rdsInstance,
    [TYPES.replicationGroup]: replicationGroup,
    [TYPES.cacheCluster]: cacheCluster,
    [TYPES.kinesisStream]: kinesisStream,
    [TYPES.ecsService]: ecsService,
    [TYPES.ecsCluster]: ecsCluster,
    [TYPES.loadBalancer]: loadBalancer,
    [TYPES.albLoadBalancer]: loadBalancer,
    [TYPES.kmsKey]: kmsKey,
    [TYPES.secret]: secret,
    [TYPES.logGroup]: logGroup,
    [TYPES.metricAlarm]: metricAlarm,
    [TYPES.pipeline]: pipeline,
    [TYPES.buildProject]: buildProject,
    [TYPES.bucket]: bucket,
    [TYPES.bucketV2]: bucket,
    [TYPES.ecrRepository]: ecrRepository,
    [TYPES.dynamodbTable]: dynamodbTable,
    [TYPES.lambdaFunction]: lambdaFunction,
    ...Object.fromEntries(
        Object.entries(UNPRICED).map(([type, why]): [string, Pricer] => [type, (r, lines) => lines.note(r, why)]),
    ),
};
