import IAM1 from "../../../../src/offline/policy/controls/IAM.1";
import IAM21 from "../../../../src/offline/policy/controls/IAM.21";
import AwsSolutionsIAM4 from "../../../../src/offline/policy/controls/AwsSolutions-IAM4";
import AwsSolutionsIAM5 from "../../../../src/offline/policy/controls/AwsSolutions-IAM5";
import { builder, controlCases, fail, pass } from "../controls";

const policy = builder("aws:iam/policy:Policy");
const rolePolicy = builder("aws:iam/rolePolicy:RolePolicy");
const role = builder("aws:iam/role:Role");
const user = builder("aws:iam/user:User");
const attachment = builder("aws:iam/rolePolicyAttachment:RolePolicyAttachment");
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });

const admin = { Effect: "Allow", Action: "*", Resource: "*" };
const scoped = { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::artifacts/*" };

controlCases(IAM1, {
    passing: [
        pass("scoped policy", policy({ policy: doc(scoped) })),
        pass("admin policy used as a permission boundary", [policy({ policy: doc(admin) }, "boundary"), user({ permissionsBoundary: "boundary-id" })]),
        pass("all actions on one resource", rolePolicy({ policy: doc({ ...admin, Resource: "arn:aws:s3:::artifacts" }) })),
    ],
    failing: [
        fail("managed policy", policy({ policy: doc(admin) }), "policy"),
        fail("role policy", rolePolicy({ policy: doc(scoped, admin) }), "statement 2"),
        fail("role inline policy, Action as a list", role({ inlinePolicies: [{ name: "all", policy: doc({ ...admin, Action: ["*"] }) }] }), "inlinePolicies[0]"),
    ],
});

controlCases(IAM21, {
    passing: [
        pass("named actions", policy({ policy: doc(scoped) })),
        pass("prefix wildcard is not service-wide", policy({ policy: doc({ ...scoped, Action: "s3:Get*" }) })),
        pass("service wildcard in a permission boundary", [policy({ policy: doc({ ...scoped, Action: "s3:*" }) }, "boundary"), role({ permissionsBoundary: "arn:aws:iam::1:policy/boundary" })]),
    ],
    failing: [
        fail("s3:*", policy({ policy: doc({ ...scoped, Action: "s3:*" }) }), "s3:*"),
        fail("two statements with service wildcards", policy({ policy: doc({ ...scoped, Action: ["kms:*"] }, { ...scoped, Sid: "Logs", Action: "logs:*" }) }), "policy", 2),
    ],
});

const managed = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

controlCases(AwsSolutionsIAM4, {
    passing: [
        pass("customer managed policy", attachment({ role: "task-role-id", policyArn: "arn:aws:iam::123456789012:policy/task" })),
        pass("role without managed policies", role({ assumeRolePolicy: doc() })),
    ],
    failing: [
        fail("attachment of an AWS managed policy", attachment({ role: "task-role-id", policyArn: managed }), "policyArn"),
        fail("role managedPolicyArns", role({ managedPolicyArns: [managed, "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"] }), "managedPolicyArns", 2),
    ],
});

controlCases(AwsSolutionsIAM5, {
    passing: [
        pass("exact actions and ARNs", policy({ policy: doc({ ...scoped, Resource: "arn:aws:s3:::artifacts/build.zip" }) })),
        pass("wildcard in a Deny", rolePolicy({ policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }) })),
        pass("objects of one named bucket", policy({ policy: doc(scoped) })),
        pass("streams of one named log group", policy({ policy: doc({ Effect: "Allow", Action: "logs:PutLogEvents", Resource: "arn:aws:logs:us-east-1:1:log-group:/ecs/app:*" }) })),
    ],
    failing: [
        fail("objects of every bucket", policy({ policy: doc({ ...scoped, Resource: "arn:aws:s3:::*/*" }) }), "arn:aws:s3:::*/*"),
        fail("wildcard in the account and region of an ARN", policy({ policy: doc({ ...scoped, Resource: "arn:aws:logs:*:*:log-group:app:*" }) }), "arn:aws:logs:*:*"),
        fail("bare wildcard resource", policy({ policy: doc({ ...scoped, Resource: "*" }) }), "*"),
        fail("action prefix wildcard in a role policy", rolePolicy({ policy: doc({ Effect: "Allow", Action: "logs:Create*", Resource: "arn:aws:logs:us-east-1:1:log-group:app" }) }), "logs:Create*"),
        fail("role inline policies", role({ inlinePolicies: [{ name: "a", policy: doc(admin) }, { name: "b", policy: doc({ ...scoped, Resource: "arn:aws:s3:::*" }) }] }), "inlinePolicies[", 2),
    ],
});
