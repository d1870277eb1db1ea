/** The Lambda entry point, `index.handler`: the deploy handler with real clients and clock. */
import { setTimeout as sleep } from "node:timers/promises";
import { createAwsClients } from "./clients";
import { createHandler } from "./handler";

export const handler = createHandler({
    ...createAwsClients(),
    now: Date.now,
    sleep: (ms) => sleep(ms),
});
