/**
 * Secrets Manager secrets as their readers need them, and a secret whose value is put outside
 * Pulumi (so it never enters the stack's state): its name, the customer key it is encrypted
 * with, a recovery window, and `grantRead`.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "./common";
import { TOKEN } from "./common";
import { keyStatement } from "./encryption";
import { grantKey, type Grantee, type Statement } from "./iam";

/** A secret as its readers need it: where it is and the key it is encrypted with. */
export interface SecretRef {
    /** The secret's ARN. */
    readonly arn: pulumi.Input<string>;
    /** The customer key it is encrypted with. */
    readonly kmsKeyArn: pulumi.Input<string>;
}

/**
 * Reading the secrets' values: GetSecretValue on exactly these ARNs, and Decrypt on their keys
 * only through Secrets Manager, which decrypts with the caller's permissions.
 * @see https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
 */
export function secretReadStatements(secrets: readonly SecretRef[], region: pulumi.Input<string>, sid = "ReadSecrets"): Statement[] {
    if (secrets.length === 0) return [];
    const unique = <T>(values: readonly T[]) => [...new Set(values)];
    return [
        { Sid: sid, Action: "secretsmanager:GetSecretValue", Resource: unique(secrets.map((s) => s.arn)) },
        keyStatement(`${sid}Key`, unique(secrets.map((s) => s.kmsKeyArn)), ["kms:Decrypt"], { service: "secretsmanager", region }),
    ];
}

export interface StoredSecretArgs extends BaseArgs {
    /** Resource key: the secret is named `<system>-<secretName>-<suffix>`, checked against Secrets Manager's rule. */
    readonly secretName: string;
    /**
     * The secret's whole name, when the design fixes one (`docker-registry-credentials-<env>`),
     * checked against Secrets Manager's rule instead of built from `secretName`.
     * @default - `<system>-<secretName>-<suffix>`
     */
    readonly fullName?: string;
    /** What the value is and its form, for whoever sets it. */
    readonly description: string;
    /** The customer key the secret is encrypted with. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /**
     * Days a deleted secret can still be restored; 0 deletes it at once, so a destroyed dev stack
     * can be recreated with the same name straight away.
     * @default 30
     */
    readonly recoveryWindowDays?: number;
}

/** A secret whose value someone puts outside Pulumi (`aws secretsmanager put-secret-value`). */
export class StoredSecret extends pulumi.ComponentResource implements SecretRef {
    /** The secret's ARN. */
    readonly arn: pulumi.Output<string>;
    /** The checked name, known before deployment. */
    readonly name: string;
    /** The customer key the secret is encrypted with. */
    readonly kmsKeyArn: pulumi.Input<string>;
    private readonly resourceName: string;
    private readonly region: pulumi.Output<string>;

    constructor(name: string, args: StoredSecretArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:secretsmanager:StoredSecret`, name, {}, opts);
        this.resourceName = name;
        this.name = args.fullName !== undefined ? args.namer.custom(args.fullName, args.secretName, "secret") : args.namer.name(args.secretName, "secret");
        this.kmsKeyArn = args.kmsKeyArn;
        this.region = aws.getRegionOutput({}, { parent: this }).region;
        const secret = new aws.secretsmanager.Secret(
            name,
            { name: this.name, description: args.description, kmsKeyId: args.kmsKeyArn, recoveryWindowInDays: args.recoveryWindowDays ?? 30, tags: args.tags },
            // Created at the stack's root before this component existed; the alias keeps that secret.
            { parent: this, aliases: [{ parent: pulumi.rootStackResource }] },
        );
        this.arn = secret.arn;
        this.registerOutputs({ arn: this.arn, name: this.name });
    }

    /** Read the value (and decrypt it through Secrets Manager). */
    grantRead(grantee: Grantee): void {
        grantee.grant(grantKey(this.resourceName, "read"), secretReadStatements([this], this.region));
    }
}
