/**
 * Secrets: which secret a reference reads (a Secrets Manager secret of the plan, or the master
 * secret RDS manages for an instance) and the calls of a role reading it with its key.
 */
import type { AccessModel } from "../model";
import type { AccessCall, AccessResource } from "../types";
import { calls, keyUse } from "./call";

/** The secret a `valueFrom` (`<secret ARN>[:<json key>:<stage>:<version>]`) reads, and its key. */
export function secretOf(m: AccessModel, valueFrom: string): { arn: string; keyRef: unknown } | undefined {
    const arn = valueFrom.split(":").slice(0, 7).join(":");
    const secret = m.find("aws:secretsmanager/secret:Secret", arn);
    if (secret) return { arn, keyRef: secret.inputs["kmsKeyId"] };
    // An RDS-managed master secret: RDS names it `rds!db-...` and encrypts it with the instance's key.
    const db = m.ofType("aws:rds/instance:Instance").find((d) => d.inputs["manageMasterUserPassword"] === true && arn.includes(`rds!db-${d.name}`));
    return db ? { arn, keyRef: db.inputs["masterUserSecretKmsKeyId"] } : undefined;
}

/** The calls of a role reading one secret (`valueFrom` or ARN) and decrypting it with its key. */
export function secretCalls(m: AccessModel, id: "ecs.secret" | "ecs.task.secret" | "codebuild.secret", role: string, valueFrom: string, wiredBy: AccessResource): AccessCall[] {
    const secret = secretOf(m, valueFrom);
    if (secret === undefined) return [];
    return [...calls(id, role, secret.arn, wiredBy), ...keyUse(m, "secretsmanager.key", role, secret.keyRef, "secretsmanager", wiredBy, { "kms:EncryptionContext:SecretARN": secret.arn })];
}

