/**
 * An ElastiCache replication group (Redis OSS or Valkey) in private subnets: encryption at rest
 * with the customer key and in transit (required), an auth token generated at deploy time and
 * kept in Secrets Manager under the key, automatic failover and Multi-AZ when it has two or
 * more nodes, daily snapshots, and a memory alarm per node.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { CacheEngine } from "../aws/elasticache";
import * as random from "@pulumi/random";
import type { BaseArgs, StatefulArgs } from "./common";
import { lifecycle, TOKEN } from "./common";
import { grantKey, type Grantee } from "./iam";
import { metricAlarm } from "./logs";
import { secretReadStatements, type SecretRef } from "./secret";
import { addRules, securityGroup } from "./securityGroup";

export interface RedisCacheArgs extends BaseArgs, StatefulArgs {
    /** The VPC of the cache's security group. */
    readonly vpcId: pulumi.Input<string>;
    /** Private subnets of the cache's subnet group, one per availability zone it may use. */
    readonly subnetIds: pulumi.Input<string>[];
    /** The customer key for data at rest, the snapshots and the auth token's secret. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** @default "redis" */
    readonly engine?: CacheEngine;
    /** @default "7.1" for redis, "8.0" for valkey */
    readonly engineVersion?: string;
    /** The node type, e.g. `cache.t3.micro`. */
    readonly nodeType: string;
    /** Primary plus replicas. 2+ turns on automatic failover and Multi-AZ. */
    readonly numCacheClusters: number;
    /** @default 6379 */
    readonly port?: number;
    /** Days of daily snapshots kept (ElastiCache.1 wants at least 1). @default 1 */
    readonly snapshotRetentionDays?: number;
    /** @default 80 */
    readonly memoryAlarmThreshold?: number;
    /** SNS topics the memory alarm notifies. @default - none */
    readonly alarmActions?: readonly pulumi.Input<string>[];
}

export class RedisCache extends pulumi.ComponentResource {
    /** @internal The replication group; read the outputs below instead. */
    readonly replicationGroup: aws.elasticache.ReplicationGroup;
    /** @internal Admits only the peers given to `allowFrom`. */
    readonly securityGroup: aws.ec2.SecurityGroup;
    /** @internal The secret holding the AUTH token; read `authToken` or `authTokenSecretArn`. */
    readonly authSecret: aws.secretsmanager.Secret;
    /** ARN of the secret holding the AUTH token (the whole value). */
    readonly authTokenSecretArn: pulumi.Output<string>;
    /** The AUTH token secret as its readers need it (ARN and key), e.g. for a container's secrets. */
    readonly authToken: SecretRef;
    /** The primary's DNS name (clients connect with TLS). */
    readonly primaryEndpoint: pulumi.Output<string>;
    /** The port clients connect on. */
    readonly port: pulumi.Output<number>;
    /** The checked replication group id, known before deployment. */
    readonly replicationGroupId: string;
    private readonly resourceName: string;
    private readonly region: pulumi.Output<string>;
    private readonly clients: pulumi.Input<string>[] = [];
    private readonly tags: BaseArgs["tags"];
    private readonly portNumber: number;
    private readonly engine: string;

