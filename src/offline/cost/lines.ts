/**
 * The ledger a pricing pass writes to: looks a figure up for the stack's region (falling back
 * to us-east-1's, marked approximate), turns a quantity into a `CostItem`, and collects the
 * notes for what could not be priced.
 */
import type { CostItem, PlannedResource } from "../model/types";
import type { UsageAssumptions } from "./assumptions";
import { BASE_REGION, PRICES, type PriceFigure, type PriceKey } from "./prices";

export interface Rate {
    readonly usd: number;
    /** true when the region had no figure and us-east-1's is used. */
    readonly approximate: boolean;
    readonly figure: PriceFigure;
}

/** The figure for `region`, else us-east-1's marked approximate, else undefined. */
export function rateFor(key: PriceKey, region: string): Rate | undefined {
    const figure: PriceFigure = PRICES[key];
    const own = figure.prices[region];
    if (typeof own === "number") return { usd: own, approximate: false, figure };
    const base = figure.prices[BASE_REGION];
    if (typeof base === "number") return { usd: base, approximate: true, figure };
    return undefined;
}

/** Rounds to a hundredth of a cent: enough for per-request lines, free of float noise. */
export function roundUsd(usd: number): number {
    return Math.round(usd * 10_000) / 10_000;
}

export interface LineSpec {
    readonly key: PriceKey;
    readonly description: string;
    readonly quantity: number;
    readonly assumption?: string;
}

/** The most one cost line may come to before its quantity is taken as a bad input. */
const MAX_LINE_USD = 1e12;

export class CostLines {
    readonly items: CostItem[] = [];
    readonly notes: string[] = [];

    constructor(
        readonly region: string,
        readonly assumptions: UsageAssumptions,
        /** Every resource of the stack, for lines that depend on others (task definitions, NAT count). */
        readonly resources: readonly PlannedResource[],
    ) {}

    /**
     * Adds one line for `resource`. When even us-east-1 has no figure it adds a note instead
     * and returns false: a line is never priced from a number the table does not hold.
     */
    add(resource: PlannedResource, spec: LineSpec): boolean {
        const rate = rateFor(spec.key, this.region);
        if (rate === undefined) {
            this.note(resource, `${spec.description}: no price in the table for ${this.region} or ${BASE_REGION}; not priced`);
            return false;
        }
        // A negative count from a bad input prices as nothing rather than as a credit.
        const quantity = Math.max(0, spec.quantity);
        // No real line costs a trillion dollars a month; above that a bad input (say 1e300 GB)
        // would overflow the rounding and the stack's total.
        if (!(quantity * rate.usd <= MAX_LINE_USD)) {
            this.note(resource, `${spec.description}: quantity ${spec.quantity} is out of range; not priced`);
            return false;
        }
        this.items.push({
            urn: resource.urn,
            type: resource.type,
            description: spec.description,
            quantity,
            unit: rate.figure.unit.replace(/^USD per /, ""),
            unitPriceUsd: rate.usd,
            monthlyUsd: roundUsd(quantity * rate.usd),
            approximate: rate.approximate,
            ...(spec.assumption === undefined ? {} : { assumption: spec.assumption }),
            source: `${rate.figure.source} (as of ${rate.figure.sourceDate}; confidence ${rate.figure.confidence})`,
        });
        return true;
    }

    /** A note about one resource: something deliberately priced at zero or not priced. */
    note(resource: PlannedResource, message: string): void {
        const text = `${resource.name} (${resource.type}): ${message}`;
        if (!this.notes.includes(text)) this.notes.push(text);
    }

    /** Every resource of one of `types`. */
    ofType(...types: string[]): PlannedResource[] {
        return this.resources.filter((r) => types.includes(r.type));
    }
}
