import Lambda1 from "../../../../src/offline/policy/controls/Lambda.1";
import Lambda2 from "../../../../src/offline/policy/controls/Lambda.2";
import Lambda5 from "../../../../src/offline/policy/controls/Lambda.5";
import LambdaInsideVPC from "../../../../src/offline/policy/controls/PCI.DSS.321-LambdaInsideVPC";
import DynamoDB1 from "../../../../src/offline/policy/controls/DynamoDB.1";
import DynamoDB2 from "../../../../src/offline/policy/controls/DynamoDB.2";
import DynamoDB6 from "../../../../src/offline/policy/controls/DynamoDB.6";
import { builder, controlCases, dev, fail, pass, prod } from "../controls";

const permission = builder("aws:lambda/permission:Permission");
const fn = builder("aws:lambda/function:Function");
const subnet = builder("aws:ec2/subnet:Subnet");
const table = builder("aws:dynamodb/table:Table");
const target = builder("aws:appautoscaling/target:Target");
const scalingPolicy = builder("aws:appautoscaling/policy:Policy");

const invoke = { action: "lambda:InvokeFunction", function: "deploy-fn-id" };

controlCases(Lambda1, {
    passing: [
        pass("EventBridge rule by ARN", permission({ ...invoke, principal: "events.amazonaws.com", sourceArn: "arn:aws:events:us-east-1:1:rule/r" })),
        pass("S3 with the source account", permission({ ...invoke, principal: "s3.amazonaws.com", sourceAccount: "123456789012" })),
        pass("everyone, but only from the organisation", permission({ ...invoke, principal: "*", principalOrgId: "o-abc123" })),
    ],
    failing: [
        fail("everyone", permission({ ...invoke, principal: "*" }), "principal"),
        fail("everyone with a wildcard source ARN", permission({ ...invoke, principal: "*", sourceArn: "arn:aws:s3:::*" }), "sourceArn"),
        fail("S3 without sourceAccount", permission({ ...invoke, principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::orders" }), "sourceAccount"),
    ],
});

/** Lambda.2 judges runtimes on the plan's day; the cases pin it. */
const on = (day: string) => ({ ...prod, today: new Date(`${day}T00:00:00Z`) });

controlCases(Lambda2, {
    passing: [
        pass("nodejs22.x", fn({ runtime: "nodejs22.x", packageType: "Zip" }), on("2026-12-01")),
        pass("nodejs20.x before its deprecation", fn({ runtime: "nodejs20.x" }), on("2026-04-29")),
        pass("container image", fn({ packageType: "Image", imageUri: "1.dkr.ecr.us-east-1.amazonaws.com/app:1" })),
    ],
    failing: [
        fail("nodejs18.x (retired)", fn({ runtime: "nodejs18.x" }), "runtime", 1, on("2026-12-01")),
        fail("nodejs20.x after its deprecation on 2026-04-30", fn({ runtime: "nodejs20.x" }), "runtime", 1, on("2026-04-30")),
        fail("a runtime AWS does not list", fn({ runtime: "nodejs99.x" }), "runtime"),
        fail("zip without a runtime", fn({ handler: "index.handler" }), "runtime"),
    ],
});

const zones = [subnet({ availabilityZone: "us-east-1a" }, "private-a"), subnet({ availabilityZone: "us-east-1b" }, "private-b"), subnet({ availabilityZone: "us-east-1a" }, "private-c")];
const inVpc = (subnetIds: string[]) => fn({ vpcConfig: { subnetIds, securityGroupIds: ["sg-id"] } });

controlCases(Lambda5, {
    passing: [pass("two zones", [...zones, inVpc(["private-a-id", "private-b-id"])]), pass("outside the VPC", [...zones, fn()])],
    failing: [
        fail("two subnets in one zone", [...zones, inVpc(["private-a-id", "private-c-id"])], "vpcConfig.subnetIds"),
        fail("one subnet", [...zones, inVpc(["private-b-id"])], "vpcConfig.subnetIds"),
        fail("a subnet the stack does not declare", [...zones, inVpc(["private-a-id", "subnet-0abc"])], "subnet-0abc"),
    ],
});

controlCases(LambdaInsideVPC, {
    passing: [pass("subnets and security groups", inVpc(["a-id", "b-id"]))],
    failing: [
        fail("no vpcConfig", fn(), "vpcConfig"),
        fail("no security groups, reported in dev too", fn({ vpcConfig: { subnetIds: ["a-id"], securityGroupIds: [] } }), "vpcConfig.securityGroupIds", 1, dev),
        fail("empty vpcConfig", fn({ vpcConfig: {} }), "vpcConfig.", 2),
    ],
});

const provisioned = table({ name: "fastcart-history-dev", billingMode: "PROVISIONED", readCapacity: 5, writeCapacity: 5 }, "history");
const scaling = (dimension: "Read" | "Write") => [
    target({ serviceNamespace: "dynamodb", resourceId: "table/fastcart-history-dev", scalableDimension: `dynamodb:table:${dimension}CapacityUnits` }, `${dimension}-target`),
    scalingPolicy({ serviceNamespace: "dynamodb", resourceId: "table/fastcart-history-dev", scalableDimension: `dynamodb:table:${dimension}CapacityUnits` }, `${dimension}-policy`),
];

controlCases(DynamoDB1, {
    passing: [
        pass("on demand", table({ billingMode: "PAY_PER_REQUEST" })),
        pass("provisioned with read and write scaling", [provisioned, ...scaling("Read"), ...scaling("Write")]),
    ],
    failing: [
        fail("billingMode unset (provisioned) without scaling", table({ name: "t" }), "billingMode"),
        fail("only read capacity scales", [provisioned, ...scaling("Read")], "WriteCapacityUnits"),
        fail("targets without policies", [provisioned, scaling("Read")[0]!, scaling("Write")[0]!], "ReadCapacityUnits"),
    ],
});

controlCases(DynamoDB2, {
    passing: [pass("point-in-time recovery on", table({ pointInTimeRecovery: { enabled: true } }))],
    failing: [
        fail("unset", table(), "pointInTimeRecovery.enabled"),
        fail("off", table({ pointInTimeRecovery: { enabled: false } }), "pointInTimeRecovery.enabled"),
    ],
});

controlCases(DynamoDB6, {
    passing: [pass("deletion protection on", table({ deletionProtectionEnabled: true }))],
    failing: [
        fail("unset (default false)", table(), "deletionProtectionEnabled"),
        fail("off in dev", table({ deletionProtectionEnabled: false }), "deletionProtectionEnabled", 1, dev),
    ],
});
