/**
 * RDS PostgreSQL in private subnets: its own security group open only to the client security
 * groups it is given, storage encrypted with the customer key, the master password managed by
 * RDS in Secrets Manager under the same key and rotated on a schedule, TLS enforced by a
 * parameter group, logs exported to CloudWatch, backups, and a CPU alarm.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { withName } from "../config/tags";
import type { BaseArgs, StatefulArgs } from "./common";
import { lifecycle, TOKEN } from "./common";
import { grantKey, ServiceRole, type Grantee } from "./iam";
import { logGroup, metricAlarm } from "./logs";
import { secretReadStatements, type SecretRef } from "./secret";
import { addRules, securityGroup } from "./securityGroup";

export interface PostgresDatabaseArgs extends BaseArgs, StatefulArgs {
    /** The VPC of the database's security group. */
    readonly vpcId: pulumi.Input<string>;
    /** Private subnets of the DB subnet group, in at least two availability zones. */
    readonly subnetIds: pulumi.Input<string>[];
    /** The customer key for storage, Performance Insights, the master secret and the log groups. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /**
     * Major version only, so RDS picks a supported minor and upgrades it (15.4 can no longer be
     * created).
     * @default "15"
     */
    readonly engineVersion?: string;
    /** The instance class, e.g. `db.t3.micro`. */
    readonly instanceClass: string;
    /** Storage at creation, in GiB. */
    readonly allocatedStorageGb: number;
    /** Storage autoscaling ceiling. @default - 2 × allocatedStorageGb */
    readonly maxAllocatedStorageGb?: number;
    /** A standby in a second availability zone. */
    readonly multiAz: boolean;
    /** Days automated backups are kept. */
    readonly backupRetentionDays: number;
    /** The database created in the instance. */
    readonly databaseName: string;
    /** Not `postgres`, the engine's default administrator (RDS.25). */
    readonly masterUsername: string;
    /** @default 5432 */
    readonly port?: number;
    /** Rotation of the RDS-managed master secret. @default 30 */
    readonly passwordRotationDays?: number;
    /** Enhanced monitoring interval in seconds (RDS.6); 0 turns it off. @default 0 */
    readonly monitoringIntervalSeconds?: 0 | 1 | 5 | 10 | 15 | 30 | 60;
    /**
     * With enhanced monitoring on: `create` makes `RDSOSMetrics` (one group per account and
     * region, written by every instance's enhanced monitoring) with this key and retention;
     * `existing` leaves it to the stack that created it there, as a second create would fail.
     * @default "create"
     */
    readonly monitoringLogGroup?: "create" | "existing";
    /** Percentage of CPU above which the alarm fires. @default 80 */
    readonly cpuAlarmThreshold?: number;
    /** SNS topics the CPU alarm notifies. @default - none */
    readonly alarmActions?: readonly pulumi.Input<string>[];
    /** Retention of the log groups RDS writes to (exports and enhanced monitoring). */
    readonly logRetentionDays: number;
}

/** The logs RDS PostgreSQL exports to CloudWatch Logs. */
export const POSTGRES_LOG_EXPORTS = ["postgresql", "upgrade"] as const;

interface DatabaseGroups {
    readonly subnetGroup: aws.rds.SubnetGroup;
    readonly parameters: aws.rds.ParameterGroup;
}

interface DatabaseMonitoring {
    // The instance waits for these, so RDS never creates them first unencrypted.
    readonly logGroups: aws.cloudwatch.LogGroup[];
    readonly monitoringRole?: ServiceRole;
}

export class PostgresDatabase extends pulumi.ComponentResource {
    /** @internal The instance; read the outputs below instead. */
    readonly instance: aws.rds.Instance;
    /** @internal Admits only the peers given to `allowFrom`. */
    readonly securityGroup: aws.ec2.SecurityGroup;
    /** ARN of the RDS-managed secret holding `username` and `password`. */
    readonly secretArn: pulumi.Output<string>;
    /** The master secret as its readers need it (ARN and key), e.g. for a container's secrets. */
    readonly secret: SecretRef;
    /** `<address>:<port>`. */
    readonly endpoint: pulumi.Output<string>;
    /** The instance's DNS name. */
    readonly address: pulumi.Output<string>;
    /** The port clients connect on. */
    readonly port: pulumi.Output<number>;
    /** The checked instance identifier, known before deployment. */
    readonly identifier: string;
    /** The same identifier as an output, for stack outputs. */
    readonly name: pulumi.Output<string>;
    private readonly resourceName: string;
    private readonly region: pulumi.Output<string>;
    private readonly clients: pulumi.Input<string>[] = [];
    private readonly tags: BaseArgs["tags"];
    private readonly portNumber: number;

