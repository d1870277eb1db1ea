/**
 * The order service's image as `pulumi up` builds it, paths relative to the repository root (the
 * build context). `sources` are the files `Dockerfile.dockerignore` lets into the build, so the
 * image's tag changes exactly when its content can: editing a test or the bench rebuilds
 * nothing. `image.test.ts` holds the list to the ignore file.
 */
export const ORDER_IMAGE = {
    dockerfile: "services/orders/Dockerfile",
    sources: [
        "services/orders/Dockerfile",
        "services/orders/Dockerfile.dockerignore",
        "services/orders/bundle.ts",
        "services/orders/src",
        "src/functions/bundle.ts",
        "tsconfig.json",
        "package.json",
        "package-lock.json",
    ],
} as const;
