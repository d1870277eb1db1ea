import assert from "node:assert/strict";
import { test } from "node:test";
import { loadConfig } from "./config";

const base = { KINESIS_STREAM_NAME: "s", DB_HOST: "db", DB_NAME: "orders", REDIS_HOST: "r", DB_SECRET_ARN: "arn:x" };

test("the task definition's environment is enough: TLS on, the RDS CA checked, ECS-sized timeouts", () => {
    const c = loadConfig(base);
    assert.equal(c.REDIS_TLS, true);
    assert.equal(c.DB_SSL, "verify-full");
    assert.ok(c.SHUTDOWN_TIMEOUT_MS < 30_000, "must stop before ECS's default stopTimeout of 30 s");
    assert.equal(c.PORT, 8080);
});

test("every bad value is named, and a database login must come from somewhere", () => {
    assert.throws(() => loadConfig({ ...base, DB_SECRET_ARN: undefined }), /DB_SECRET_ARN: set DB_SECRET_ARN/);
    assert.throws(() => loadConfig({ ...base, REDIS_TLS: "yes" }), /REDIS_TLS/);
    assert.throws(() => loadConfig({ ...base, DB_SCHEMA: "x; drop table" }), /DB_SCHEMA: must be a lower-case SQL identifier/);
    assert.throws(() => loadConfig({ DB_SECRET_ARN: "a" }), /KINESIS_STREAM_NAME.*DB_HOST/s);
});
