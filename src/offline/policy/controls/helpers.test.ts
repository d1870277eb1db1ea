import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { internetIngress, subnetZones } from "./network";
import { containers, wildcardMatches } from "./read";
import { hasCondition, identityPolicies, permissionBoundaries, restrictedByFixedValues } from "./statements";
import { res } from "../../../../test/support/policy/controls";

describe("policy conditions", () => {
    const statement = (Condition: Record<string, Record<string, unknown>>) => ({ Effect: "Allow" as const, Principal: "*", Condition });

    it("credits fixed values of restricting keys under positive operators only", () => {
        assert.ok(restrictedByFixedValues(statement({ StringEquals: { "aws:SourceAccount": "123456789012" } })));
        assert.ok(restrictedByFixedValues(statement({ ArnLike: { "aws:SourceArn": ["arn:aws:events:us-east-1:1:rule/x"] } })));
        assert.ok(!restrictedByFixedValues(statement({ StringLike: { "aws:SourceAccount": "*" } })));
        assert.ok(!restrictedByFixedValues(statement({ StringEquals: { "aws:PrincipalArn": "${aws:username}" } })));
        assert.ok(!restrictedByFixedValues(statement({ StringNotEquals: { "aws:SourceAccount": "1" } })));
        assert.ok(!restrictedByFixedValues(statement({ StringEqualsIfExists: { "aws:SourceAccount": "1" } })));
        assert.ok(!restrictedByFixedValues(statement({ Bool: { "aws:SecureTransport": "true" } })));
        assert.ok(!restrictedByFixedValues({ Effect: "Allow", Principal: "*" }));
    });

    it("finds a Bool condition given as a string, a boolean or a list", () => {
        assert.ok(hasCondition(statement({ Bool: { "aws:SecureTransport": "false" } }), "Bool", "aws:SecureTransport", "false"));
        assert.ok(hasCondition(statement({ Bool: { "aws:SecureTransport": false } }), "Bool", "aws:SecureTransport", "false"));
        assert.ok(hasCondition(statement({ bool: { "aws:securetransport": ["false"] } }), "Bool", "aws:SecureTransport", "false"));
        assert.ok(!hasCondition(statement({ Bool: { "aws:SecureTransport": "true" } }), "Bool", "aws:SecureTransport", "false"));
    });
});

describe("internetIngress", () => {
    it("reads inline rules, SecurityGroupRule and SecurityGroupIngressRule, ignoring private sources", () => {
        const group = res("aws:ec2/securityGroup:SecurityGroup", "sg", {
            ingress: [
                { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
                { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/16"] },
                { protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] },
            ],
        });
        assert.deepEqual(
            internetIngress(group).map((r) => [r.where, r.protocol, r.fromPort, r.toPort]),
            [
                ["ingress[0]", "tcp", 443, 443],
                ["ingress[2]", "-1", 0, 65535],
            ],
        );
        const rule = res("aws:ec2/securityGroupRule:SecurityGroupRule", "r", { type: "egress", protocol: "6", fromPort: 1, toPort: 2, cidrBlocks: ["0.0.0.0/0"] });
        assert.equal(internetIngress(rule).length, 0);
        const v = res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "v", { ipProtocol: "6", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" });
        assert.deepEqual(internetIngress(v).map((r) => r.protocol), ["tcp"]);
    });
});

describe("other helpers", () => {
    it("reads container definitions given as a JSON string or an array", () => {
        const defs = [{ name: "app" }, { name: "sidecar" }];
        assert.equal(containers(res("aws:ecs/taskDefinition:TaskDefinition", "td", { containerDefinitions: JSON.stringify(defs) })).length, 2);
        assert.equal(containers(res("aws:ecs/taskDefinition:TaskDefinition", "td", { containerDefinitions: defs })).length, 2);
        assert.equal(containers(res("aws:ecs/taskDefinition:TaskDefinition", "td", { containerDefinitions: "{oops" })).length, 0);
    });

    it("resolves subnets to their Availability Zones and names the unresolved ones", () => {
        const subnets = [
            res("aws:ec2/subnet:Subnet", "a", { availabilityZone: "us-east-1a" }),
            res("aws:ec2/subnet:Subnet", "b", { availabilityZoneId: "use1-az2" }),
        ];
        const { zones, unresolved } = subnetZones(["a-id", "b-id", "subnet-123"], subnets);
        assert.deepEqual([...zones], ["us-east-1a", "use1-az2"]);
        assert.deepEqual(unresolved, ["subnet-123"]);
    });

    it("matches ECR repository filters with * wildcards", () => {
        assert.ok(wildcardMatches("fastcart-*", "fastcart-orders"));
        assert.ok(wildcardMatches("*", "anything"));
        assert.ok(!wildcardMatches("fastcart-*", "brazilcart-api"));
        assert.ok(!wildcardMatches("a.b", "axb"));
    });
});

describe("IAM helpers", () => {
    it("lists the identity-policy documents of managed, inline and role policies", () => {
        const role = res("aws:iam/role:Role", "r", { inlinePolicies: [{ name: "a", policy: "{}" }, { name: "b", policy: "{}" }] });
        assert.deepEqual(identityPolicies(role).map((p) => p.where), ["inlinePolicies[0].policy", "inlinePolicies[1].policy"]);
        assert.deepEqual(identityPolicies(res("aws:iam/rolePolicy:RolePolicy", "p", { policy: "{}" })).map((p) => p.where), ["policy"]);
        assert.deepEqual(identityPolicies(res("aws:iam/policy:Policy", "p")), []);
    });

    it("finds the policies roles and users use as permission boundaries", () => {
        const boundary = res("aws:iam/policy:Policy", "boundary", { name: "fastcart-boundary-dev" });
        const other = res("aws:iam/policy:Policy", "other");
        const user = res("aws:iam/user:User", "u", { permissionsBoundary: "arn:aws:iam::1:policy/fastcart-boundary-dev" });
        assert.deepEqual([...permissionBoundaries([boundary, other, user])], [boundary]);
        assert.equal(permissionBoundaries([boundary, other]).size, 0);
    });
});
