/**
 * The network, PostgreSQL and Redis settings a system's config and profile give, in the shape the
 * components take them, so the systems that run them read their config the same way.
 */
import type { ProfileSettings } from "./profile";
import type { InterfaceEndpointName, NatStrategyName } from "./shapes";

/** The config fields of a system with its own VPC. */
export interface NetworkConfig {
    readonly vpcCidr: string;
    readonly azCount: number;
    readonly publicSubnetCidrs?: readonly string[];
    readonly privateSubnetCidrs?: readonly string[];
    readonly natGateways: NatStrategyName;
    readonly vpcEndpoints: readonly InterfaceEndpointName[];
}

/** The VPC's block, zones, subnets, NAT and interface endpoints. */
export function networkSettings(config: NetworkConfig) {
    return {
        cidrBlock: config.vpcCidr,
        availabilityZoneCount: config.azCount,
        publicSubnetCidrs: config.publicSubnetCidrs,
        privateSubnetCidrs: config.privateSubnetCidrs,
        natGateways: config.natGateways,
        interfaceEndpoints: config.vpcEndpoints,
    };
}

/** The config fields of a system with a PostgreSQL database. */
export interface PostgresConfig {
    readonly dbInstanceClass: string;
    readonly dbAllocatedStorageGb: number;
    readonly dbMultiAz: boolean;
    readonly dbBackupRetentionDays: number;
    readonly dbName: string;
    readonly dbUsername: string;
    readonly dbMonitoringLogGroup: "create" | "existing";
    readonly logRetentionDays: number;
}

/** The config fields of a system with a Redis cache. */
export interface RedisConfig {
    readonly cacheNodeType: string;
    readonly cacheNodes: number;
}

/** The database's sizes, names, monitoring, log retention and removal. */
export function postgresSettings(config: PostgresConfig, settings: ProfileSettings) {
    return {
        instanceClass: config.dbInstanceClass,
        allocatedStorageGb: config.dbAllocatedStorageGb,
        multiAz: config.dbMultiAz,
        backupRetentionDays: config.dbBackupRetentionDays,
        removal: settings.removal,
        databaseName: config.dbName,
        masterUsername: config.dbUsername,
        monitoringIntervalSeconds: settings.enhancedMonitoringSeconds,
        monitoringLogGroup: config.dbMonitoringLogGroup,
        logRetentionDays: config.logRetentionDays,
    };
}

/** The cache's node type and count, snapshots and removal. */
export function redisSettings(config: RedisConfig, settings: ProfileSettings) {
    return {
        nodeType: config.cacheNodeType,
        numCacheClusters: config.cacheNodes,
        snapshotRetentionDays: settings.cacheSnapshotDays,
        removal: settings.removal,
    };
}
