/**
 * A container-image Lambda is created only if its image is already in ECR. A stack must come up
 * in one `pulumi up` on an empty account, so some resource of the same stack must push the image
 * the function names.
 */
import type { Finding, PolicyTarget, StackRule } from "../types";
import { ofType } from "../../model/plan";
import { flag, str, strings } from "./read";

const FUNCTION = "aws:lambda/function:Function";
export const DOCKER_BUILD_IMAGE = "docker-build:index:Image";
export const DOCKER_IMAGE = "docker:index/image:Image";

/** The repository part of an image reference: no `@sha256:` digest, no `:tag`. */
export function imageRepository(ref: string): string {
    const withoutDigest = ref.split("@")[0] ?? ref;
    const lastSlash = withoutDigest.lastIndexOf("/");
    const colon = withoutDigest.indexOf(":", lastSlash + 1);
    return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}

/** Repositories the stack pushes to. */
export function pushedRepositories(resources: readonly PolicyTarget[]): Set<string> {
    const pushed = new Set<string>();
    for (const image of ofType(resources, DOCKER_BUILD_IMAGE)) {
        if (!flag(image.props["push"])) continue;
        for (const tag of strings(image.props["tags"])) pushed.add(imageRepository(tag));
    }
    for (const image of ofType(resources, DOCKER_IMAGE)) {
        // The docker provider pushes unless told not to.
        if (flag(image.props["skipPush"])) continue;
        const name = str(image.props["imageName"]);
        if (name !== undefined) pushed.add(imageRepository(name));
    }
    return pushed;
}

export const lambdaImagePushed: StackRule = {
    id: "DEPLOY.LambdaImagePushed",
    title: "Container-image Lambda functions use an image the stack pushes",
    kind: "deployability",
    scope: "stack",
    severity: "High",
    pci: [],
    resourceTypes: [FUNCTION, DOCKER_BUILD_IMAGE, DOCKER_IMAGE],
    remediation:
        "Build and push a bootstrap image in the program (docker-build.Image with push: true and tags naming the ECR " +
        'repository) and set imageUri from its ref, or package the function as a zip (packageType: "Zip").',
    source: "https://docs.aws.amazon.com/lambda/latest/dg/images-create.html",
    check(resources) {
        const pushed = pushedRepositories(resources);
        const findings: Finding[] = [];
        for (const fn of ofType(resources, FUNCTION)) {
            if (str(fn.props["packageType"]) !== "Image") continue;
            const uri = str(fn.props["imageUri"]);
            if (uri === undefined || uri === "") {
                findings.push({ urn: fn.urn, message: `${fn.name}: packageType is "Image" but imageUri is unset.` });
            } else if (!pushed.has(imageRepository(uri))) {
                findings.push({
                    urn: fn.urn,
                    message: `${fn.name}: imageUri "${uri}" is not pushed by any image resource of this stack, so the function cannot be created on an empty account.`,
                });
            }
        }
        return findings;
    },
};
