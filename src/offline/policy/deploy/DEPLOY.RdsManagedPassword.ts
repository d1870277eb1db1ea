/** RDS rejects a request that both manages the master password in Secrets Manager and sets one. */
import type { ResourceRule } from "../types";
import { flag } from "./read";

/** The password inputs of each type that conflict with `manageMasterUserPassword`. */
const PASSWORD_INPUTS: Readonly<Record<string, readonly string[]>> = {
    "aws:rds/instance:Instance": ["password", "passwordWo"],
    "aws:rds/cluster:Cluster": ["masterPassword", "masterPasswordWo"],
};

export const rdsManagedPassword: ResourceRule = {
    id: "DEPLOY.RdsManagedPassword",
    title: "RDS manageMasterUserPassword is not combined with a password",
    kind: "deployability",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: Object.keys(PASSWORD_INPUTS),
    remediation: "Keep manageMasterUserPassword: true and remove the password input; read the secret from masterUserSecrets.",
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html",
    check(resource) {
        if (!flag(resource.props["manageMasterUserPassword"])) return [];
        return (PASSWORD_INPUTS[resource.type] ?? [])
            .filter((input) => {
                const value = resource.props[input];
                return value !== undefined && value !== null && value !== "";
            })
            .map((input) => ({
                message: `${resource.name}: manageMasterUserPassword is true and ${input} is set; RDS accepts only one of them.`,
                input,
                rule: `manageMasterUserPassword excludes ${input}`,
            }));
    },
};