    constructor(name: string, args: PostgresDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:rds:PostgresDatabase`, name, {}, opts);
        const port = args.port ?? 5432;
        this.resourceName = name;
        this.tags = args.tags;
        this.portNumber = port;
        this.identifier = args.namer.name("postgres", "rdsInstance");

        this.securityGroup = securityGroup(
            `${name}-sg`,
            {
                namer: args.namer,
                groupName: "postgres",
                description: `PostgreSQL ${this.identifier}: clients on ${port} only`,
                vpcId: args.vpcId,
                tags: args.tags,
            },
            { parent: this },
        );
        const groups = this.createSubnetAndParameterGroups(name, args);
        this.region = aws.getRegionOutput({}, { parent: this }).region;
        const monitoring = this.createLogGroupsAndMonitoring(name, args);
        this.instance = this.createInstance(name, args, groups, monitoring);

        this.secretArn = this.instance.masterUserSecrets.apply((s) => {
            const arn = s?.[0]?.secretArn;
            if (!arn) throw new Error(`${this.identifier}: RDS returned no managed master secret`);
            return arn;
        });
        // RDS rotates its managed secret every 7 days unless told otherwise; the design asks for 30.
        new aws.secretsmanager.SecretRotation(
            name,
            { secretId: this.secretArn, rotationRules: { automaticallyAfterDays: args.passwordRotationDays ?? 30 } },
            { parent: this },
        );
        this.createCpuAlarm(name, args);

        this.secret = { arn: this.secretArn, kmsKeyArn: args.kmsKeyArn };
        this.endpoint = this.instance.endpoint;
        this.address = this.instance.address;
        this.port = this.instance.port;
        this.name = this.instance.identifier;
        this.registerOutputs({ endpoint: this.endpoint, secretArn: this.secretArn, identifier: this.identifier });
    }

    // The private subnets the instance lives in, and the parameters that force TLS and log slow statements.
    private createSubnetAndParameterGroups(name: string, args: PostgresDatabaseArgs): DatabaseGroups {
        const major = (args.engineVersion ?? "15").split(".")[0]!;
        const subnetGroup = new aws.rds.SubnetGroup(
            name,
            { name: args.namer.name("postgres-subnets", "rdsInstance"), description: `Private subnets of ${this.identifier}`, subnetIds: args.subnetIds, tags: args.tags },
            { parent: this },
        );
        const parameters = new aws.rds.ParameterGroup(
            name,
            {
                name: args.namer.name(`postgres${major}`, "rdsInstance"),
                family: `postgres${major}`,
                description: `TLS-only connections and statement logging for ${this.identifier}`,
                parameters: [
                    { name: "rds.force_ssl", value: "1" },
                    { name: "log_min_duration_statement", value: "1000" },
                    { name: "log_connections", value: "1" },
                ],
                tags: args.tags,
            },
            { parent: this },
        );
        return { subnetGroup, parameters };
    }

    private createLogGroupsAndMonitoring(name: string, args: PostgresDatabaseArgs): DatabaseMonitoring {
        const tags = args.tags;
        const interval = args.monitoringIntervalSeconds ?? 0;
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const osMetrics = pulumi.interpolate`arn:aws:logs:${this.region}:${account}:log-group:RDSOSMetrics`;
        // RDS creates these groups itself on first write, unencrypted, kept forever and outside
        // the stack (so `pulumi destroy` leaves them). Created here first, with the key and the
        // retention, and the instance waits for them. RDSOSMetrics is one group per account and
        // region that every instance's enhanced monitoring writes to: one stack there owns it
        // (`monitoringLogGroup`), and an instance of another stack writes to that one.
        const logGroups = [
            ...POSTGRES_LOG_EXPORTS.map((log) =>
                logGroup(`${name}-${log}-logs`, { logGroupName: `/aws/rds/instance/${this.identifier}/${log}`, retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArn, tags }, { parent: this }),
            ),
            ...(interval > 0 && (args.monitoringLogGroup ?? "create") === "create"
                ? [logGroup(`${name}-os-metrics-logs`, { logGroupName: "RDSOSMetrics", retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArn, tags }, { parent: this })]
                : []),
        ];
        if (interval === 0) return { logGroups };
        const monitoringRole = new ServiceRole(
            `${name}-monitoring`,
            {
                namer: args.namer,
                tags,
                roleName: "rds-monitoring",
                description: `Enhanced monitoring of ${this.identifier}`,
                services: ["monitoring.rds.amazonaws.com"],
                policies: {
                    // AmazonRDSEnhancedMonitoringRole's permissions, narrowed to this account and
                    // region and to RDSOSMetrics, the log group enhanced monitoring writes to.
                    "enhanced-monitoring": [
                        { Action: ["logs:CreateLogGroup", "logs:PutRetentionPolicy"], Resource: pulumi.interpolate`${osMetrics}` },
                        {
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:GetLogEvents"],
                            Resource: pulumi.interpolate`${osMetrics}:log-stream:*`,
                        },
                    ],
                },
            },
            { parent: this },
        );
        return { logGroups, monitoringRole };
    }

    private createInstance(name: string, args: PostgresDatabaseArgs, groups: DatabaseGroups, monitoring: DatabaseMonitoring): aws.rds.Instance {
        const keep = lifecycle(args.removal);
        return new aws.rds.Instance(
            name,
            {
                identifier: this.identifier,
                engine: "postgres",
                engineVersion: args.engineVersion ?? "15",
                autoMinorVersionUpgrade: true,
                // No paid Extended Support when a major version reaches end of standard support.
                engineLifecycleSupport: "open-source-rds-extended-support-disabled",
                instanceClass: args.instanceClass,
                allocatedStorage: args.allocatedStorageGb,
                maxAllocatedStorage: args.maxAllocatedStorageGb ?? args.allocatedStorageGb * 2,
                storageType: "gp3",
                storageEncrypted: true,
                kmsKeyId: args.kmsKeyArn,
                dbName: args.databaseName,
                username: args.masterUsername,
                manageMasterUserPassword: true,
                masterUserSecretKmsKeyId: args.kmsKeyArn,
                iamDatabaseAuthenticationEnabled: true,
                port: this.portNumber,
                dbSubnetGroupName: groups.subnetGroup.name,
                vpcSecurityGroupIds: [this.securityGroup.id],
                parameterGroupName: groups.parameters.name,
                publiclyAccessible: false,
                multiAz: args.multiAz,
                backupRetentionPeriod: args.backupRetentionDays,
                backupWindow: "02:00-03:00",
                maintenanceWindow: "sun:03:30-sun:04:30",
                copyTagsToSnapshot: true,
                deletionProtection: keep.deletionProtection,
                skipFinalSnapshot: !keep.finalSnapshot,
                ...(keep.finalSnapshot ? { finalSnapshotIdentifier: `${this.identifier}-final` } : {}),
                enabledCloudwatchLogsExports: [...POSTGRES_LOG_EXPORTS],
                monitoringInterval: args.monitoringIntervalSeconds ?? 0,
                ...(monitoring.monitoringRole ? { monitoringRoleArn: monitoring.monitoringRole.arn } : {}),
                caCertIdentifier: "rds-ca-rsa2048-g1",
                applyImmediately: false,
                tags: withName(args.tags, this.identifier),
            },
            { parent: this, protect: keep.protect, dependsOn: monitoring.logGroups },
        );
    }

    private createCpuAlarm(name: string, args: PostgresDatabaseArgs): void {
        metricAlarm(
            `${name}-cpu`,
            {
                alarmName: args.namer.name("postgres-cpu"),
                description: `CPU of ${this.identifier} above ${args.cpuAlarmThreshold ?? 80}% for 10 minutes`,
                namespace: "AWS/RDS",
                metricName: "CPUUtilization",
                dimensions: { DBInstanceIdentifier: this.instance.identifier },
                statistic: "Average",
                threshold: args.cpuAlarmThreshold ?? 80,
                actions: args.alarmActions,
                tags: args.tags,
            },
            { parent: this },
        );
    }

    /** Admit a security group's members on the database port; nothing else is admitted. */
    allowFrom(securityGroupId: pulumi.Input<string>): void {
        this.clients.push(securityGroupId);
        const rule = { description: `PostgreSQL from client ${this.clients.length}`, port: this.portNumber, securityGroupId };
        addRules(`${this.resourceName}-sg`, this.securityGroup, "ingress", [rule], this.tags, { parent: this }, this.clients.length - 1);
    }

    /** Read the master secret (and decrypt it through Secrets Manager). */
    grantSecretRead(grantee: Grantee): void {
        grantee.grant(grantKey(this.resourceName, "secret-read"), secretReadStatements([this.secret], this.region));
    }
}
