import KMS1 from "../../../../src/offline/policy/controls/KMS.1";
import KMS2 from "../../../../src/offline/policy/controls/KMS.2";
import KMS5 from "../../../../src/offline/policy/controls/KMS.5";
import AwsSolutionsKMS5 from "../../../../src/offline/policy/controls/AwsSolutions-KMS5";
import SecretsManager1 from "../../../../src/offline/policy/controls/SecretsManager.1";
import SecretsManagerUsingKMSKey from "../../../../src/offline/policy/controls/PCI.DSS.321-SecretsManagerUsingKMSKey";
import { builder, controlCases, fail, pass } from "../controls";

const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const policy = builder("aws:iam/policy:Policy");
const role = builder("aws:iam/role:Role");
const rolePolicy = builder("aws:iam/rolePolicy:RolePolicy");
const userPolicy = builder("aws:iam/userPolicy:UserPolicy");
const key = builder("aws:kms/key:Key");
const secret = builder("aws:secretsmanager/secret:Secret");
const rotation = builder("aws:secretsmanager/secretRotation:SecretRotation");

const decryptAll = { Effect: "Allow", Action: ["kms:Decrypt"], Resource: "*" };
const decryptOne = { Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:1:key/abc" };

controlCases(KMS1, {
    passing: [
        pass("decrypt on one key", policy({ policy: doc(decryptOne) })),
        pass("a permission boundary", [policy({ policy: doc(decryptAll) }, "boundary"), role({ permissionsBoundary: "arn:aws:iam::1:policy/boundary" })]),
        pass("deny on all keys", policy({ policy: doc({ ...decryptAll, Effect: "Deny" }) })),
    ],
    failing: [
        fail("kms:Decrypt on *", policy({ policy: doc(decryptAll) }), "policy"),
        fail("kms:* on *, given as an object", policy({ policy: { Statement: [{ Effect: "Allow", Action: "kms:*", Resource: ["*"] }] } }), "kms:ReEncryptFrom"),
        fail("* on *, twice", policy({ policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }, { Sid: "Re", Effect: "Allow", Action: "kms:ReEncrypt*", Resource: "*" }) }), "Resource", 2),
    ],
});

controlCases(KMS2, {
    passing: [
        pass("role policy on one key", rolePolicy({ policy: doc(decryptOne) })),
        pass("role without inline policies", role({ assumeRolePolicy: doc() })),
    ],
    failing: [
        fail("RolePolicy", rolePolicy({ policy: doc(decryptAll) }), "policy"),
        fail("Role inlinePolicies", role({ inlinePolicies: [{ name: "ok", policy: doc(decryptOne) }, { name: "bad", policy: doc(decryptAll) }] }), "inlinePolicies[1]"),
        fail("UserPolicy with kms:*", userPolicy({ policy: doc({ Effect: "Allow", Action: "kms:*", Resource: "*" }) }), "policy"),
    ],
});

const publicStatement = { Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*" };

controlCases(KMS5, {
    passing: [
        pass("default key policy", key()),
        pass("account root", key({ policy: doc({ ...publicStatement, Principal: { AWS: "arn:aws:iam::123456789012:root" } }) })),
        pass("public but pinned to the account", key({ policy: doc({ ...publicStatement, Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } } }) })),
    ],
    failing: [
        fail("{AWS: '*'}", key({ policy: doc(publicStatement) }), "Principal"),
        fail("'*' with a wildcard condition", key({ policy: doc({ ...publicStatement, Principal: "*", Condition: { StringLike: { "aws:PrincipalAccount": "*" } } }) }), "policy"),
    ],
});

controlCases(AwsSolutionsKMS5, {
    passing: [
        pass("rotation on", key({ enableKeyRotation: true })),
        pass("asymmetric key", key({ customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" })),
    ],
    failing: [
        fail("rotation unset", key(), "enableKeyRotation"),
        fail("explicit symmetric spec, rotation off", key({ customerMasterKeySpec: "SYMMETRIC_DEFAULT", enableKeyRotation: false }), "enableKeyRotation"),
    ],
});

const dbSecret = secret({ name: "fastcart-orders-db-dev" }, "db-secret");

controlCases(SecretsManager1, {
    passing: [
        pass("rotation every 30 days", [dbSecret, rotation({ secretId: "db-secret-id", rotationRules: { automaticallyAfterDays: 30 } })]),
        pass("rotation by schedule, secret named by its ARN", [dbSecret, rotation({ secretId: "arn:aws:secretsmanager:us-east-1:1:secret:db-secret", rotationRules: { scheduleExpression: "rate(30 days)" } })]),
    ],
    failing: [
        fail("no rotation", dbSecret, "secretId"),
        fail("rotation without a schedule", [dbSecret, rotation({ secretId: "db-secret-id", rotationRules: {} })], "rotationRules"),
        fail("rotation disabled", [dbSecret, rotation({ secretId: "db-secret-id", rotationEnabled: false, rotationRules: { automaticallyAfterDays: 30 } })], "rotationEnabled"),
    ],
});

controlCases(SecretsManagerUsingKMSKey, {
    passing: [pass("customer managed key", secret({ kmsKeyId: "arn:aws:kms:us-east-1:1:key/abc" }))],
    failing: [
        fail("kmsKeyId unset", secret(), "kmsKeyId"),
        fail("AWS managed alias", secret({ kmsKeyId: "alias/aws/secretsmanager" }), "kmsKeyId"),
    ],
});
