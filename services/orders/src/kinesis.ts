/**
 * The Kinesis calls the service makes, and nothing else: ListShards, GetShardIterator and
 * GetRecords (the task role allows exactly these).
 */
import { GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, type GetRecordsCommandOutput } from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { Config } from "./config";
import type { ShardInfo } from "./leases";

export function kinesisClient(config: Config): KinesisClient {
    return new KinesisClient({
        region: config.AWS_REGION,
        ...(config.KINESIS_ENDPOINT ? { endpoint: config.KINESIS_ENDPOINT } : {}),
        // HTTP/1.1: the SDK's HTTP/2 default is only needed for SubscribeToShard, which the service does not use.
        requestHandler: new NodeHttpHandler({ connectionTimeout: 3_000, requestTimeout: 10_000 }),
        // Retries are the service's own (retry.ts): it backs off without limit and never skips a record.
        maxAttempts: 1,
    });
}

export async function listShards(client: KinesisClient, stream: string): Promise<ShardInfo[]> {
    const shards: ShardInfo[] = [];
    let nextToken: string | undefined;
    do {
        // StreamName and NextToken are mutually exclusive.
        const out = await client.send(new ListShardsCommand(nextToken ? { NextToken: nextToken } : { StreamName: stream }));
        for (const s of out.Shards ?? []) {
            if (!s.ShardId) continue;
            shards.push({ shardId: s.ShardId, parentIds: [s.ParentShardId, s.AdjacentParentShardId].filter((p): p is string => typeof p === "string") });
        }
        nextToken = out.NextToken;
    } while (nextToken);
    return shards;
}

export async function shardIterator(client: KinesisClient, stream: string, shardId: string, after: string | null, initial: "TRIM_HORIZON" | "LATEST"): Promise<string> {
    const out = await client.send(
        new GetShardIteratorCommand(
            after ? { StreamName: stream, ShardId: shardId, ShardIteratorType: "AFTER_SEQUENCE_NUMBER", StartingSequenceNumber: after } : { StreamName: stream, ShardId: shardId, ShardIteratorType: initial },
        ),
    );
    if (!out.ShardIterator) throw new Error(`no iterator for ${shardId}`);
    return out.ShardIterator;
}

export async function getRecords(client: KinesisClient, iterator: string, limit: number): Promise<GetRecordsCommandOutput> {
    return client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }));
}

export function isExpiredIterator(e: unknown): boolean {
    return (e as { name?: string } | null)?.name === "ExpiredIteratorException";
}
