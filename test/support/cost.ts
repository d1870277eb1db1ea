/**
 * Small hand-written plans for the cost model's tests: resources as the mock runtime records
 * them, and a dev-like and a prod-like shape of the same system.
 */
import type { PlannedResource } from "../../src/offline/model/types";
import { planned } from "./resources";

export { planned };

export interface SystemShape {
    readonly natGateways: number;
    readonly multiAz: boolean;
    readonly cacheNodes: number;
    readonly tasks: number;
    readonly shards: number;
}

export const DEV_SHAPE: SystemShape = { natGateways: 1, multiAz: false, cacheNodes: 1, tasks: 1, shards: 1 };
export const PROD_SHAPE: SystemShape = { natGateways: 3, multiAz: true, cacheNodes: 3, tasks: 3, shards: 2 };

/** An order-processing system in the shape given: the resources that differ between profiles plus the shared ones. */
export function orderSystem(shape: SystemShape): PlannedResource[] {
    const resources: PlannedResource[] = [
        planned("aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" }),
        planned("aws:iam/role:Role", "task-role", { assumeRolePolicy: "{}" }),
        planned("aws:kms/key:Key", "key", { enableKeyRotation: true }),
        planned("aws:secretsmanager/secret:Secret", "db-secret", {}),
        planned("aws:cloudwatch/logGroup:LogGroup", "app-logs", { retentionInDays: 30 }),
        planned("aws:cloudwatch/metricAlarm:MetricAlarm", "cpu-alarm", { period: 300, metricName: "CPUUtilization" }),
        planned("aws:ecr/repository:Repository", "images", {}),
        planned("aws:rds/instance:Instance", "db", {
            engine: "postgres",
            instanceClass: shape.multiAz ? "db.t3.small" : "db.t3.micro",
            allocatedStorage: shape.multiAz ? 50 : 20,
            storageType: "gp3",
            multiAz: shape.multiAz,
        }),
        planned("aws:elasticache/replicationGroup:ReplicationGroup", "cache", {
            engine: "redis",
            nodeType: "cache.t3.micro",
            numCacheClusters: shape.cacheNodes,
        }),
        planned("aws:kinesis/stream:Stream", "orders", { shardCount: shape.shards, retentionPeriod: 24 }),
        planned("aws:ecs/taskDefinition:TaskDefinition", "api-task", { family: "orders-api", cpu: "256", memory: "512" }),
        planned("aws:ecs/service:Service", "api", {
            taskDefinition: "api-task-id",
            desiredCount: shape.tasks,
            launchType: "FARGATE",
        }),
    ];
    for (let i = 0; i < shape.natGateways; i++) {
        resources.push(planned("aws:ec2/eip:Eip", `nat-eip-${i}`, { domain: "vpc" }));
        resources.push(planned("aws:ec2/natGateway:NatGateway", `nat-${i}`, { allocationId: `nat-eip-${i}-id` }));
    }
    return resources;
}
