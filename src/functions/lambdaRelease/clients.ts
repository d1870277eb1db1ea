/**
 * The AWS SDK v3 clients the deploy function uses in AWS. The Node.js 22 Lambda runtime
 * provides the SDK, so the bundle leaves it out.
 */
import { CodePipelineClient } from "@aws-sdk/client-codepipeline";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { LambdaClient } from "@aws-sdk/client-lambda";

/**
 * Bounded connections and requests: an unreachable endpoint fails in seconds instead of
 * holding the invocation until its timeout, so the job is still reported.
 */
export const SDK_CLIENT_CONFIG = {
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 3000, requestTimeout: 10_000 },
} as const;

export interface AwsClients {
    readonly lambda: LambdaClient;
    readonly codepipeline: CodePipelineClient;
    readonly dynamo: DynamoDBClient;
}

/** Clients for the function's own region and role (from the Lambda environment). */
export function createAwsClients(): AwsClients {
    return {
        lambda: new LambdaClient(SDK_CLIENT_CONFIG),
        codepipeline: new CodePipelineClient(SDK_CLIENT_CONFIG),
        dynamo: new DynamoDBClient(SDK_CLIENT_CONFIG),
    };
}
