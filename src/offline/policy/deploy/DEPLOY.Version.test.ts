import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { LIFECYCLES } from "../../../aws/lifecycles";
import Lambda2 from "../controls/Lambda.2";
import { versionOffered } from "./DEPLOY.VersionOffered";
import { versionSupport } from "./DEPLOY.VersionSupport";
import { previewInputs, run, target, TEST_CTX, UNKNOWN_STRING } from "../../../../test/support/policy/deploy";

const FN = "aws:lambda/function:Function";
const DB = "aws:rds/instance:Instance";
const CACHE = "aws:elasticache/replicationGroup:ReplicationGroup";
const BUILD = "aws:codebuild/project:Project";
const on = (day: string) => ({ ...TEST_CTX, today: new Date(`${day}T12:00:00Z`) });
const messages = (control: typeof versionOffered, props: Record<string, unknown>, type: string, day: string) =>
    run(control, [target(type, "r", props)], on(day)).map((f) => f.message);

describe("DEPLOY.VersionOffered and DEPLOY.VersionSupport: Lambda, RDS, Redis OSS", () => {
    it("Lambda: a runtime past its create block is mandatory, with the date, the input and the source", () => {
        const [m] = messages(versionOffered, { runtime: "nodejs18.x" }, FN, "2026-12-01");
        assert.match(m ?? "", /input runtime = "nodejs18\.x": nodejs18\.x is no longer offered for new resources \(since 2026-03-09\); use nodejs22\.x/);
        assert.match(m ?? "", /lambda-runtimes\.html/);
    });

    it("Lambda: deprecated but still creatable is advisory only; the same runtime judged a year earlier passes", () => {
        assert.deepEqual(messages(versionOffered, { runtime: "python3.10" }, FN, "2026-12-01"), []);
        assert.match(messages(versionSupport, { runtime: "python3.10" }, FN, "2026-12-01")[0] ?? "", /past its end of standard support \(2026-10-31\)/);
        assert.deepEqual(messages(versionSupport, { runtime: "python3.10" }, FN, "2025-12-01"), []);
    });

    it("within 90 days of deprecation is advisory with the date; 91 days before is not reported", () => {
        assert.match(messages(versionSupport, { runtime: "nodejs22.x" }, FN, "2027-02-01")[0] ?? "", /reaches its end of standard support on 2027-04-30/);
        assert.deepEqual(messages(versionSupport, { runtime: "nodejs22.x" }, FN, "2027-01-28"), []);
    });

    it("RDS: 11.22 past end of standard support is mandatory; its Extended Support minor is advisory", () => {
        assert.match(messages(versionOffered, { engine: "postgres", engineVersion: "11.22" }, DB, "2026-12-01")[0] ?? "", /only its Extended Support minors/);
        const extended = { engine: "postgres", engineVersion: "11.22-rds.20240418" };
        assert.deepEqual(messages(versionOffered, extended, DB, "2026-12-01"), []);
        assert.match(messages(versionSupport, extended, DB, "2026-12-01")[0] ?? "", /past its end of standard support \(2024-02-29\)/);
    });

    it("RDS: a major past standard support with Extended Support disabled is mandatory", () => {
        const props = { engine: "postgres", engineVersion: "13", engineLifecycleSupport: "open-source-rds-extended-support-disabled" };
        assert.match(messages(versionOffered, props, DB, "2026-12-01")[0] ?? "", /Extended Support is disabled/);
    });

    it("RDS: a retired 15 minor is mandatory; the major alone passes both", () => {
        assert.match(messages(versionOffered, { engine: "postgres", engineVersion: "15.4" }, DB, "2026-12-01")[0] ?? "", /since 2024-12-09/);
        assert.deepEqual(messages(versionOffered, { engine: "postgres", engineVersion: "15" }, DB, "2026-12-01"), []);
        assert.deepEqual(messages(versionSupport, { engine: "postgres", engineVersion: "15" }, DB, "2026-12-01"), []);
    });

    it("ElastiCache: Redis OSS 3 is mandatory, 5 advisory, 7.1 clean", () => {
        assert.equal(messages(versionOffered, { engine: "redis", engineVersion: "3.2.10" }, CACHE, "2026-12-01").length, 1);
        assert.equal(messages(versionSupport, { engine: "redis", engineVersion: "5.0.6" }, CACHE, "2026-12-01").length, 1);
        assert.deepEqual(messages(versionSupport, { engine: "redis", engineVersion: "7.1" }, CACHE, "2026-12-01"), []);
    });

    it("RDS for MariaDB: 10.5 retired, 10.6 within 90 days of its end with the date, 11.4 current; no Extended Support minors", () => {
        const maria = (engineVersion: string) => ({ engine: "mariadb", engineVersion });
        const [retired] = messages(versionOffered, maria("10.5.29"), DB, "2026-12-02");
        assert.match(retired ?? "", /10\.5\.29 is no longer offered for new resources \(since 2026-08-31\); use 11\.4/);
        assert.match(retired ?? "", /MariaDB\.Concepts\.VersionMgmt\.html/);
        assert.doesNotMatch(retired ?? "", /Extended Support/);
        assert.deepEqual(messages(versionOffered, maria("10.6"), DB, "2026-12-02"), []);
        assert.match(messages(versionSupport, maria("10.6"), DB, "2026-12-02")[0] ?? "", /reaches its end of standard support on 2026-12-31/);
        assert.equal(messages(versionOffered, maria("10.6.28"), "aws:rds/cluster:Cluster", "2027-01-04").length, 1);
        assert.match(messages(versionSupport, maria("10.11.13"), DB, "2026-12-02")[0] ?? "", /past its end of standard support \(2026-10-31\)/);
        for (const control of [versionOffered, versionSupport]) assert.deepEqual(messages(control, maria("11.4"), DB, "2026-12-02"), []);
        // A month-only date ("February 2028") counts from the month's first day.
        assert.match(messages(versionSupport, maria("10.11"), DB, "2027-11-20")[0] ?? "", /reaches its end of standard support on 2028-02/);
    });

    it("judges on the clock's day when the context names none", () => {
        const ctx = { profile: "prod" as const, region: "eu-central-1" };
        assert.equal(run(versionOffered, [target(DB, "db", { engine: "mariadb", engineVersion: "10.2.44" })], ctx).length, 1);
        assert.deepEqual(run(versionOffered, [target(DB, "db", { engine: "mariadb", engineVersion: "12.3" })], ctx), []);
    });

});

