/**
 * The service pipeline's two builds (service-pipeline): the container image with a layer cache,
 * and the service's tests.
 */
import type { Buildspec } from "../aws/buildspec";

/**
 * A buildx builder image from Amazon ECR Public: CodeBuild's shared addresses hit Docker Hub's
 * anonymous pull limit, which would fail the build before it starts.
 */
export const BUILDKIT_IMAGE = "public.ecr.aws/vend/moby/buildkit:buildx-stable-1";

/** Where the Build stage keeps its Docker layer cache on the build host; CodeBuild syncs it with the S3 cache bucket. */
export const LAYER_CACHE_DIR = "/root/.buildx-cache";

/**
 * The Build stage: build the application's `Dockerfile` with a layer cache, push it to ECR under
 * `<commit>-<build number>` (unique, so immutable tags never collide on a retry), and export the
 * pushed image by digest as `IMAGE_URI` with the commit as `COMMIT`, for the Deploy stage.
 * Expects `REPOSITORY_URI` in the environment.
 *
 * Lambda accepts only single-platform image manifests, so provenance and SBOM attestations (which
 * turn the push into an image index) are off.
 */
export function imageBuildspec(): Buildspec {
    const next = `${LAYER_CACHE_DIR}-next`;
    return {
        version: 0.2,
        env: { "exported-variables": ["IMAGE_URI", "COMMIT"] },
        phases: {
            pre_build: {
                commands: [
                    'COMMIT="${CODEBUILD_RESOLVED_SOURCE_VERSION:-unknown}"',
                    'IMAGE_TAG="${COMMIT:0:12}-${CODEBUILD_BUILD_NUMBER}"',
                    'aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "${REPOSITORY_URI%%/*}"',
                    // The default docker driver cannot export a cache; a docker-container builder can.
                    `docker buildx create --name layer-cache --driver docker-container --driver-opt image=${BUILDKIT_IMAGE} --use`,
                ],
            },
            build: {
                commands: [
                    [
                        "docker buildx build --platform linux/amd64 --provenance=false --sbom=false",
                        `--cache-from type=local,src=${LAYER_CACHE_DIR}`,
                        `--cache-to type=local,dest=${next},mode=max`,
                        '--tag "$REPOSITORY_URI:$IMAGE_TAG" --metadata-file image-metadata.json --push .',
                    ].join(" "),
                    // A fresh export each build keeps the cache from growing with layers no longer used.
                    `rm -rf ${LAYER_CACHE_DIR} && mv ${next} ${LAYER_CACHE_DIR}`,
                    `IMAGE_URI="$REPOSITORY_URI@$(jq -r '."containerimage.digest"' image-metadata.json)"`,
                    'echo "Pushed $IMAGE_URI"',
                ],
            },
        },
        cache: { paths: [`${LAYER_CACHE_DIR}/**/*`] },
    };
}

/** The Test stage: the application's test suite on the source, with Node.js 22. */
export function testBuildspec(commands: readonly string[]): Buildspec {
    return {
        version: 0.2,
        phases: {
            install: { "runtime-versions": { nodejs: 22 } },
            build: { commands: [...commands] },
        },
    };
}
