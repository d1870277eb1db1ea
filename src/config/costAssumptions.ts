/**
 * The shape of `costAssumptions` in stack config: the usage figures the offline cost model
 * prices with, each a number of 0 or more. It lives with the config so a stack's config is
 * checked without loading the tooling; src/offline/cost/assumptions.ts holds the defaults and
 * what each figure means, and its test pins that both list the same keys.
 */
import { z } from "zod";

const amount = z.number().nonnegative();

export const assumptionOverridesSchema = z
    .strictObject({
        natDataProcessedGb: amount,
        albLcus: amount,
        logIngestGb: amount,
        buildMinutes: amount,
        pipelineActionMinutes: amount,
        s3StorageGb: amount,
        ecrStorageGb: amount,
        lambdaRequests: amount,
        lambdaAverageDurationMs: amount,
        dynamodbWriteRequestUnits: amount,
        dynamodbReadRequestUnits: amount,
        dynamodbStorageGb: amount,
        kinesisOnDemandIngestGb: amount,
    })
    .partial();

export type AssumptionOverrides = z.infer<typeof assumptionOverridesSchema>;
