import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import assert from "node:assert/strict";
import { test } from "node:test";
import { SecretCredentials } from "./credentials";
import { isAuthFailure, isDataError, isTransient, backoffMs } from "./retry";

const ARN = "arn:aws:secretsmanager:eu-central-1:111122223333:secret:rds!db-1";
const secret = (password: string) => ({ SecretString: JSON.stringify({ username: "fastcart_admin", password }) });

test("a rotated password is read again once PostgreSQL refuses the cached one", async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand).resolvesOnce(secret("before")).resolves(secret("after"));
    let now = 0;
    const creds = new SecretCredentials(new SecretsManagerClient({ region: "eu-central-1" }), ARN, 300_000, () => now);
    assert.equal((await creds.get()).password, "before");
    now = 1_000;
    assert.equal((await creds.get()).password, "before", "read again within its cache age");
    creds.invalidate(); // what connect() does on 28P01
    assert.equal((await creds.get()).password, "after");
    assert.equal(sm.commandCalls(GetSecretValueCommand).length, 2);
    sm.restore();
});

test("the secret is read again after its cache age, and once for many connections opening together", async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand).resolves(secret("p"));
    let now = 0;
    const creds = new SecretCredentials(new SecretsManagerClient({ region: "eu-central-1" }), ARN, 60_000, () => now);
    await Promise.all(Array.from({ length: 10 }, () => creds.get()));
    assert.equal(sm.commandCalls(GetSecretValueCommand).length, 1);
    now = 60_000;
    await creds.get();
    assert.equal(sm.commandCalls(GetSecretValueCommand).length, 2);
    sm.restore();
});

test("a secret without username and password is refused by name", async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify({ password: "p" }) });
    const creds = new SecretCredentials(new SecretsManagerClient({ region: "eu-central-1" }), ARN, 1);
    await assert.rejects(creds.get(), /lacks "username" and "password"/);
    sm.restore();
});

test("failures are told apart: rotation, transient, data", () => {
    assert.ok(isAuthFailure({ code: "28P01" }) && isTransient({ code: "28P01" }));
    for (const code of ["57P01", "08006", "53300", "40001", "ECONNREFUSED"]) assert.ok(isTransient({ code }), code);
    assert.ok(isTransient(new Error("Connection terminated unexpectedly")));
    for (const code of ["22P05", "23502"]) assert.ok(isDataError({ code }) && !isTransient({ code }), code);
    assert.ok(!isTransient({ code: "42P01" }), "a missing table is a bug, not a blip");
    assert.equal(backoffMs(0, 100, 5_000, () => 0), 50);
    assert.equal(backoffMs(30, 100, 5_000, () => 1), 5_000);
});