    constructor(name: string, args: RedisCacheArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:elasticache:RedisCache`, name, {}, opts);
        if (!Number.isInteger(args.numCacheClusters) || args.numCacheClusters < 1 || args.numCacheClusters > 6) {
            throw new Error(`RedisCache ${name}: numCacheClusters must be 1 to 6, got ${args.numCacheClusters}`);
        }
        const engine = args.engine ?? "redis";
        const port = args.port ?? 6379;
        this.resourceName = name;
        this.tags = args.tags;
        this.portNumber = port;
        this.engine = engine;
        this.region = aws.getRegionOutput({}, { parent: this }).region;
        const tags = args.tags;
        this.replicationGroupId = args.namer.name("redis", "elasticacheReplicationGroup");

        this.securityGroup = securityGroup(
            `${name}-sg`,
            {
                namer: args.namer,
                groupName: "redis",
                description: `${engine} ${this.replicationGroupId}: clients on ${port} only`,
                vpcId: args.vpcId,
                tags,
            },
            { parent: this },
        );
        const subnetGroup = new aws.elasticache.SubnetGroup(
            name,
            { name: args.namer.name("redis-subnets"), description: `Private subnets of ${this.replicationGroupId}`, subnetIds: args.subnetIds, tags },
            { parent: this },
        );

        const token = this.createAuthToken(name, args);
        this.authSecret = token.secret;
        this.replicationGroup = this.createReplicationGroup(name, args, subnetGroup, token.password);
        this.createMemoryAlarms(name, args);

        this.authTokenSecretArn = this.authSecret.arn;
        this.authToken = { arn: this.authSecret.arn, kmsKeyArn: args.kmsKeyArn };
        this.primaryEndpoint = this.replicationGroup.primaryEndpointAddress;
        this.port = this.replicationGroup.port.apply((p) => p ?? port);
        this.registerOutputs({ primaryEndpoint: this.primaryEndpoint, port: this.port, authSecretArn: this.authSecret.arn });
    }

    /** A random AUTH token, kept in a secret under the cache's key. */
    private createAuthToken(name: string, args: RedisCacheArgs): { secret: aws.secretsmanager.Secret; password: pulumi.Output<string> } {
        // 32 alphanumerics: inside AWS's 16–128 and free of the characters it forbids (@ " /).
        const token = new random.RandomPassword(`${name}-auth-token`, { length: 32, special: false, upper: true, lower: true, numeric: true }, { parent: this });
        const secret = new aws.secretsmanager.Secret(
            `${name}-auth-token`,
            {
                name: args.namer.name("redis-auth-token"),
                description: `AUTH token of ${this.replicationGroupId}`,
                kmsKeyId: args.kmsKeyArn,
                recoveryWindowInDays: lifecycle(args.removal).secretRecoveryWindowDays,
                tags: args.tags,
            },
            { parent: this },
        );
        new aws.secretsmanager.SecretVersion(`${name}-auth-token`, { secretId: secret.id, secretString: token.result }, { parent: this });
        return { secret, password: token.result };
    }

    private createReplicationGroup(
        name: string,
        args: RedisCacheArgs,
        subnetGroup: aws.elasticache.SubnetGroup,
        authToken: pulumi.Output<string>,
    ): aws.elasticache.ReplicationGroup {
        const replicated = args.numCacheClusters >= 2;
        const engine = this.engine;
        return new aws.elasticache.ReplicationGroup(
            name,
            {
                replicationGroupId: this.replicationGroupId,
                description: `${engine} for ${args.namer.system} (${args.namer.suffix})`,
                engine,
                engineVersion: args.engineVersion ?? (engine === "redis" ? "7.1" : "8.0"),
                nodeType: args.nodeType,
                numCacheClusters: args.numCacheClusters,
                port: this.portNumber,
                subnetGroupName: subnetGroup.name,
                securityGroupIds: [this.securityGroup.id],
                atRestEncryptionEnabled: true,
                kmsKeyId: args.kmsKeyArn,
                transitEncryptionEnabled: true,
                transitEncryptionMode: "required",
                authToken,
                authTokenUpdateStrategy: "ROTATE",
                automaticFailoverEnabled: replicated,
                multiAzEnabled: replicated,
                autoMinorVersionUpgrade: true,
                snapshotRetentionLimit: args.snapshotRetentionDays ?? 1,
                snapshotWindow: "01:00-02:00",
                maintenanceWindow: "sun:04:30-sun:05:30",
                applyImmediately: false,
                tags: args.tags,
            },
            { parent: this, protect: lifecycle(args.removal).protect },
        );
    }

    /** One memory alarm per node: ElastiCache reports memory per cache cluster, not per group. */
    private createMemoryAlarms(name: string, args: RedisCacheArgs): void {
        for (let i = 1; i <= args.numCacheClusters; i++) {
            const member = `${this.replicationGroupId}-00${i}`;
            metricAlarm(
                `${name}-memory-${i}`,
                {
                    alarmName: args.namer.name(`redis-memory-00${i}`),
                    description: `Memory of ${member} above ${args.memoryAlarmThreshold ?? 80}% for 10 minutes`,
                    namespace: "AWS/ElastiCache",
                    metricName: "DatabaseMemoryUsagePercentage",
                    dimensions: { CacheClusterId: member },
                    statistic: "Average",
                    threshold: args.memoryAlarmThreshold ?? 80,
                    actions: args.alarmActions,
                    tags: args.tags,
                },
                { parent: this, dependsOn: [this.replicationGroup] },
            );
        }
    }

    /** Admit a security group's members on the cache port; nothing else is admitted. */
    allowFrom(securityGroupId: pulumi.Input<string>): void {
        this.clients.push(securityGroupId);
        const rule = { description: `${this.engine} from client ${this.clients.length}`, port: this.portNumber, securityGroupId };
        addRules(`${this.resourceName}-sg`, this.securityGroup, "ingress", [rule], this.tags, { parent: this }, this.clients.length - 1);
    }

    /** Read the AUTH token (and decrypt it through Secrets Manager). */
    grantSecretRead(grantee: Grantee): void {
        grantee.grant(grantKey(this.resourceName, "secret-read"), secretReadStatements([this.authToken], this.region));
    }
}
