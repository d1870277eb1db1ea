/**
 * Bundles the order service into one CommonJS file, the container's entry point
 * (`node /app/orders.js`). The image build runs this; the tests start the same file.
 * Usage: tsx services/orders/bundle.ts <output file>
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { bundleEntry } from "../../src/functions/bundle";

export function bundleService(): string {
    // pg loads pg-native only when asked for it; the service uses the JavaScript client.
    return bundleEntry(path.join(__dirname, "src", "main.ts"), "the order service", { external: ["pg-native"] });
}

if (require.main === module) {
    const out = process.argv[2];
    if (!out) throw new Error("usage: bundle.ts <output file>");
    writeFileSync(out, bundleService());
}
