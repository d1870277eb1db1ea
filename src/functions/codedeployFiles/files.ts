/**
 * The three files the Docker build hands to the Deploy stage, from the service's current task
 * definition and the image just pushed:
 *
 * - `taskdef.json`: the task definition to register, as RegisterTaskDefinition takes it (the
 *   read-only fields of DescribeTaskDefinition removed), with the new image in the service's
 *   container. CodePipeline's CodeDeployToECS action registers it.
 * - `appspec.yaml`: the CodeDeploy AppSpec for ECS: the `<TASK_DEFINITION>` placeholder the
 *   action fills with the registered revision, and the container and port the load balancer
 *   sends traffic to.
 * - `imagedefinitions.json`: `[{ name, imageUri }]`, what the standard ECS deploy action reads,
 *   kept as the record of which image the build produced.
 *
 * Pure functions, no AWS SDK: the build gets the current task definition with the AWS CLI.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html#reference-appspec-file-structure-resources-ecs
 */

export class DeployFilesError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "DeployFilesError";
    }
}

/**
 * The Docker label of a container still running the stack's placeholder server: its `command`
 * belongs to the placeholder image, so the first release drops it (and the label) and the
 * released image runs its own CMD.
 */
export const PLACEHOLDER_LABEL = "commerce.placeholder";

/** The placeholder CodePipeline's CodeDeployToECS action replaces with the registered task definition ARN. */
export const TASK_DEFINITION_PLACEHOLDER = "<TASK_DEFINITION>";

export const FILE_NAMES = ["imagedefinitions.json", "taskdef.json", "appspec.yaml"] as const;
export type DeploymentFileName = (typeof FILE_NAMES)[number];

/**
 * The parameters RegisterTaskDefinition accepts. Everything else DescribeTaskDefinition returns
 * (`taskDefinitionArn`, `revision`, `status`, `requiresAttributes`, `compatibilities`,
 * `registeredAt`, `registeredBy`, `deregisteredAt`) makes registration fail, so it is dropped.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
 */
export const REGISTRABLE_FIELDS = [
    "family",
    "taskRoleArn",
    "executionRoleArn",
    "networkMode",
    "containerDefinitions",
    "volumes",
    "placementConstraints",
    "requiresCompatibilities",
    "cpu",
    "memory",
    "pidMode",
    "ipcMode",
    "proxyConfiguration",
    "inferenceAccelerators",
    "ephemeralStorage",
    "runtimePlatform",
    "enableFaultInjection",
] as const;

export interface DeploymentInput {
    /** `describe-task-definition` output: `{ taskDefinition: {...} }`, or the task definition itself. */
    readonly described: unknown;
    /** The container the load balancer sends traffic to. */
    readonly containerName: string;
    readonly containerPort: number;
    /** The image just pushed: `<registry>/<repository>:<tag>` or `...@sha256:<digest>`. */
    readonly imageUri: string;
}

const IMAGE = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@sha256:[0-9a-f]{64})$/;

