/**
 * ElastiCache engines `@pulumi/aws` v7 accepts for a replication group (lowercase).
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html
 */
export const CACHE_ENGINES = ["redis", "valkey"] as const;
export type CacheEngine = (typeof CACHE_ENGINES)[number];
