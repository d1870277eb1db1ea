import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { appSpec, DeployFilesError, deploymentFiles, imageUriProblem, PLACEHOLDER_LABEL, REGISTRABLE_FIELDS, registrableTaskDefinition, TASK_DEFINITION_PLACEHOLDER } from "./files";
import { describedTaskDefinition, IMAGE } from "./fixtures";

const input = { described: describedTaskDefinition(), containerName: "payment-service", containerPort: 8080, imageUri: IMAGE };

describe("deploymentFiles", () => {
    const files = deploymentFiles(input);

    it("writes exactly the three files the Deploy stage reads", () => {
        assert.deepEqual(Object.keys(files).sort(), ["appspec.yaml", "imagedefinitions.json", "taskdef.json"]);
        for (const text of Object.values(files)) assert.ok(text.endsWith("\n"));
    });

    it("names the container and the pushed image in imagedefinitions.json", () => {
        assert.deepEqual(JSON.parse(files["imagedefinitions.json"]), [{ name: "payment-service", imageUri: IMAGE }]);
    });

    it("writes a task definition RegisterTaskDefinition accepts, with only the service container's image changed", () => {
        const taskdef = JSON.parse(files["taskdef.json"]) as Record<string, unknown>;
        for (const key of Object.keys(taskdef)) assert.ok((REGISTRABLE_FIELDS as readonly string[]).includes(key), `${key} is not a RegisterTaskDefinition parameter`);
        for (const readOnly of ["taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt", "registeredBy", "deregisteredAt", "tags"]) {
            assert.ok(!(readOnly in taskdef), `${readOnly} must be dropped`);
        }
        const original = (describedTaskDefinition().taskDefinition as Record<string, unknown>);
        const [service, router] = taskdef.containerDefinitions as Record<string, unknown>[];
        assert.equal(service!.image, IMAGE);
        assert.deepEqual({ ...service, image: undefined }, { ...(original.containerDefinitions as Record<string, unknown>[])[0], image: undefined });
        assert.deepEqual(router, (original.containerDefinitions as unknown[])[1], "other containers are untouched");
        for (const kept of ["family", "taskRoleArn", "executionRoleArn", "networkMode", "volumes", "requiresCompatibilities", "cpu", "memory", "runtimePlatform", "placementConstraints"]) {
            assert.deepEqual(taskdef[kept], original[kept], kept);
        }
    });

    it("writes an ECS AppSpec with the task definition placeholder and the load balancer's container and port", () => {
        assert.deepEqual(parse(files["appspec.yaml"]), {
            version: 0,
            Resources: [
                {
                    TargetService: {
                        Type: "AWS::ECS::Service",
                        Properties: { TaskDefinition: TASK_DEFINITION_PLACEHOLDER, LoadBalancerInfo: { ContainerName: "payment-service", ContainerPort: 8080 } },
                    },
                },
            ],
        });
        assert.match(files["appspec.yaml"], /^version: 0\.0$/m, "CodeDeploy wants the literal 0.0");
    });

    it("reads a bare task definition as well as a describe-task-definition result", () => {
        const bare = describedTaskDefinition().taskDefinition;
        assert.deepEqual(deploymentFiles({ ...input, described: bare }), files);
    });

    it("quotes a container name YAML would otherwise read as another type", () => {
        assert.equal((parse(appSpec("true", 8080)) as { Resources: { TargetService: { Properties: { LoadBalancerInfo: { ContainerName: unknown } } } }[] }).Resources[0]!.TargetService.Properties.LoadBalancerInfo.ContainerName, "true");
    });
});

