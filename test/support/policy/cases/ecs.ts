import ECS1 from "../../../../src/offline/policy/controls/ECS.1";
import ECS2 from "../../../../src/offline/policy/controls/ECS.2";
import ECS3 from "../../../../src/offline/policy/controls/ECS.3";
import ECS4 from "../../../../src/offline/policy/controls/ECS.4";
import ECS5 from "../../../../src/offline/policy/controls/ECS.5";
import ECS8 from "../../../../src/offline/policy/controls/ECS.8";
import ECS9 from "../../../../src/offline/policy/controls/ECS.9";
import ECS10 from "../../../../src/offline/policy/controls/ECS.10";
import ECS12 from "../../../../src/offline/policy/controls/ECS.12";
import ECS16 from "../../../../src/offline/policy/controls/ECS.16";
import ECS18 from "../../../../src/offline/policy/controls/ECS.18";
import ECS20 from "../../../../src/offline/policy/controls/ECS.20";
import AwsSolutionsECS2 from "../../../../src/offline/policy/controls/AwsSolutions-ECS2";
import ECR1 from "../../../../src/offline/policy/controls/ECR.1";
import ECR2 from "../../../../src/offline/policy/controls/ECR.2";
import ECR3 from "../../../../src/offline/policy/controls/ECR.3";
import AwsSolutionsECR1 from "../../../../src/offline/policy/controls/AwsSolutions-ECR1";
import { builder, controlCases, fail, pass } from "../controls";

const taskDefinition = builder("aws:ecs/taskDefinition:TaskDefinition");
const service = builder("aws:ecs/service:Service");
const cluster = builder("aws:ecs/cluster:Cluster");
const taskSet = builder("aws:ecs/taskSet:TaskSet");
const repository = builder("aws:ecr/repository:Repository");
const lifecycle = builder("aws:ecr/lifecyclePolicy:LifecyclePolicy");
const scanning = builder("aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration");
const repositoryPolicy = builder("aws:ecr/repositoryPolicy:RepositoryPolicy");
const registryPolicy = builder("aws:ecr/registryPolicy:RegistryPolicy");

/** A task definition whose containers arrive as a JSON string, as pulumi.jsonStringify leaves them. */
const task = (containerDefinitions: object[], props: Record<string, unknown> = {}) =>
    taskDefinition({ containerDefinitions: JSON.stringify(containerDefinitions), ...props });
const app = { name: "app", image: "app:1", user: "1000:1000", readonlyRootFilesystem: true, logConfiguration: { logDriver: "awslogs" } };
const awsvpc = { networkMode: "awsvpc" };

controlCases(ECS1, {
    passing: [
        pass("host mode, non-root user", task([app], { networkMode: "host" })),
        pass("host mode, privileged root", task([{ name: "agent", privileged: true }], { networkMode: "host" })),
        pass("awsvpc mode is out of scope", task([{ name: "root" }], awsvpc)),
    ],
    failing: [
        fail("host mode, user unset", task([{ name: "app" }], { networkMode: "host" }), "containerDefinitions app"),
        fail("host mode, user root, not privileged", task([app, { name: "b", user: "root", privileged: false }], { networkMode: "host" }), "user"),
    ],
});

controlCases(ECS2, {
    passing: [
        pass("private tasks", service({ networkConfiguration: { subnets: ["a-id"], assignPublicIp: false } })),
        pass("assignPublicIp unset", service({ networkConfiguration: { subnets: ["a-id"] } })),
    ],
    failing: [fail("public IP", service({ networkConfiguration: { subnets: ["a-id"], assignPublicIp: true } }), "assignPublicIp")],
});

controlCases(ECS3, {
    passing: [pass("pidMode unset", task([app])), pass("pidMode task", task([app], { pidMode: "task" }))],
    failing: [fail("pidMode host", task([app], { pidMode: "host" }), "pidMode")],
});

