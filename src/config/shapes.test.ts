/**
 * The shared keys of the first real deployment, in every system that reads them: `bucketNames`
 * (every system that creates buckets) and `dbMonitoringLogGroup` (every system with a database),
 * and the branch rule every pipeline shares.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadBrazilcartConfig } from "./brazilcart";
import { loadFastcartConfig } from "./fastcart";
import type { RawReader } from "./load";
import { loadPaymentConfig } from "./payment";
import { loadServiceConfig } from "./service";
import { bucketNaming, gitBranch } from "./shapes";
import { configReader, rejection } from "./testing";

type Loader = (stack: string, read: RawReader, env: NodeJS.ProcessEnv) => Record<string, unknown>;

/** Each system's loader with the keys it requires set, so only the key under test can fail. */
function withRequired(load: Loader, required: Record<string, string>): Loader {
    return (stack, read, env) => load(stack, Object.assign((ns: string | undefined, key: string) => read(ns, key) ?? (ns === undefined ? required[key] : undefined), { keys: read.keys }), env);
}

const BUCKET_SYSTEMS: Record<string, Loader> = {
    "brazilcart-cicd": loadBrazilcartConfig,
    "payment-pipeline": withRequired(loadPaymentConfig, { githubOwner: "acme-payments", githubRepo: "payment-service", notificationEmail: "payments@example.com", certificateArn: "arn:aws:acm:us-east-2:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d" }),
    "service-pipeline": withRequired(loadServiceConfig, { githubRepository: "acme/orders-service" }),
};
const DATABASE_SYSTEMS: Record<string, Loader> = { "fastcart-orders": loadFastcartConfig, "brazilcart-cicd": loadBrazilcartConfig };

const load = (loader: Loader, values: Record<string, string>, stack = "dev") => loader(stack, configReader(values), {});

describe("bucketNames", () => {
    for (const [project, loader] of Object.entries(BUCKET_SYSTEMS)) {
        it(`${project}: unique by default, exact when asked, anything else refused naming the key`, () => {
            assert.equal(load(loader, {}).bucketNames, "unique");
            assert.equal(load(loader, {}, "prod").bucketNames, "unique");
            assert.equal(load(loader, { bucketNames: "exact" }).bucketNames, "exact");
            const bad = rejection(loader, { bucketNames: "global" });
            assert.deepEqual(
                bad.issues.map((i) => [i.key, i.value]),
                [["bucketNames", "global"]],
            );
            assert.match(bad.message, /bucketNames = "global": must be "unique" .* or "exact"/);
            assert.match(rejection(loader, { bucketName: "exact" }).message, /bucketName = "exact": is not a setting of .*; did you mean bucketNames\?/);
        });
    }

    it("is a key only of the systems that create buckets", () => {
        assert.match(rejection(loadFastcartConfig, { bucketNames: "exact" }).message, /bucketNames = "exact": is not a setting of fastcart-orders/);
    });

    it("becomes the buckets' exactName", () => {
        assert.deepEqual(bucketNaming({ bucketNames: "unique" }), { exactName: false });
        assert.deepEqual(bucketNaming({ bucketNames: "exact" }), { exactName: true });
    });
});

describe("dbMonitoringLogGroup", () => {
    for (const [project, loader] of Object.entries(DATABASE_SYSTEMS)) {
        it(`${project}: created by the stack unless it already exists, anything else refused naming the key`, () => {
            assert.equal(load(loader, {}, "prod").dbMonitoringLogGroup, "create");
            assert.equal(load(loader, { dbMonitoringLogGroup: "existing" }, "prod").dbMonitoringLogGroup, "existing");
            const bad = rejection(loader, { dbMonitoringLogGroup: "shared" }, {}, "prod");
            assert.deepEqual(
                bad.issues.map((i) => [i.key, i.value]),
                [["dbMonitoringLogGroup", "shared"]],
            );
            assert.match(bad.message, /dbMonitoringLogGroup = "shared": must be "create" .* or "existing"/);
        });
    }
});

describe("gitBranch: git's branch-name rules, one home for the three pipelines", () => {
    it("takes names git takes and refuses the ones git check-ref-format refuses", () => {
        for (const ok of ["main", "release/2026-01", "feature/x_y.z", "fix+1", "v1.2"]) assert.equal(gitBranch.safeParse(ok).success, true, ok);
        for (const bad of ["", "a..b", "my branch", "a~1", "a^", "a:b", "a?", "a*", "a[b", "a\\b", "/a", "a/", ".a", "a.", "a.lock", "@", "a@{b", "a//b", "tab\there"]) {
            assert.equal(gitBranch.safeParse(bad).success, false, JSON.stringify(bad));
        }
    });
});
