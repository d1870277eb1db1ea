/**
 * CloudWatch Logs encrypts a log group with a customer key only if the key policy trusts the
 * regional Logs service principal; otherwise creating the log group fails.
 */
import type { Finding, StackRule } from "../types";
import { allowsService, KMS_TYPES, keyPolicies, resolveKey } from "./kms";
import { ofType } from "../../model/plan";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
export const LOGS_KEY_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"] as const;

export const logGroupKmsPolicy: StackRule = {
    id: "DEPLOY.LogGroupKmsPolicy",
    title: "KMS keys that encrypt log groups trust the regional CloudWatch Logs principal",
    kind: "deployability",
    scope: "stack",
    severity: "High",
    pci: [],
    resourceTypes: [LOG_GROUP, ...KMS_TYPES],
    remediation:
        "Add a key policy statement allowing Service logs.<region>.amazonaws.com kms:Encrypt*, kms:Decrypt*, " +
        "kms:ReEncrypt*, kms:GenerateDataKey* and kms:Describe*, conditioned on kms:EncryptionContext:aws:logs:arn.",
    source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
    check(resources, ctx) {
        const principal = `logs.${ctx.region}.amazonaws.com`;
        const findings: Finding[] = [];
        for (const group of ofType(resources, LOG_GROUP)) {
            const key = resolveKey(group.props["kmsKeyId"], resources);
            if (key === undefined) continue;
            if (!allowsService(keyPolicies(key, resources), principal, LOGS_KEY_ACTIONS)) {
                findings.push({
                    urn: key.urn,
                    message: `${key.name}: encrypts log group ${group.name}, but its key policy does not allow ${principal} ${LOGS_KEY_ACTIONS.join(", ")}.`,
                });
            }
        }
        return findings;
    },
};