controlCases(ECS4, {
    passing: [pass("no privileged container", task([app, { name: "b", privileged: false }]))],
    failing: [
        fail("one privileged container", task([app, { name: "b", privileged: true }]), "containerDefinitions b"),
        fail("containers given as an array", taskDefinition({ containerDefinitions: [{ name: "x", privileged: true }] }), "privileged"),
    ],
});

controlCases(ECS5, {
    passing: [
        pass("read-only root", task([app])),
        pass("Windows task definition", task([{ name: "win" }], { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } })),
    ],
    failing: [
        fail("unset", task([{ name: "app" }]), "readonlyRootFilesystem"),
        fail("false on two containers", task([{ ...app, readonlyRootFilesystem: false }, { name: "sidecar" }]), "readonlyRootFilesystem", 2),
    ],
});

controlCases(ECS8, {
    passing: [pass("plain settings and secrets", task([{ ...app, environment: [{ name: "REGION", value: "us-east-1" }], secrets: [{ name: "AWS_SECRET_ACCESS_KEY", valueFrom: "arn:s" }] }]))],
    failing: [
        fail("access key pair in environment", task([{ ...app, environment: [{ name: "AWS_ACCESS_KEY_ID", value: "x" }, { name: "AWS_SECRET_ACCESS_KEY", value: "y" }] }]), "environment", 2),
        fail("registry auth data", task([{ ...app, environment: [{ name: "ECS_ENGINE_AUTH_DATA", value: "{}" }] }]), "ECS_ENGINE_AUTH_DATA"),
    ],
});

controlCases(ECS9, {
    passing: [pass("awslogs", task([app]))],
    failing: [
        fail("no logConfiguration", task([{ name: "app" }]), "logConfiguration"),
        fail("logConfiguration without a driver", task([app, { name: "sidecar", logConfiguration: { options: {} } }]), "logDriver"),
    ],
});

