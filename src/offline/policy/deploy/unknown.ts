/**
 * Inputs that are unknown at preview time. `pulumi preview` hands the pack a proxy that throws
 * when a computed (unknown) value is read; such an input is "not evaluated", never a pass or a
 * fail, so checks read through `readInput` and skip what it reports as unknown.
 */

/** Stands for an input whose value is computed during the deployment. */
export const NOT_EVALUATED: unique symbol = Symbol("not evaluated");

function isUnknownError(e: unknown): boolean {
    return e instanceof Error && "unknownTypeSentinel" in e;
}

/** The value at a dotted input path (`environment.image`), or NOT_EVALUATED when any step is unknown. */
export function readInput(props: Record<string, unknown>, path: string): unknown {
    try {
        let value: unknown = props;
        for (const step of path.split(".")) {
            if (typeof value !== "object" || value === null) return undefined;
            const v: unknown = Array.isArray(value) && value.length === 1 ? value[0] : value;
            value = (v as Record<string, unknown>)[step];
        }
        return value;
    } catch (e) {
        if (isUnknownError(e)) return NOT_EVALUATED;
        throw e;
    }
}