describe("DEPLOY.VersionOffered and DEPLOY.VersionSupport: engines without dates, builds, platforms, properties", () => {
    it("ElastiCache Valkey: a version AWS does not offer is mandatory; offered ones pass; a newer one is not judged", () => {
        const valkey = (engineVersion: string) => ({ engine: "valkey", engineVersion });
        assert.match(messages(versionOffered, valkey("7.0"), CACHE, "2026-12-02")[0] ?? "", /does not offer valkey 7\.0 \(it offers 7\.2, 8\.0/);
        for (const v of ["7.2", "7.2.6", "8.2", "9.0", "9.1"]) {
            assert.deepEqual(messages(versionOffered, valkey(v), CACHE, "2026-12-02"), [], v);
            // AWS publishes no end of support for Valkey, so no day makes one advisory.
            assert.deepEqual(messages(versionSupport, valkey(v), CACHE, "2031-01-01"), [], v);
        }
    });

    it("ElastiCache Memcached beyond 1.4: an unlisted 1.6 patch is mandatory, listed ones pass on any day", () => {
        const memcached = (engineVersion: string) => ({ engine: "memcached", engineVersion });
        const CLUSTER = "aws:elasticache/cluster:Cluster";
        assert.match(messages(versionOffered, memcached("1.6.21"), CLUSTER, "2026-12-02")[0] ?? "", /does not offer memcached 1\.6\.21/);
        assert.equal(messages(versionOffered, memcached("1.5.12"), CLUSTER, "2026-12-02").length, 1);
        for (const v of ["1.6.22", "1.5.16", "1.4.34", "1.7.0"]) assert.deepEqual(messages(versionOffered, memcached(v), CLUSTER, "2031-01-01"), [], v);
    });

    it("ElastiCache Redis OSS 6: advisory within 90 days of 2027-01-31, mandatory after its version EOL 2030-01-31", () => {
        assert.match(messages(versionSupport, { engine: "redis", engineVersion: "6.2" }, CACHE, "2026-12-02")[0] ?? "", /reaches its end of standard support on 2027-01-31/);
        assert.deepEqual(messages(versionOffered, { engine: "redis", engineVersion: "6.2" }, CACHE, "2029-12-01"), []);
        assert.match(messages(versionOffered, { engine: "redis", engineVersion: "6.2" }, CACHE, "2030-02-01")[0] ?? "", /since 2030-01-31/);
    });

    it("a finding carries its input, value, rule and source as fields, each also in the message", () => {
        const [f] = run(versionOffered, [target(DB, "db", { engine: "mariadb", engineVersion: "10.5.29" })], on("2026-12-02"));
        assert.equal(f?.input, "engineVersion");
        assert.equal(f?.value, "10.5.29");
        assert.equal(f?.rule, "no new resources on 10.5 from 2026-08-31");
        assert.equal(f?.source, "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MariaDB.Concepts.VersionMgmt.html");
        for (const part of [f?.input, f?.value, f?.rule, f?.source]) assert.ok(f?.message.includes(part ?? "\u0000"), part);
    });

    it("CodeBuild: a withdrawn image and a buildspec runtime the image does not offer are mandatory", () => {
        assert.equal(messages(versionOffered, { environment: { image: "aws/codebuild/standard:4.0" } }, BUILD, "2026-12-01").length, 1);
        const buildspec = "version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 16\n";
        const [m] = messages(versionOffered, { environment: { image: "aws/codebuild/amazonlinux-x86_64-standard:5.0" }, source: { buildspec } }, BUILD, "2026-12-01");
        assert.match(m ?? "", /does not offer nodejs 16/);
        const node20 = buildspec.replace("16", "20");
        const props = { environment: { image: "aws/codebuild/amazonlinux-x86_64-standard:5.0" }, source: { buildspec: node20 } };
        assert.match(messages(versionSupport, props, BUILD, "2026-12-01")[0] ?? "", /runtime-versions\.nodejs = "20": 20 is past its end of standard support \(2026-04-30\)/);
    });

    it("ECS: a retired Fargate platform version is advisory, LATEST is clean", () => {
        assert.equal(messages(versionSupport, { platformVersion: "1.3.0" }, "aws:ecs/service:Service", "2026-12-01").length, 1);
        assert.deepEqual(messages(versionSupport, { platformVersion: "LATEST" }, "aws:ecs/service:Service", "2026-12-01"), []);
    });

    it("an unknown version is not evaluated", () => {
        const props = previewInputs({ engine: "postgres", engineVersion: UNKNOWN_STRING });
        assert.deepEqual(run(versionOffered, [target(DB, "db", props)], on("2026-12-01")), []);
    });

    it("agrees with Security Hub Lambda.2 on every runtime and day: no longer offered is never called supported (property)", () => {
        const runtimes = LIFECYCLES.filter((l) => l.family === "lambda").map((l) => l.version);
        fc.assert(
            fc.property(fc.constantFrom(...runtimes), fc.date({ min: new Date("2020-01-01"), max: new Date("2031-01-01"), noInvalidDate: true }), (runtime, today) => {
                const ctx = { ...TEST_CTX, today };
                const offered = run(versionOffered, [target(FN, "fn", { runtime })], ctx).length === 0;
                const supported = run(Lambda2, [target(FN, "fn", { runtime })], ctx).length === 0;
                const pastSupport = run(versionSupport, [target(FN, "fn", { runtime })], ctx).some((f) => /past its end/.test(f.message));
                assert.ok(offered || !supported, `${runtime} on ${today.toISOString()}`);
                assert.equal(supported, offered && !pastSupport, `${runtime} on ${today.toISOString()}`);
            }),
            { numRuns: 400 },
        );
    });
});
