/** What every pricer shares: its signature, the type tokens it prices, hours in a month. */
import type { PlannedResource } from "../../model/types";
import type { CostLines } from "../lines";
import { HOURS_PER_MONTH } from "../prices";

export type Pricer = (resource: PlannedResource, lines: CostLines) => void;

export const TYPES = {
    natGateway: "aws:ec2/natGateway:NatGateway",
    eip: "aws:ec2/eip:Eip",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    rdsInstance: "aws:rds/instance:Instance",
    replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    cacheCluster: "aws:elasticache/cluster:Cluster",
    kinesisStream: "aws:kinesis/stream:Stream",
    ecsService: "aws:ecs/service:Service",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    ecsCluster: "aws:ecs/cluster:Cluster",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
    kmsKey: "aws:kms/key:Key",
    secret: "aws:secretsmanager/secret:Secret",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    pipeline: "aws:codepipeline/pipeline:Pipeline",
    buildProject: "aws:codebuild/project:Project",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    ecrRepository: "aws:ecr/repository:Repository",
    dynamodbTable: "aws:dynamodb/table:Table",
    lambdaFunction: "aws:lambda/function:Function",
} as const;

export const HOURS = HOURS_PER_MONTH;
