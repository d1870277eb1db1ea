/**
 * The payment pipeline's two builds (payment-pipeline), run on the payment service's repository
 * (the Source artifact).
 */
import type { Buildspec } from "../aws/buildspec";
import { buildspecWithWriter, WRITER_VARIABLE } from "../functions/codedeployFiles/buildspec";

/**
 * Unit Tests stage (CodeBuild project `unit-test-project-<env>`). What the repository provides:
 * package.json with a lockfile and the npm scripts `lint` and `test:coverage`; the latter runs the
 * unit tests, writes JUnit XML to reports/junit.xml and a Cobertura coverage report to
 * coverage/cobertura-coverage.xml. The two reports appear in CodeBuild under the report groups the
 * project creates (`unit-test-project-<env>-unit-tests` and `unit-test-project-<env>-coverage`).
 */
export function unitTestBuildspec(): Buildspec {
    return {
        version: 0.2,
        env: {
            shell: "bash",
            // npm keeps its cache outside the source tree, so a stale cache never ships in an artifact.
            variables: { CI: "true", NODE_ENV: "test", npm_config_cache: "/tmp/npm-cache" },
        },
        phases: {
            install: {
                "runtime-versions": { nodejs: 22 },
                commands: [
                    "node --version && npm --version",
                    // Exactly what the lockfile names; no lifecycle scripts from dependencies.
                    "npm ci --ignore-scripts --no-fund --no-audit",
                ],
            },
            pre_build: {
                commands: [
                    "npm run lint",
                    // Known high and critical vulnerabilities in what ships stop the build (PCI DSS 6.3.3).
                    "npm audit --omit=dev --audit-level=high",
                ],
            },
            build: { commands: ["npm run test:coverage"] },
        },
        reports: {
            "unit-tests": { files: ["reports/junit.xml"], "file-format": "JUNITXML" },
            coverage: { files: ["coverage/cobertura-coverage.xml"], "file-format": "COBERTURAXML" },
        },
    };
}

/** Tags are immutable in ECR: a re-run of the same commit reuses the image pushed the first time. */
const BUILD_OR_REUSE = [
    'if DIGEST="$(aws ecr describe-images --repository-name "$REPOSITORY_NAME" --image-ids imageTag="$IMAGE_TAG" --query \'imageDetails[0].imageDigest\' --output text 2>/dev/null)"; then',
    '  echo "image $IMAGE_TAG is already in ECR ($DIGEST); reusing it"',
    '  IMAGE_URI="$REPOSITORY_URI@$DIGEST"',
    "else",
    '  docker build --pull --label "org.opencontainers.image.revision=$COMMIT_ID" --tag "$REPOSITORY_URI:$IMAGE_TAG" --tag "$REPOSITORY_URI:latest" .',
    '  docker push "$REPOSITORY_URI:$IMAGE_TAG"',
    '  docker push "$REPOSITORY_URI:latest"',
    '  IMAGE_URI="$(docker inspect --format \'{{index .RepoDigests 0}}\' "$REPOSITORY_URI:$IMAGE_TAG")"',
    "fi",
    "",
].join("\n");

/**
 * Docker Build stage (CodeBuild project `docker-build-project-<env>`), on a repository with a
 * Dockerfile at its root. It logs in to the Docker registry with the credentials in Secrets
 * Manager (`docker-registry-credentials-<env>`) so base image pulls are authenticated, builds the
 * image, tags it with the commit hash and `latest`, pushes both to ECR, then writes
 * imagedefinitions.json, taskdef.json and appspec.yaml for the Deploy stage with the bundled
 * deployment-file writer (src/functions/codedeployFiles), which travels in `DEPLOY_FILES_WRITER`.
 *
 * The project sets REPOSITORY_URI, REPOSITORY_NAME, TASK_DEFINITION_FAMILY, CONTAINER_NAME,
 * CONTAINER_PORT, and DOCKER_REGISTRY_USERNAME / DOCKER_REGISTRY_PASSWORD from the secret;
 * COMMIT_ID comes from the Source action's variables.
 */
export function dockerBuildBuildspec(writer?: string): Buildspec {
    return buildspecWithWriter(
        {
            version: 0.2,
            env: { shell: "bash", variables: { [WRITER_VARIABLE]: "set-by-the-stack-program" }, "exported-variables": ["IMAGE_TAG", "IMAGE_URI"] },
            phases: {
                install: { "runtime-versions": { nodejs: 22 } },
                pre_build: {
                    commands: [
                        'COMMIT_ID="${COMMIT_ID:-$CODEBUILD_RESOLVED_SOURCE_VERSION}"',
                        'IMAGE_TAG="$(echo "$COMMIT_ID" | cut -c1-12)"',
                        'test -n "$IMAGE_TAG" || { echo "no commit id to tag the image with" >&2; exit 1; }',
                        'echo "$DOCKER_REGISTRY_PASSWORD" | docker login --username "$DOCKER_REGISTRY_USERNAME" --password-stdin',
                        'aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "${REPOSITORY_URI%%/*}"',
                    ],
                },
                build: {
                    commands: [
                        BUILD_OR_REUSE,
                        // The deployment files, from the service's current task definition and the image by
                        // digest, so the Deploy stage runs exactly the image this build pushed and the approver approved.
                        'WORK_DIR="$(mktemp -d)"',
                        'aws ecs describe-task-definition --task-definition "$TASK_DEFINITION_FAMILY" --output json > "$WORK_DIR/current-taskdef.json"',
                        `echo "$${WRITER_VARIABLE}" | base64 -d > "$WORK_DIR/write-deploy-files.cjs"`,
                        'IMAGE_URI="$IMAGE_URI" TASK_DEFINITION_FILE="$WORK_DIR/current-taskdef.json" OUTPUT_DIR=. node "$WORK_DIR/write-deploy-files.cjs"',
                    ],
                },
            },
            artifacts: { files: ["imagedefinitions.json", "taskdef.json", "appspec.yaml"], "discard-paths": "yes" },
        },
        writer,
    );
}