/** Why `uri` is not an image a deployment should name, or undefined when it is. */
export function imageUriProblem(uri: string): string | undefined {
    const m = IMAGE.exec(uri);
    if (!m) return `IMAGE_URI "${uri}" is not an image reference with a tag or digest, such as 123456789012.dkr.ecr.us-east-2.amazonaws.com/payment-service-dev:3f9c2a1`;
    if (m[1] === "latest") return `IMAGE_URI "${uri}" names the moving "latest" tag; deploy the commit tag or the digest so the approved image is the one deployed`;
    return undefined;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The task definition object of a `describe-task-definition` result. */
export function taskDefinitionOf(described: unknown): Json {
    const inner = isObject(described) && isObject(described.taskDefinition) ? described.taskDefinition : described;
    if (!isObject(inner)) throw new DeployFilesError("the task definition file holds no JSON object; write it with `aws ecs describe-task-definition --task-definition <family>`");
    if (typeof inner.family !== "string" || inner.family === "") throw new DeployFilesError("the task definition has no family");
    if (!Array.isArray(inner.containerDefinitions) || inner.containerDefinitions.length === 0) {
        throw new DeployFilesError(`task definition ${inner.family} has no containerDefinitions`);
    }
    return inner;
}

/** The task definition to register: registrable fields only, the new image in `containerName`. */
export function registrableTaskDefinition(described: unknown, containerName: string, containerPort: number, imageUri: string): Json {
    const current = taskDefinitionOf(described);
    const containers = current.containerDefinitions as unknown[];
    const names = containers.map((c) => (isObject(c) ? String(c.name) : "?"));
    const index = containers.findIndex((c) => isObject(c) && c.name === containerName);
    if (index < 0) {
        throw new DeployFilesError(`task definition ${current.family} has no container named "${containerName}" (it has ${names.map((n) => `"${n}"`).join(", ")}); set CONTAINER_NAME to the one behind the load balancer`);
    }
    const container = containers[index] as Json;
    const ports = Array.isArray(container.portMappings) ? container.portMappings.filter(isObject).map((p) => p.containerPort) : [];
    if (!ports.includes(containerPort)) {
        throw new DeployFilesError(
            `container "${containerName}" of ${current.family} does not map port ${containerPort} (it maps ${ports.length > 0 ? ports.join(", ") : "none"}); ` +
                "CodeDeploy routes the target groups to CONTAINER_PORT, so it must be one of the container's ports",
        );
    }
    const result: Json = {};
    for (const field of REGISTRABLE_FIELDS) {
        if (current[field] !== undefined && current[field] !== null) result[field] = current[field];
    }
    result.containerDefinitions = containers.map((c, i) => (i === index ? released(container, imageUri) : c));
    return result;
}

/** The container with the new image; a placeholder's command and label go with the placeholder image. */
function released(container: Json, imageUri: string): Json {
    const labels = isObject(container.dockerLabels) ? container.dockerLabels : {};
    if (labels[PLACEHOLDER_LABEL] === undefined) return { ...container, image: imageUri };
    const { command: _command, dockerLabels: _labels, ...rest } = container;
    const kept = Object.fromEntries(Object.entries(labels).filter(([k]) => k !== PLACEHOLDER_LABEL));
    return { ...rest, ...(Object.keys(kept).length > 0 ? { dockerLabels: kept } : {}), image: imageUri };
}

/** The AppSpec for an ECS blue/green deployment, as YAML (JSON-quoted scalars are valid YAML). */
export function appSpec(containerName: string, containerPort: number): string {
    return [
        "version: 0.0",
        "Resources:",
        "  - TargetService:",
        "      Type: AWS::ECS::Service",
        "      Properties:",
        `        TaskDefinition: ${JSON.stringify(TASK_DEFINITION_PLACEHOLDER)}`,
        "        LoadBalancerInfo:",
        `          ContainerName: ${JSON.stringify(containerName)}`,
        `          ContainerPort: ${containerPort}`,
        "",
    ].join("\n");
}

export function imageDefinitions(containerName: string, imageUri: string): string {
    return JSON.stringify([{ name: containerName, imageUri }], null, 2) + "\n";
}

/** The three files, by name, after checking every input; all problems are reported at once. */
export function deploymentFiles(input: DeploymentInput): Record<DeploymentFileName, string> {
    const problems: string[] = [];
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(input.containerName)) problems.push(`CONTAINER_NAME "${input.containerName}" is not a container name (letters, digits, hyphens and underscores)`);
    if (!Number.isInteger(input.containerPort) || input.containerPort < 1 || input.containerPort > 65535) {
        problems.push(`CONTAINER_PORT ${input.containerPort} is not a port (1 to 65535)`);
    }
    const image = imageUriProblem(input.imageUri);
    if (image) problems.push(image);
    if (problems.length > 0) throw new DeployFilesError(problems.join("; "));
    const taskDefinition = registrableTaskDefinition(input.described, input.containerName, input.containerPort, input.imageUri);
    return {
        "imagedefinitions.json": imageDefinitions(input.containerName, input.imageUri),
        "taskdef.json": JSON.stringify(taskDefinition, null, 2) + "\n",
        "appspec.yaml": appSpec(input.containerName, input.containerPort),
    };
}
