/**
 * An ECR repository: scan on push, KMS encryption with the customer key, a lifecycle policy
 * (ECR.3) that keeps the newest images and drops untagged ones, and optionally a repository
 * policy that lets Lambda pull images for this account's functions.
 */
import * as dockerBuild from "@pulumi/docker-build";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { BaseArgs, StatefulArgs } from "./common";
import { lifecycle, TOKEN } from "./common";
import { grantKey, type Grantee, type Statement } from "./iam";
import { contextDigest } from "./lambda";

/** Pulling an image by tag or digest (docker pull, ECS, Lambda). */
export const ECR_PULL_ACTIONS = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"] as const;
/**
 * Pushing an image, and checking first whether a tag is already there (with immutable tags a
 * second push of the same tag fails, so a build looks before it pushes).
 */
export const ECR_PUSH_ACTIONS = ["ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:DescribeImages"] as const;

/** The registry login (`docker login`): ecr:GetAuthorizationToken supports no resource-level permissions, so "*" is the only valid resource. */
export const ECR_LOGIN_STATEMENT: Statement = { Sid: "EcrLogin", Action: "ecr:GetAuthorizationToken", Resource: "*" };

export interface ContainerRegistryArgs extends BaseArgs, StatefulArgs {
    /** Resource key of the repository name. @default "app" */
    readonly repositoryName?: string;
    /** The customer key the images are encrypted with. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** prod: true, so a tag always means the same image (ECR.2). */
    readonly immutableTags: boolean;
    /**
     * With `immutableTags`, tags that may still move (ECR wildcard filters such as `latest`), for
     * a design that pushes a rolling tag next to immutable version tags. The repository is then
     * `IMMUTABLE_WITH_EXCLUSION`, which Security Hub's ECR.2 does not count as immutable.
     * @default - none: every tag is immutable
     * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
     */
    readonly mutableTagFilters?: readonly string[];
    /** Tagged images kept. @default 10 */
    readonly keepImages?: number;
    /**
     * Let Lambda pull images for functions of this account. Without it Lambda writes that
     * statement itself on CreateFunction or UpdateFunctionCode, so every caller deploying an
     * image would need ecr:SetRepositoryPolicy.
     * @default false
     * @see https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#configuration-images-permissions
     */
    readonly lambdaPull?: boolean;
}

export interface ImageBuildArgs {
    /**
     * The build context, relative to the program's working directory (the Pulumi project
     * folder), so the stack state holds no machine-specific path.
     */
    readonly context: string;
    /** The Dockerfile, relative to the program's working directory. */
    readonly dockerfile: string;
    /**
     * Files and folders (relative to the program's working directory) whose content decides the
     * tag: the tag, and so the image, changes exactly when one of them does.
     */
    readonly sources: readonly string[];
    /** @default "linux/amd64" */
    readonly platform?: "linux/amd64" | "linux/arm64";
}

/** A short digest of files and folders, in the order given. */
export function sourcesDigest(paths: readonly string[]): string {
    const hash = createHash("sha256");
    for (const p of paths) {
        const full = path.resolve(p);
        hash.update(`${p}\0`).update(fs.statSync(full).isDirectory() ? contextDigest(full) : fs.readFileSync(full)).update("\0");
    }
    return hash.digest("hex").slice(0, 12);
}

export class ContainerRegistry extends pulumi.ComponentResource {
    /** @internal The ECR repository; read the outputs below instead. */
    readonly repository: aws.ecr.Repository;
    /** `<account>.dkr.ecr.<region>.amazonaws.com/<name>`: what images are tagged with. */
    readonly repositoryUrl: pulumi.Output<string>;
    /** The repository's ARN. */
    readonly arn: pulumi.Output<string>;
    /** The checked repository name, known before deployment. */
    readonly name: string;
    private readonly resourceName: string;

