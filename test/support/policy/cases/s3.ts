import S3_1 from "../../../../src/offline/policy/controls/S3.1";
import S3_2 from "../../../../src/offline/policy/controls/S3.2";
import S3_3 from "../../../../src/offline/policy/controls/S3.3";
import S3_5 from "../../../../src/offline/policy/controls/S3.5";
import S3_6 from "../../../../src/offline/policy/controls/S3.6";
import S3_8 from "../../../../src/offline/policy/controls/S3.8";
import S3_9 from "../../../../src/offline/policy/controls/S3.9";
import S3_12 from "../../../../src/offline/policy/controls/S3.12";
import S3_13 from "../../../../src/offline/policy/controls/S3.13";
import S3DefaultEncryptionKMS from "../../../../src/offline/policy/controls/PCI.DSS.321-S3DefaultEncryptionKMS";
import { builder, controlCases, fail, pass } from "../controls";

const bucketOf = builder("aws:s3/bucket:Bucket");
const accountBlock = builder("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock");
const publicAccessBlock = builder("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
const bucketPolicy = builder("aws:s3/bucketPolicy:BucketPolicy");
const bucketAcl = builder("aws:s3/bucketAcl:BucketAcl");
const logging = builder("aws:s3/bucketLogging:BucketLogging");
const objectLock = builder("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration");
const ownership = builder("aws:s3/bucketOwnershipControls:BucketOwnershipControls");
const lifecycle = builder("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration");
const encryption = builder("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");

const bucket = bucketOf({ bucket: "fastcart-artifacts-dev" }, "artifacts");
const arn = "arn:aws:s3:::fastcart-artifacts-dev";
const allFlags = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
const owner = { id: "owner-canonical-id" };

controlCases(S3_1, {
    passing: [pass("all four flags", accountBlock(allFlags)), pass("the stack does not manage the account block", bucket)],
    failing: [
        fail("nothing set", accountBlock(), "blockPublicAcls", 1),
        fail("restrictPublicBuckets false", accountBlock({ ...allFlags, restrictPublicBuckets: false }), "restrictPublicBuckets"),
    ],
});

const publicRead = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${arn}/*` };
const publicWrite = { Effect: "Allow", Principal: { AWS: "*" }, Action: ["s3:PutObject"], Resource: `${arn}/*` };

controlCases(S3_2, {
    passing: [
        pass("private bucket", bucket),
        pass("public policy overridden by a full public access block", [bucket, bucketPolicy({ bucket: "artifacts-id", policy: doc(publicRead) }), publicAccessBlock({ bucket: "artifacts-id", ...allFlags })]),
        pass("public read pinned to the organisation", [bucket, bucketPolicy({ bucket: "artifacts-id", policy: doc({ ...publicRead, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } }) })]),
        pass("public write only (S3.3's concern)", [bucket, bucketPolicy({ bucket: "artifacts-id", policy: doc(publicWrite) })]),
    ],
    failing: [
        fail("BucketAcl public-read", [bucket, bucketAcl({ bucket: "artifacts-id", acl: "public-read" })], "acl"),
        fail("BucketAcl grant to AllUsers", [bucket, bucketAcl({ bucket: "artifacts-id", accessControlPolicy: { owner, grants: [{ grantee: { type: "Group", uri: allUsers }, permission: "READ" }] } })], "accessControlPolicy"),
        fail("deprecated Bucket acl", bucketOf({ acl: "public-read-write" }), "acl"),
        fail("deprecated Bucket grants", bucketOf({ grants: [{ type: "Group", uri: allUsers, permissions: ["FULL_CONTROL"] }] }), "grants"),
        fail("policy lets everyone read", [bucket, bucketPolicy({ bucket: "fastcart-artifacts-dev", policy: doc(publicRead) })], "policy"),
        fail("public access block with a flag off does not help", [bucket, bucketPolicy({ bucket: "artifacts-id", policy: doc({ ...publicRead, Action: "s3:*" }) }), publicAccessBlock({ bucket: "artifacts-id", ...allFlags, blockPublicPolicy: false })], "policy"),
    ],
});

controlCases(S3_3, {
    passing: [
        pass("private bucket", bucket),
        pass("public read only (S3.2's concern)", [bucket, bucketAcl({ bucket: "artifacts-id", acl: "public-read" })]),
        pass("public write overridden by a full public access block", [bucket, bucketPolicy({ bucket: "artifacts-id", policy: doc(publicWrite) }), publicAccessBlock({ bucket: "artifacts-id", ...allFlags })]),
    ],
    failing: [
        fail("BucketAcl public-read-write", [bucket, bucketAcl({ bucket: "artifacts-id", acl: "public-read-write" })], "acl"),
        fail("BucketAcl WRITE grant to AllUsers", [bucket, bucketAcl({ bucket: "artifacts-id", accessControlPolicy: { owner, grants: [{ grantee: { type: "Group", uri: allUsers }, permission: "WRITE" }] } })], "accessControlPolicy"),
        fail("deprecated Bucket grants", bucketOf({ grants: [{ type: "Group", uri: allUsers, permissions: ["WRITE_ACP"] }] }), "grants"),
        fail("policy lets everyone write", [bucket, bucketPolicy({ bucket: "artifacts-id", policy: doc(publicWrite) })], "policy"),
        fail("deprecated Bucket policy lets everyone delete", bucketOf({ policy: doc({ ...publicWrite, Action: "s3:DeleteObject" }) }), "policy"),
    ],
});

const denyInsecure = {
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [arn, `${arn}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
};

controlCases(S3_5, {
    passing: [
        pass("deny insecure transport on bucket and objects", [bucket, bucketPolicy({ bucket: "artifacts-id", policy: doc(publicRead, denyInsecure) })]),
        pass("mock ARNs ending with the logical name", [bucket, bucketPolicy({ bucket: "artifacts-id", policy: { Statement: [{ ...denyInsecure, Resource: ["arn:aws:s3:::artifacts", "arn:aws:s3:::artifacts/*"] }] } })]),
    ],
    failing: [
        fail("no bucket policy", bucket, "aws:SecureTransport"),
        fail("policy without the deny", [bucket, bucketPolicy({ bucket: "artifacts-id", policy: doc(publicRead) })], "aws:SecureTransport"),
        fail("deny on objects only", [bucket, bucketPolicy({ bucket: "artifacts-id", policy: doc({ ...denyInsecure, Resource: `${arn}/*` }) })], "BucketPolicy"),
        // The other bucket's policy denies on this bucket's ARNs, so neither bucket is covered.
        fail("deny attached to another bucket", [bucket, bucketOf({}, "other"), bucketPolicy({ bucket: "other-id", policy: doc(denyInsecure) })], "BucketPolicy", 2),
        fail("condition on true", [bucket, bucketPolicy({ bucket: "artifacts-id", policy: doc({ ...denyInsecure, Condition: { Bool: { "aws:SecureTransport": "true" } } }) })], "aws:SecureTransport"),
    ],
});

const crossAccount = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::210987654321:root" }, Resource: arn };

controlCases(S3_6, {
    passing: [
        pass("other account may read", bucketPolicy({ policy: doc({ ...crossAccount, Action: ["s3:GetObject"] }) })),
        pass("service principal writes logs", bucketPolicy({ policy: doc({ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: `${arn}/*` }) })),
        pass("deny statement", bucketPolicy({ policy: doc({ ...crossAccount, Effect: "Deny", Action: "s3:PutBucketPolicy" }) })),
    ],
    failing: [
        fail("other account may replace the policy", bucketPolicy({ policy: doc({ ...crossAccount, Action: "s3:PutBucketPolicy" }) }), "policy"),
        fail("everyone may s3:Put*", bucketPolicy({ policy: doc({ ...crossAccount, Principal: "*", Action: "s3:Put*" }) }), "s3:PutObjectAcl"),
    ],
});

controlCases(S3_8, {
    passing: [pass("all four flags", [bucket, publicAccessBlock({ bucket: "artifacts-id", ...allFlags })])],
    failing: [
        fail("no public access block", bucket, "BucketPublicAccessBlock"),
        fail("ignorePublicAcls unset", [bucket, publicAccessBlock({ bucket: "artifacts-id", ...allFlags, ignorePublicAcls: undefined })], "ignorePublicAcls"),
        fail("block on another bucket", [bucket, bucketOf({}, "other"), publicAccessBlock({ bucket: "other-id", ...allFlags })], "BucketPublicAccessBlock"),
    ],
});

const logBucket = bucketOf({ bucket: "fastcart-access-logs-dev", forceDestroy: true }, "access-logs");
const logs = logging({ bucket: "artifacts-id", targetBucket: "access-logs-id", targetPrefix: "artifacts/" });

controlCases(S3_9, {
    passing: [
        pass("logged to the access-log bucket, which is itself exempt", [bucket, logBucket, logs]),
        pass("logged to a bucket outside the stack", [bucket, logging({ bucket: "artifacts-id", targetBucket: "central-logs", targetPrefix: "a/" })]),
    ],
    failing: [
        fail("no logging", bucket, "BucketLogging"),
        fail("target in another region", [bucket, bucketOf({ region: "eu-west-1" }, "access-logs"), logs], "targetBucket"),
        fail("target with Object Lock retention", [bucket, logBucket, logs, objectLock({ bucket: "access-logs-id", rule: { defaultRetention: { mode: "GOVERNANCE", days: 1 } } })], "Object Lock"),
        fail("target with inline Object Lock retention", [bucket, bucketOf({ objectLockConfiguration: { objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: "COMPLIANCE", days: 30 } } } }, "access-logs"), logs], "targetBucket"),
    ],
});

controlCases(S3_12, {
    passing: [pass("ACLs disabled", [bucket, ownership({ bucket: "artifacts-id", rule: { objectOwnership: "BucketOwnerEnforced" } })])],
    failing: [
        fail("no ownership controls", bucket, "objectOwnership"),
        fail("BucketOwnerPreferred", [bucket, ownership({ bucket: "artifacts-id", rule: { objectOwnership: "BucketOwnerPreferred" } })], "objectOwnership"),
        fail("a BucketAcl", [bucket, ownership({ bucket: "artifacts-id", rule: { objectOwnership: "BucketOwnerEnforced" } }), bucketAcl({ bucket: "artifacts-id", acl: "private" })], "BucketAcl"),
        fail("deprecated acl and grants inputs", [bucketOf({ acl: "private", grants: [] }, "artifacts"), ownership({ bucket: "artifacts-id", rule: { objectOwnership: "BucketOwnerEnforced" } })], "is set", 2),
    ],
});

controlCases(S3_13, {
    passing: [pass("an enabled rule", [bucket, lifecycle({ bucket: "artifacts-id", rules: [{ id: "old", status: "Disabled" }, { id: "expire", status: "Enabled", expiration: { days: 30 } }] })])],
    failing: [
        fail("no lifecycle configuration", bucket, "BucketLifecycleConfiguration"),
        fail("only disabled rules", [bucket, lifecycle({ bucket: "artifacts-id", rules: [{ id: "expire", status: "Disabled" }] })], "Enabled"),
    ],
});

const kmsRule = (sseAlgorithm: string) => ({ applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId: "arn:aws:kms:us-east-1:1:key/abc" } });

controlCases(S3DefaultEncryptionKMS, {
    passing: [
        pass("aws:kms with a customer managed key", [bucket, encryption({ bucket: "artifacts-id", rules: [kmsRule("aws:kms")] })]),
        pass("aws:kms:dsse", [bucket, encryption({ bucket: "artifacts-id", rules: [kmsRule("aws:kms:dsse")] })]),
        pass("deprecated inline configuration", bucketOf({ serverSideEncryptionConfiguration: { rule: kmsRule("aws:kms") } })),
        pass("server access log target (S3 cannot deliver logs to SSE-KMS)", [
            bucketOf({}, "logs"),
            builder("aws:s3/bucketLogging:BucketLogging")({ bucket: "other-id", targetBucket: "logs-id" }),
        ]),
    ],
    failing: [
        fail("no configuration (SSE-S3 default)", bucket, "sseAlgorithm"),
        fail("AES256", [bucket, encryption({ bucket: "artifacts-id", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] })], "sseAlgorithm"),
        fail("one rule of two is not KMS", [bucket, encryption({ bucket: "artifacts-id", rules: [kmsRule("aws:kms"), { bucketKeyEnabled: true }] })], "sseAlgorithm"),
    ],
});
