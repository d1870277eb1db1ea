import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ELASTICACHE_OFFERED, LIFECYCLES } from "./lifecycles";

describe("lifecycle table", () => {
    it("gives every row a source page and dates AWS's way: a creation cut-off is a whole day, an end of support a day or a month", () => {
        for (const row of LIFECYCLES) {
            const where = `${row.family} ${row.version}`;
            assert.match(row.source, /^https:\/\//, where);
            if (row.noNewFrom !== undefined) assert.match(row.noNewFrom, /^\d{4}-\d{2}-\d{2}$/, where);
            if (row.supportEnds !== undefined) assert.match(row.supportEnds, /^\d{4}-\d{2}(-\d{2})?$/, where);
            for (const d of [row.noNewFrom, row.supportEnds]) if (d !== undefined) assert.ok(!Number.isNaN(Date.parse(d)), where);
            if (row.noNewFrom !== undefined && row.supportEnds !== undefined) assert.ok(row.supportEnds <= row.noNewFrom, where);
        }
    });

    it("lists each family's version once, and the offered ElastiCache versions in ascending order", () => {
        const keys = LIFECYCLES.map((r) => `${r.family} ${r.version}`);
        assert.equal(new Set(keys).size, keys.length);
        for (const versions of Object.values(ELASTICACHE_OFFERED)) {
            const sorted = [...versions].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
            assert.deepEqual(versions, sorted);
        }
    });
});
