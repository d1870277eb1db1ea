import CodeBuild1 from "../../../../src/offline/policy/controls/CodeBuild.1";
import CodeBuild2 from "../../../../src/offline/policy/controls/CodeBuild.2";
import CodeBuild3 from "../../../../src/offline/policy/controls/CodeBuild.3";
import CodeBuild4 from "../../../../src/offline/policy/controls/CodeBuild.4";
import AwsSolutionsCB3 from "../../../../src/offline/policy/controls/AwsSolutions-CB3";
import AwsSolutionsCB4 from "../../../../src/offline/policy/controls/AwsSolutions-CB4";
import { builder, controlCases, dev, fail, pass } from "../controls";

const project = builder("aws:codebuild/project:Project");
const environment = (extra: Record<string, unknown> = {}) => ({
    computeType: "BUILD_GENERAL1_SMALL",
    image: "aws/codebuild/standard:7.0",
    type: "LINUX_CONTAINER",
    ...extra,
});

controlCases(CodeBuild1, {
    passing: [
        pass("Bitbucket without credentials", project({ source: { type: "BITBUCKET", location: "https://bitbucket.org/acme/orders.git" } })),
        pass("Bitbucket clone URL with a user name", project({ source: { type: "BITBUCKET", location: "https://bob@bitbucket.org/acme/orders.git" } })),
        pass("CodeCommit with an @ in the path", project({ source: { type: "CODECOMMIT", location: "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/a@b" } })),
    ],
    failing: [
        fail("user and password", project({ source: { type: "BITBUCKET", location: "https://bob:hunter2@bitbucket.org/acme/orders.git" } }), "source.location"),
        fail("bare access token", project({ source: { type: "BITBUCKET", location: "https://ATBBx1y2z3a4b5c6d7e8f9g0h1@bitbucket.org/acme/orders.git" } }), "source.location"),
        fail("token in a secondary source", project({ source: { type: "CODEPIPELINE" }, secondarySources: [{ type: "BITBUCKET", sourceIdentifier: "lib", location: "https://x-token-auth:abc@bitbucket.org/acme/lib.git" }] }), "secondarySources[0].location"),
    ],
});

controlCases(CodeBuild2, {
    passing: [
        pass("key from Secrets Manager", project({ environment: environment({ environmentVariables: [{ name: "AWS_SECRET_ACCESS_KEY", value: "ci/key", type: "SECRETS_MANAGER" }] }) })),
        pass("other plain variables", project({ environment: environment({ environmentVariables: [{ name: "STAGE", value: "dev" }] }) })),
    ],
    failing: [
        fail("type unset (plain text)", project({ environment: environment({ environmentVariables: [{ name: "AWS_ACCESS_KEY_ID", value: "AKIA" }] }) }), "environment.environmentVariables"),
        fail("both keys in plain text", project({ environment: environment({ environmentVariables: [{ name: "AWS_ACCESS_KEY_ID", value: "AKIA", type: "PLAINTEXT" }, { name: "AWS_SECRET_ACCESS_KEY", value: "s", type: "PLAINTEXT" }] }) }), "plain text", 2),
    ],
});

controlCases(CodeBuild3, {
    passing: [
        pass("encrypted S3 logs", project({ logsConfig: { s3Logs: { status: "ENABLED", location: "logs/build" } } })),
        pass("S3 logs off", project({ logsConfig: { s3Logs: { status: "DISABLED", encryptionDisabled: true } } })),
    ],
    failing: [fail("encryption disabled", project({ logsConfig: { s3Logs: { status: "ENABLED", location: "logs/build", encryptionDisabled: true } } }), "encryptionDisabled")],
});

controlCases(CodeBuild4, {
    passing: [
        pass("defaults (CloudWatch Logs on)", project()),
        pass("S3 only", project({ logsConfig: { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "ENABLED", location: "logs/build" } } })),
    ],
    failing: [
        fail("CloudWatch disabled, S3 unset", project({ logsConfig: { cloudwatchLogs: { status: "DISABLED" } } }), "logsConfig"),
        fail("both disabled", project({ logsConfig: { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "DISABLED" } } }), "s3Logs"),
    ],
});

controlCases(AwsSolutionsCB4, {
    passing: [pass("customer managed key", project({ encryptionKey: "arn:aws:kms:us-east-1:1:key/abc" }))],
    failing: [
        fail("unset", project(), "encryptionKey"),
        fail("the AWS managed S3 key", project({ encryptionKey: "arn:aws:kms:us-east-1:1:alias/aws/s3" }), "encryptionKey"),
    ],
});

controlCases(AwsSolutionsCB3, {
    passing: [pass("unprivileged", project({ environment: environment() }))],
    failing: [fail("privileged docker build", project({ environment: environment({ privilegedMode: true }) }), "privilegedMode", 1, dev)],
});
