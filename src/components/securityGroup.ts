/**
 * Security groups with rules as separate resources (`aws.vpc.SecurityGroupIngressRule` /
 * `EgressRule`), so each rule is visible in the plan and can be asserted and reviewed alone.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { withName, type Tags } from "../config/tags";
import type { BaseArgs } from "./common";

export interface Rule {
    /** What the rule is for, shown in the console. */
    readonly description: string;
    /** The port, or the first of a range. */
    readonly port: number;
    /** @default port */
    readonly toPort?: number;
    /** @default "tcp" */
    readonly protocol?: "tcp" | "udp" | "-1";
    /** The IPv4 block allowed (exactly one of `cidr` and `securityGroupId`). @default - none */
    readonly cidr?: pulumi.Input<string>;
    /** The security group allowed (exactly one of `cidr` and `securityGroupId`). @default - none */
    readonly securityGroupId?: pulumi.Input<string>;
}

export interface SecurityGroupArgs extends BaseArgs {
    /** Resource key: the group is named `<system>-<groupName>-<suffix>`. */
    readonly groupName: string;
    /** What the group admits, in words. */
    readonly description: string;
    /** The VPC of the group. */
    readonly vpcId: pulumi.Input<string>;
    /** Inbound rules. @default - none: nothing is admitted */
    readonly ingress?: readonly Rule[];
    /** Outbound rules. @default - none: nothing may leave */
    readonly egress?: readonly Rule[];
}

export function securityGroup(name: string, args: SecurityGroupArgs, opts: pulumi.CustomResourceOptions): aws.ec2.SecurityGroup {
    const groupName = args.namer.name(args.groupName);
    const sg = new aws.ec2.SecurityGroup(
        name,
        { name: groupName, description: args.description, vpcId: args.vpcId, tags: withName(args.tags, groupName) },
        opts,
    );
    addRules(name, sg, "ingress", args.ingress ?? [], args.tags, opts);
    addRules(name, sg, "egress", args.egress ?? [], args.tags, opts);
    return sg;
}

export function addRules(
    name: string,
    sg: aws.ec2.SecurityGroup,
    direction: "ingress" | "egress",
    rules: readonly Rule[],
    tags: Tags,
    opts: pulumi.CustomResourceOptions,
    /** The first rule's number in its logical name, for rules added to a group later. */
    first = 0,
): void {
    rules.forEach((rule, n) => {
        const i = first + n;
        if ((rule.cidr === undefined) === (rule.securityGroupId === undefined)) {
            throw new Error(`security group ${name}: ${direction} rule "${rule.description}" needs exactly one of cidr or securityGroupId`);
        }
        const common = {
            securityGroupId: sg.id,
            description: rule.description,
            ipProtocol: rule.protocol ?? "tcp",
            ...(rule.protocol === "-1" ? {} : { fromPort: rule.port, toPort: rule.toPort ?? rule.port }),
            ...(rule.cidr !== undefined ? { cidrIpv4: rule.cidr } : { referencedSecurityGroupId: rule.securityGroupId }),
            tags,
        };
        if (direction === "ingress") new aws.vpc.SecurityGroupIngressRule(`${name}-in-${i}`, common, opts);
        else new aws.vpc.SecurityGroupEgressRule(`${name}-out-${i}`, common, opts);
    });
}