describe("deploymentFiles: bad input is refused with the reason", () => {
    const withContainers = (containers: unknown[]) => ({ taskDefinition: { ...(describedTaskDefinition().taskDefinition as object), containerDefinitions: containers } });
    const cases: [string, Partial<Omit<typeof input, "described">> & { described?: unknown }, RegExp][] = [
        ["a container the task definition lacks", { containerName: "api" }, /no container named "api" \(it has "payment-service", "log-router"\)/],
        ["a port the container does not map", { containerPort: 8443 }, /does not map port 8443 \(it maps 8080\)/],
        ["a port out of range", { containerPort: 70000 }, /CONTAINER_PORT 70000 is not a port/],
        ["a container name with a space", { containerName: "payment service" }, /CONTAINER_NAME "payment service"/],
        ["an image without tag or digest", { imageUri: "123456789012.dkr.ecr.us-east-2.amazonaws.com/payment-service-dev" }, /with a tag or digest/],
        ["the latest tag", { imageUri: "123456789012.dkr.ecr.us-east-2.amazonaws.com/payment-service-dev:latest" }, /moving "latest" tag/],
        ["an empty file", { described: null }, /holds no JSON object/],
        ["a task definition without a family", { described: { taskDefinition: { containerDefinitions: [{}] } } }, /has no family/],
        ["a task definition without containers", { described: withContainers([]) }, /has no containerDefinitions/],
    ];
    for (const [what, over, message] of cases) {
        it(`refuses ${what}`, () => {
            assert.throws(() => deploymentFiles({ ...input, ...over }), (e: unknown) => e instanceof DeployFilesError && message.test(e.message));
        });
    }

    it("reports every bad setting at once", () => {
        assert.throws(
            () => deploymentFiles({ ...input, containerName: "", containerPort: 0, imageUri: "nope" }),
            (e: unknown) => e instanceof Error && (e.message.match(/; /g) ?? []).length === 2,
        );
    });
});

describe("imageUriProblem", () => {
    it("accepts ECR and Docker Hub references by tag or digest", () => {
        for (const ok of [
            IMAGE,
            "123456789012.dkr.ecr.us-east-2.amazonaws.com/payment-service-dev:3f9c2a1b4c5d",
            "nginxinc/nginx-unprivileged:1.27-alpine",
            "localhost:5000/team/payments:v1.2.3",
        ]) {
            assert.equal(imageUriProblem(ok), undefined, ok);
        }
    });

    it("refuses references CodeDeploy would deploy ambiguously or ECS could not pull", () => {
        for (const bad of ["", "payments", "Payments:1", "repo:tag with space", "repo@sha256:short", "repo:latest"]) assert.ok(imageUriProblem(bad), bad);
    });
});

describe("registrableTaskDefinition", () => {
    it("does not change what it was given", () => {
        const described = describedTaskDefinition();
        const before = JSON.stringify(described);
        registrableTaskDefinition(described, "payment-service", 8080, IMAGE);
        assert.equal(JSON.stringify(described), before);
    });

    it("drops the placeholder server's command and label, so the released image runs its own CMD", () => {
        const described = describedTaskDefinition();
        const container = ((described.taskDefinition as Record<string, unknown>).containerDefinitions as Record<string, unknown>[])[0]!;
        container.command = ["python3", "-m", "http.server", "8080", "--directory", "/srv"];
        container.dockerLabels = { [PLACEHOLDER_LABEL]: "python-http-server", team: "payments" };
        const released = (registrableTaskDefinition(described, "payment-service", 8080, IMAGE).containerDefinitions as Record<string, unknown>[])[0]!;
        assert.equal(released.command, undefined);
        assert.deepEqual(released.dockerLabels, { team: "payments" });
        assert.equal(released.image, IMAGE);
    });

    it("keeps the command of a container that is not the placeholder", () => {
        const described = describedTaskDefinition();
        const container = ((described.taskDefinition as Record<string, unknown>).containerDefinitions as Record<string, unknown>[])[0]!;
        container.command = ["node", "server.js"];
        const released = (registrableTaskDefinition(described, "payment-service", 8080, IMAGE).containerDefinitions as Record<string, unknown>[])[0]!;
        assert.deepEqual(released.command, ["node", "server.js"]);
    });
});
