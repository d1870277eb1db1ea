/**
 * The memo of ARN-to-resource-type matching gives the answers the libraries give, and it is the
 * lookup the simulator uses (a new iam-simulate that moved it fails here, not silently slower).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { resourceStringMatchesResourceTypePattern } from "@cloud-copilot/iam-utils";
import { arnMatchesPattern, memoInstalled, simulatorLookup } from "./memo";

const ACCOUNT = "123456789012";

/** ARNs of the shapes the plans hold, some matching the patterns below and some not. */
const arn = fc.oneof(
    fc.constantFrom("s3", "sqs", "sns", "logs", "kms").chain((service) =>
        fc.tuple(fc.constantFrom("", "us-east-1"), fc.constantFrom("", ACCOUNT), fc.constantFrom("b", "b/key", "log-group:/aws/x:*", "key/k-1", "q", "b/*")).map(([region, account, rest]) => `arn:aws:${service}:${region}:${account}:${rest}`),
    ),
    fc.constant("*"),
);
const PATTERNS = ["arn:${Partition}:s3:::${BucketName}", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", "arn:${Partition}:sqs:${Region}:${Account}:${QueueName}", "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}", "arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}"];

describe("access: the resource-type memo", () => {
    it("is the lookup the simulator calls", () => {
        assert.equal(memoInstalled, true);
        assert.notEqual(simulatorLookup.original, null);
        assert.notEqual(simulatorLookup.current(), simulatorLookup.original, "the simulator's export was replaced");
    });

    it("answers ARN against pattern as iam-utils does, asked once or many times", () => {
        fc.assert(
            fc.property(arn, fc.constantFrom(...PATTERNS), (resource, pattern) => {
                const expected = resourceStringMatchesResourceTypePattern(resource, pattern);
                assert.equal(arnMatchesPattern(resource, pattern), expected);
                assert.equal(arnMatchesPattern(resource, pattern), expected);
            }),
        );
    });

    it("gives the simulator's resource types for an action and ARN, a fresh array each time", async () => {
        const original = simulatorLookup.original!;
        const memo = simulatorLookup.current()!;
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(["s3", "getobject"], ["s3", "putobject"], ["sqs", "sendmessage"], ["logs", "putlogevents"], ["kms", "decrypt"]), arn, async ([service, action], resource) => {
                const expected = await original(service!, action!, resource).then(
                    (v) => JSON.stringify(v),
                    (e: unknown) => `throws ${(e as Error).message}`,
                );
                for (let i = 0; i < 2; i++) {
                    const got = await memo(service!, action!, resource).then(
                        (v) => JSON.stringify(v),
                        (e: unknown) => `throws ${(e as Error).message}`,
                    );
                    assert.equal(got, expected);
                }
            }),
        );
        const [a, b] = await Promise.all([memo("s3", "getobject", "arn:aws:s3:::b/k"), memo("s3", "getobject", "arn:aws:s3:::b/k")]);
        assert.notEqual(a, b);
        assert.deepEqual(a, b);
    });
});
