/**
 * An order record on the stream, and how a record becomes either an order or a dead letter.
 */
import { z } from "zod";

export const orderSchema = z.object({
    orderId: z.string().min(1).max(64),
    customerId: z.string().min(1).max(64),
    /** Later versions of an order replace earlier ones; the same version twice changes nothing. */
    version: z.number().int().min(1).max(2_147_483_647).default(1),
    status: z.enum(["placed", "paid", "shipped", "delivered", "cancelled"]),
    currency: z.string().regex(/^[A-Z]{3}$/),
    items: z
        .array(z.object({ sku: z.string().min(1).max(64), quantity: z.number().int().min(1).max(10_000), unitPriceCents: z.number().int().min(0).max(100_000_000) }))
        .min(1)
        .max(500),
    createdAt: z.iso.datetime({ offset: true }),
    /** Free text the producer may add (the benchmark pads records to ~1 KB with it). */
    note: z.string().max(4_096).optional(),
});

export type Order = z.infer<typeof orderSchema>;

export interface StreamRecord {
    readonly sequenceNumber: string;
    readonly data: Uint8Array;
    readonly arrivedAt?: Date;
}

export type Decoded = { readonly kind: "order"; readonly order: Order; readonly record: StreamRecord } | { readonly kind: "poison"; readonly reason: string; readonly record: StreamRecord };

export function decode(record: StreamRecord): Decoded {
    let value: unknown;
    try {
        value = JSON.parse(Buffer.from(record.data).toString("utf8"));
    } catch (e) {
        return { kind: "poison", reason: `not JSON: ${(e as Error).message}`, record };
    }
    const parsed = orderSchema.safeParse(value);
    if (!parsed.success) {
        const reason = parsed.error.issues.map((i) => `${i.path.join(".") || "(record)"}: ${i.message}`).join("; ");
        return { kind: "poison", reason: `fails the order schema: ${reason}`, record };
    }
    return { kind: "order", order: parsed.data, record };
}

export function totalCents(order: Order): number {
    return order.items.reduce((sum, i) => sum + i.quantity * i.unitPriceCents, 0);
}
