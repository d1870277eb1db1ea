/**
 * IAM roles for AWS services, with customer-managed policies only: no inline policies, no
 * AWS-managed policies (AwsSolutions-IAM4), so every permission is reviewable in this repo and
 * scoped to the resource ARNs the role touches.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "./common";
import { TOKEN } from "./common";

export interface Statement {
    /** The statement's id, which reviews and waivers name it by. @default - none */
    readonly Sid?: string;
    /** @default "Allow" */
    readonly Effect?: "Allow" | "Deny";
    /** The actions, e.g. `kinesis:GetRecords`. */
    readonly Action: string | readonly string[];
    /** The ARNs the actions apply to; `*` only where the action supports no resource-level permission. */
    readonly Resource: pulumi.Input<string> | readonly pulumi.Input<string>[];
    /** Condition operators and their keys, e.g. `{ StringEquals: { "kms:ViaService": ... } }`. @default - none */
    readonly Condition?: Record<string, Record<string, pulumi.Input<string> | readonly pulumi.Input<string>[]>>;
}

/** A policy document as a typed object, serialised with `pulumi.jsonStringify`. */
export function policyDocument(statements: readonly Statement[]): pulumi.Output<string> {
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: statements.map((s) => ({ Effect: "Allow", ...s })),
    });
}

/**
 * What a component grants permissions to: a role, or a component acting through its role (a
 * Fargate service's task role, a build project's role, a function's role). Each grant becomes
 * one customer-managed policy `<role>-<key>` on that role, so a review sees which resource
 * granted what; the key names the granting resource and the access (`orders-stream-read-write`).
 */
export interface Grantee {
    /** Attach `statements` as one customer-managed policy named after `key`. */
    grant(key: string, statements: readonly Statement[]): void;
}

/** The policy key of a grant: the granting component's resource name and the access it gives. */
export function grantKey(resourceName: string, access: string): string {
    return `${resourceName}-${access}`;
}

export interface ServiceRoleArgs extends BaseArgs {
    /** Resource key: the role is named `<system>-<roleName>-<suffix>`, checked against IAM's rule. */
    readonly roleName: string;
    /**
     * The role's whole name, when the design fixes one (`codebuild-role-<env>`), checked against
     * IAM's rule instead of built from `roleName`.
     * @default - `<system>-<roleName>-<suffix>`
     */
    readonly fullName?: string;
    /** Service principals allowed to assume the role, e.g. `ecs-tasks.amazonaws.com`. */
    readonly services: readonly string[];
    /** Other principals (ARNs) allowed to assume the role, e.g. a pipeline role for cross-account deploys. @default - none */
    readonly awsPrincipals?: readonly pulumi.Input<string>[];
    /** One customer-managed policy per entry, attached to the role. */
    readonly policies: Readonly<Record<string, readonly Statement[]>>;
    /** What the role is for, in words, for the console. @default - none */
    readonly description?: string;
    /**
     * Restrict the trust to this account with `aws:SourceAccount` (confused-deputy protection).
     * @default true
     */
    readonly sourceAccountCondition?: boolean;
}

export class ServiceRole extends pulumi.ComponentResource implements Grantee {
    /** @internal The IAM role; read `arn` and `name`. */
    readonly role: aws.iam.Role;
    /** @internal The customer-managed policies attached so far. */
    readonly policies: aws.iam.Policy[] = [];
    /** The role's ARN. */
    readonly arn: pulumi.Output<string>;
    /** The role's name as an output, for resources that must wait for the role. */
    readonly name: pulumi.Output<string>;
    /** The role's checked name, known before deployment (its policies are named after it). */
    readonly roleName: string;
    private readonly resourceName: string;
    private readonly tags: BaseArgs["tags"];
    private readonly keys = new Set<string>();

    constructor(name: string, args: ServiceRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:iam:ServiceRole`, name, {}, opts);
        this.roleName = args.fullName !== undefined ? args.namer.custom(args.fullName, args.roleName, "iamRole") : args.namer.name(args.roleName, "iamRole");
        this.resourceName = name;
        this.tags = args.tags;
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const trust: Record<string, unknown>[] = [
            {
                Effect: "Allow",
                Principal: { Service: [...args.services] },
                Action: "sts:AssumeRole",
                ...(args.sourceAccountCondition === false ? {} : { Condition: { StringEquals: { "aws:SourceAccount": account } } }),
            },
        ];
        if (args.awsPrincipals && args.awsPrincipals.length > 0) {
            trust.push({ Effect: "Allow", Principal: { AWS: [...args.awsPrincipals] }, Action: "sts:AssumeRole" });
        }
        this.role = new aws.iam.Role(
            name,
            {
                name: this.roleName,
                description: args.description,
                assumeRolePolicy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: trust }),
                maxSessionDuration: 3600,
                tags: args.tags,
            },
            { parent: this },
        );
        for (const [key, statements] of Object.entries(args.policies)) this.attachPolicy(key, statements, { parent: this });
        this.arn = this.role.arn;
        this.name = this.role.name;
        this.registerOutputs({ arn: this.arn, name: this.name });
    }

    /**
     * One more customer-managed policy `<roleName>-<key>`, attached to the role: for a component
     * that shares the role with others (one CodeBuild role for several projects) and adds the
     * statements of its own part. `opts.parent` places it under that component.
     * @returns the attachment, for resources that must wait until the permissions are in place
     */
    attachPolicy(key: string, statements: readonly Statement[], opts: pulumi.CustomResourceOptions = { parent: this }): aws.iam.RolePolicyAttachment {
        if (this.keys.has(key)) throw new Error(`ServiceRole ${this.resourceName}: a policy "${key}" is already attached; each grant needs its own key`);
        this.keys.add(key);
        const policy = new aws.iam.Policy(
            `${this.resourceName}-${key}`,
            { name: `${this.roleName}-${key}`, description: `${key} for ${this.roleName}`, policy: policyDocument(statements), tags: this.tags },
            opts,
        );
        this.policies.push(policy);
        return new aws.iam.RolePolicyAttachment(`${this.resourceName}-${key}`, { role: this.role.name, policyArn: policy.arn }, opts);
    }

    /** A grant from a component: one more policy `<roleName>-<key>` (see `attachPolicy`). */
    grant(key: string, statements: readonly Statement[]): void {
        this.attachPolicy(key, statements);
    }
}