const fargate = (props: Record<string, unknown>) => service({ launchType: "FARGATE", taskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/task-def:1", ...props }, "svc");
const windowsTask = taskDefinition({ runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2019_FULL" } }, "task-def");

controlCases(ECS10, {
    passing: [
        pass("platformVersion unset", fargate({})),
        pass("LATEST", fargate({ platformVersion: "LATEST" })),
        pass("1.4.0 on Linux", [fargate({ platformVersion: "1.4.0" }), taskDefinition({}, "task-def")]),
        pass("1.0.0 on Windows", [fargate({ platformVersion: "1.0.0" }), windowsTask]),
        pass("EC2 launch type", service({ launchType: "EC2", platformVersion: "1.3.0" })),
    ],
    failing: [
        fail("1.3.0 on Fargate", fargate({ platformVersion: "1.3.0" }), "platformVersion"),
        fail("1.0.0 on Linux", [fargate({ platformVersion: "1.0.0" }), taskDefinition({}, "task-def")], "platformVersion"),
        fail("FARGATE_SPOT capacity provider", service({ capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }], platformVersion: "1.2.0" }), "platformVersion"),
    ],
});

controlCases(ECS12, {
    passing: [
        pass("enabled", cluster({ settings: [{ name: "containerInsights", value: "enabled" }] })),
        pass("enhanced", cluster({ settings: [{ name: "containerInsights", value: "enhanced" }] })),
    ],
    failing: [
        fail("no settings", cluster(), "containerInsights"),
        fail("disabled", cluster({ settings: [{ name: "containerInsights", value: "disabled" }] }), "settings"),
    ],
});

controlCases(ECS16, {
    passing: [pass("private task set", taskSet({ networkConfiguration: { subnets: ["a-id"] } }))],
    failing: [fail("public IP", taskSet({ networkConfiguration: { subnets: ["a-id"], assignPublicIp: true } }), "assignPublicIp")],
});

const efs = (transitEncryption?: string) => ({ name: "data", efsVolumeConfiguration: { fileSystemId: "fs-1", transitEncryption } });

controlCases(ECS18, {
    passing: [pass("EFS with TLS", task([app], { volumes: [efs("ENABLED")] })), pass("bind mount only", task([app], { volumes: [{ name: "tmp" }] }))],
    failing: [
        fail("transitEncryption unset", task([app], { volumes: [efs()] }), "transitEncryption"),
        fail("transitEncryption DISABLED", task([app], { volumes: [{ name: "tmp" }, efs("DISABLED")] }), "volumes[1]"),
    ],
});

controlCases(ECS20, {
    passing: [
        pass("numeric non-root user", task([app])),
        pass("named user", task([{ ...app, user: "appuser" }], { runtimePlatform: { operatingSystemFamily: "LINUX" } })),
        pass("Windows", task([{ name: "win" }], { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } })),
    ],
    failing: [
        fail("user unset", task([{ name: "app" }]), "user"),
        fail("root with a group", task([{ name: "app", user: "root:root" }]), "user"),
        fail("uid 0 with a gid", task([{ name: "app", user: "0:1000" }]), "user"),
    ],
});

controlCases(AwsSolutionsECS2, {
    passing: [pass("secrets only", task([{ ...app, secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:s" }] }])), pass("empty environment", task([{ ...app, environment: [] }]))],
    failing: [fail("environment set", task([{ ...app, environment: [{ name: "STREAM", value: "orders" }] }]), "environment")],
});

const ordersRepo = repository({ name: "fastcart-orders-dev" }, "orders-repo");

controlCases(ECR1, {
    passing: [
        pass("scan on push", repository({ imageScanningConfiguration: { scanOnPush: true } })),
        pass("registry rule matches by wildcard", [ordersRepo, scanning({ scanType: "ENHANCED", rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "fastcart-*", filterType: "WILDCARD" }] }] })]),
    ],
    failing: [
        fail("no scanning", ordersRepo, "scanOnPush"),
        fail("scanOnPush false", repository({ imageScanningConfiguration: { scanOnPush: false } }), "scanOnPush"),
        fail("registry rule for other repositories", [ordersRepo, scanning({ scanType: "BASIC", rules: [{ scanFrequency: "SCAN_ON_PUSH", repositoryFilters: [{ filter: "brazilcart-*", filterType: "WILDCARD" }] }] })], "scanOnPush"),
        fail("registry rule that only scans manually", [ordersRepo, scanning({ scanType: "BASIC", rules: [{ scanFrequency: "MANUAL", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] }] })], "scanOnPush"),
    ],
});

controlCases(ECR2, {
    passing: [pass("immutable tags", repository({ imageTagMutability: "IMMUTABLE" }))],
    failing: [
        fail("unset (MUTABLE)", repository(), "imageTagMutability"),
        fail("immutable with exclusions", repository({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" }), "imageTagMutability"),
    ],
});

controlCases(ECR3, {
    passing: [
        pass("lifecycle policy by name", [ordersRepo, lifecycle({ repository: "fastcart-orders-dev", policy: "{}" })]),
        pass("lifecycle policy by id", [ordersRepo, lifecycle({ repository: "orders-repo-id", policy: "{}" })]),
    ],
    failing: [
        fail("no lifecycle policy", ordersRepo, "LifecyclePolicy"),
        fail("lifecycle policy on another repository", [ordersRepo, repository({}, "other"), lifecycle({ repository: "other-id" })], "repository"),
    ],
});

const pull = (Principal: unknown) => JSON.stringify({ Statement: [{ Effect: "Allow", Principal, Action: ["ecr:BatchGetImage"] }] });

controlCases(AwsSolutionsECR1, {
    passing: [
        pass("named account", repositoryPolicy({ policy: pull({ AWS: "arn:aws:iam::123456789012:root" }) })),
        pass("service principal", registryPolicy({ policy: pull({ Service: "lambda.amazonaws.com" }) })),
    ],
    failing: [
        fail("everyone", repositoryPolicy({ policy: pull("*") }), "Principal"),
        fail("every account's root", repositoryPolicy({ policy: pull({ AWS: ["arn:aws:iam::*:root"] }) }), "policy"),
        fail("registry policy open to all", registryPolicy({ policy: pull({ AWS: "*" }) }), "Principal"),
    ],
});
