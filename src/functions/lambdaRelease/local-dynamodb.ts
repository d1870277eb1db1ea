/**
 * Test support: a DynamoDB-compatible server (dynalite, in memory) on a loopback port, with
 * the deployment history table created from the real key schema.
 */
import type { AddressInfo } from "node:net";
import { CreateTableCommand, DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import dynalite from "dynalite";
import { DEPLOYMENT_HISTORY_KEYS } from "./history";

export interface LocalDynamoDb {
    readonly endpoint: string;
    /** A client for the local server; fake credentials, as dynalite checks none. */
    client(config?: DynamoDBClientConfig): DynamoDBClient;
    createHistoryTable(tableName: string): Promise<void>;
    close(): Promise<void>;
}

export function clientFor(endpoint: string, config: DynamoDBClientConfig = {}): DynamoDBClient {
    return new DynamoDBClient({
        region: "us-east-1",
        credentials: { accessKeyId: "AKIDLOCAL", secretAccessKey: "local" },
        ...config,
        endpoint,
    });
}

export async function startLocalDynamoDb(): Promise<LocalDynamoDb> {
    const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const endpoint = `http://127.0.0.1:${port}`;
    const clients: DynamoDBClient[] = [];
    const client = (config?: DynamoDBClientConfig): DynamoDBClient => {
        const created = clientFor(endpoint, config);
        clients.push(created);
        return created;
    };
    const admin = client();
    return {
        endpoint,
        client,
        async createHistoryTable(tableName) {
            await admin.send(
                new CreateTableCommand({
                    TableName: tableName,
                    BillingMode: "PAY_PER_REQUEST",
                    KeySchema: [
                        { AttributeName: DEPLOYMENT_HISTORY_KEYS.hashKey, KeyType: "HASH" },
                        { AttributeName: DEPLOYMENT_HISTORY_KEYS.rangeKey, KeyType: "RANGE" },
                    ],
                    AttributeDefinitions: DEPLOYMENT_HISTORY_KEYS.attributes.map(({ name, type }) => ({
                        AttributeName: name,
                        AttributeType: type,
                    })),
                }),
            );
        },
        async close() {
            for (const created of clients) created.destroy();
            server.closeAllConnections();
            await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
        },
    };
}