    constructor(name: string, args: ContainerRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super(`${TOKEN}:ecr:ContainerRegistry`, name, {}, opts);
        const exclusions = args.mutableTagFilters ?? [];
        if (exclusions.length > 0 && !args.immutableTags) throw new Error(`ContainerRegistry ${name}: mutableTagFilters needs immutableTags (every tag of a MUTABLE repository moves)`);
        const badFilter = exclusions.find((f) => !/^[A-Za-z0-9_.*-]{1,128}$/.test(f));
        if (badFilter !== undefined) throw new Error(`ContainerRegistry ${name}: mutableTagFilters entry "${badFilter}" must be 1-128 letters, digits, _ . - and * wildcards`);
        this.name = args.namer.name(args.repositoryName ?? "app", "ecrRepository");
        this.resourceName = name;
        this.repository = new aws.ecr.Repository(
            name,
            {
                name: this.name,
                imageTagMutability: !args.immutableTags ? "MUTABLE" : exclusions.length > 0 ? "IMMUTABLE_WITH_EXCLUSION" : "IMMUTABLE",
                ...(exclusions.length > 0 ? { imageTagMutabilityExclusionFilters: exclusions.map((filter) => ({ filter, filterType: "WILDCARD" })) } : {}),
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }],
                forceDelete: lifecycle(args.removal).forceDestroy,
                tags: args.tags,
            },
            { parent: this, protect: lifecycle(args.removal).protect },
        );
        const keep = args.keepImages ?? 10;
        new aws.ecr.LifecyclePolicy(
            name,
            {
                repository: this.repository.name,
                policy: JSON.stringify({
                    rules: [
                        { rulePriority: 1, description: "Drop untagged images after 7 days", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 }, action: { type: "expire" } },
                        { rulePriority: 2, description: `Keep the newest ${keep} images`, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keep }, action: { type: "expire" } },
                    ],
                }),
            },
            { parent: this },
        );
        if (args.lambdaPull) {
            const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
            const region = aws.getRegionOutput({}, { parent: this }).region;
            const partition = aws.getPartitionOutput({}, { parent: this }).partition;
            new aws.ecr.RepositoryPolicy(
                name,
                {
                    repository: this.repository.name,
                    policy: pulumi.jsonStringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Sid: "LambdaImageRetrieval",
                                Effect: "Allow",
                                Principal: { Service: "lambda.amazonaws.com" },
                                Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                                Condition: { StringLike: { "aws:sourceArn": pulumi.interpolate`arn:${partition}:lambda:${region}:${account}:function:*` } },
                            },
                        ],
                    }),
                },
                { parent: this },
            );
        }
        this.repositoryUrl = this.repository.repositoryUrl;
        this.arn = this.repository.arn;
        this.registerOutputs({ repositoryUrl: this.repositoryUrl, arn: this.arn });
    }

    /** Log in and pull images, as docker does. */
    grantPull(grantee: Grantee): void {
        grantee.grant(grantKey(this.resourceName, "pull"), [ECR_LOGIN_STATEMENT, { Sid: "PullImages", Action: [...ECR_PULL_ACTIONS], Resource: this.arn }]);
    }

    /** Log in, check for a tag, and push images (pushing reads layers too). */
    grantPush(grantee: Grantee): void {
        grantee.grant(grantKey(this.resourceName, "push"), [ECR_LOGIN_STATEMENT, { Sid: "PushImages", Action: [...ECR_PULL_ACTIONS, ...ECR_PUSH_ACTIONS], Resource: this.arn }]);
    }

    /**
     * Read images through the ECR API without a registry login: what a caller needs to point a
     * Lambda function at an image of this repository (UpdateFunctionCode).
     * @see https://docs.aws.amazon.com/lambda/latest/dg/images-create.html#configuration-images-permissions
     */
    grantImageRead(grantee: Grantee): void {
        grantee.grant(grantKey(this.resourceName, "image-read"), [{ Sid: "ReadImages", Action: ["ecr:DescribeImages", ...ECR_PULL_ACTIONS], Resource: this.arn }]);
    }

    /**
     * Builds an image with Docker (BuildKit) on the machine running `pulumi up` and pushes it
     * here; returns its URI by digest, so a task runs exactly what was pushed. Not built on
     * preview: previews need neither Docker nor registry access.
     */
    buildImage(name: string, args: ImageBuildArgs): { image: dockerBuild.Image; uri: pulumi.Output<string> } {
        const tag = `build-${sourcesDigest(args.sources)}`;
        const image = new dockerBuild.Image(
            name,
            {
                context: { location: args.context },
                dockerfile: { location: args.dockerfile },
                tags: [pulumi.interpolate`${this.repositoryUrl}:${tag}`],
                push: true,
                platforms: [args.platform ?? "linux/amd64"],
                buildOnPreview: false,
            },
            { parent: this },
        );
        return { image, uri: pulumi.interpolate`${this.repositoryUrl}@${image.digest}` };
    }
}
