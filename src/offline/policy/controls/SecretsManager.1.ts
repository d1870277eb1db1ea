import type { Finding, PolicyTarget, StackRule } from "../types";
import { attachedTo, ofType } from "../../model/plan";
import { block } from "./read";

// Security Hub's maximumAllowedRotationFrequency has no default, so any schedule passes.
function rotates(rotation: PolicyTarget): boolean {
    const rules = block(rotation.props.rotationRules);
    const scheduled = rules?.automaticallyAfterDays !== undefined || rules?.scheduleExpression !== undefined;
    return scheduled && rotation.props.rotationEnabled !== false;
}

const control: StackRule = {
    id: "SecretsManager.1",
    title: "Secrets Manager secrets should have automatic rotation enabled",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/8.6.3", "PCI DSS v4.0.1/8.3.9"],
    resourceTypes: ["aws:secretsmanager/secret:Secret", "aws:secretsmanager/secretRotation:SecretRotation"],
    remediation:
        "Declare an aws.secretsmanager.SecretRotation with secretId set to each secret and rotationRules.automaticallyAfterDays or rotationRules.scheduleExpression set.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/secretsmanager-controls.html#secretsmanager-1",
    check: (resources) => {
        return ofType(resources, "aws:secretsmanager/secret:Secret").flatMap((secret): Finding[] => {
            const own = attachedTo(resources, "aws:secretsmanager/secretRotation:SecretRotation", secret, "secretId");
            if (own.length === 0) {
                return [{ urn: secret.urn, message: "no aws.secretsmanager.SecretRotation has secretId set to this secret" }];
            }
            return own.some(rotates)
                ? []
                : own.map((r) => ({
                      urn: r.urn,
                      message: "rotationRules needs automaticallyAfterDays or scheduleExpression, and rotationEnabled must not be false",
                  }));
        });
    },
};

export default control;
