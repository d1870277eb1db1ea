import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { rateFor } from "./lines";
import { BASE_REGION, PRICES, type PriceKey } from "./prices";

const keys = Object.keys(PRICES) as PriceKey[];

describe("price table", () => {
    it("holds a us-east-1 figure, a source, a date and a confidence for every entry", () => {
        assert.ok(keys.length >= 40);
        for (const key of keys) {
            const figure = PRICES[key];
            const base = figure.prices[BASE_REGION];
            assert.ok(typeof base === "number" && base > 0, `${key}: us-east-1 figure`);
            assert.ok(figure.source.length > 20, `${key}: source`);
            assert.match(figure.sourceDate, /\d{4}|undated|n\/a/, `${key}: sourceDate`);
            assert.match(figure.confidence, /^(high|medium|medium-low|low)$/, `${key}: confidence`);
            assert.match(figure.unit, /^USD per /, `${key}: unit`);
            for (const [region, price] of Object.entries(figure.prices)) {
                assert.ok(price === null || price > 0, `${key} in ${region}`);
            }
        }
    });

    it("names keys so the model can build them from inputs", () => {
        assert.ok(keys.includes("rds.postgres.db.t3.micro.hour"));
        assert.ok(keys.includes("elasticache.valkey.cache.t4g.micro.hour"));
        assert.ok(keys.includes("codebuild.BUILD_GENERAL1_SMALL.linux.minute"));
        assert.ok(keys.includes("fargate.arm64.vcpuHour"));
    });
});

describe("rateFor", () => {
    it("uses the region's own figure when it has one", () => {
        assert.deepEqual(
            { ...rateFor("vpc.natGateway.hour", "us-east-2"), figure: undefined },
            { usd: 0.045, approximate: false, figure: undefined },
        );
    });

    it("falls back to us-east-1's figure, marked approximate", () => {
        const rate = rateFor("rds.postgres.db.t3.micro.hour", "sa-east-1");
        assert.equal(rate?.usd, 0.018);
        assert.equal(rate?.approximate, true);
        assert.equal(rateFor("lambda.requests.million", "sa-east-1")?.approximate, true);
        assert.equal(rateFor("lambda.requests.million", "eu-central-1")?.approximate, false);
    });
});
