/**
 * KMS keys as other resources reach them: directly by id or ARN, or through an alias. A key's
 * policy is its `policy` input, or an `aws:kms/keyPolicy:KeyPolicy` naming it; a key with
 * neither gets AWS's default policy, which trusts only the account, never a service.
 */
import { grants, principals, statements } from "../documents";
import type { PolicyTarget } from "../types";
import { attachedTo, planOf, referenced } from "../../model/plan";

export const KMS_KEY = "aws:kms/key:Key";
export const KMS_ALIAS = "aws:kms/alias:Alias";
export const KMS_KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
export const KMS_TYPES = [KMS_KEY, KMS_ALIAS, KMS_KEY_POLICY] as const;

/** The key of the stack that `ref` names, following an alias to its target key. */
export function resolveKey(ref: unknown, resources: readonly PolicyTarget[]): PolicyTarget | undefined {
    const found = referenced(ref, resources, KMS_KEY, KMS_ALIAS)[0];
    if (found?.type === KMS_ALIAS) {
        return planOf(resources).resolveInput(found, "targetKeyId", KMS_KEY)[0];
    }
    return found;
}

/** Every policy document that governs `key`. */
export function keyPolicies(key: PolicyTarget, resources: readonly PolicyTarget[]): unknown[] {
    const attached = attachedTo(resources, KMS_KEY_POLICY, key, "keyId").map((p) => p.props["policy"]);
    return [key.props["policy"], ...attached].filter((doc) => doc !== undefined && doc !== null && doc !== "");
}

/**
 * true when the documents allow the service principal every one of `actions` (wildcards in the
 * documents count, `*` principals count). Deny statements are not weighed: these checks look for
 * a missing grant, the failure AWS reports at create or delivery time.
 */
export function allowsService(docs: readonly unknown[], service: string, actions: readonly string[]): boolean {
    const allowing = docs
        .flatMap((doc) => statements(doc))
        .filter((s) => s.Effect === "Allow" && principals(s).some((p) => p === service || p === "*"));
    return actions.every((action) => allowing.some((s) => grants(s, action)));
}
