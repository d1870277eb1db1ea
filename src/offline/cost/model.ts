/**
 * The cost model: a monthly on-demand estimate of a stack from its planned resources. Prices
 * come from `prices.ts`; volumes a plan cannot know come from `UsageAssumptions`, each named
 * beside the line it drives. What the table cannot price is listed in `notes`, never guessed.
 */
import type { CostReport, PlannedResource } from "../model/types";
import { resolveAssumptions, type UsageAssumptions } from "./assumptions";
import { CostLines, roundUsd } from "./lines";
import { PRICERS } from "./pricers";
import { BASE_REGION } from "./prices";

export {
    ASSUMPTIONS_CONFIG_KEY,
    DEFAULT_USAGE_ASSUMPTIONS,
    describeAssumption,
    resolveAssumptions,
    type UsageAssumptions,
} from "./assumptions";

export interface EstimateOptions {
    /** The stack's AWS region (`aws:region`). */
    readonly region: string;
    /**
     * Overrides of the usage defaults, as given under `costAssumptions` in stack config.
     * Validated here: an unknown key or a negative or non-numeric value throws, naming the key.
     */
    readonly assumptions?: Partial<UsageAssumptions>;
}

export function estimateCost(resources: readonly PlannedResource[], opts: EstimateOptions): CostReport {
    const lines = new CostLines(opts.region, resolveAssumptions(opts.assumptions ?? {}), resources);
    for (const resource of resources) {
        PRICERS[resource.type]?.(resource, lines);
    }
    const approximate = lines.items.filter((i) => i.approximate).length;
    const notes = [...lines.notes];
    if (approximate > 0) {
        notes.push(
            `${approximate} line${approximate === 1 ? " uses" : "s use"} ${BASE_REGION} prices: the price table has no ${opts.region} figure for ${approximate === 1 ? "it" : "them"}`,
        );
    }
    return {
        monthlyUsd: roundUsd(lines.items.reduce((sum, i) => sum + i.monthlyUsd, 0)),
        currency: "USD",
        items: lines.items,
        notes,
    };
}
