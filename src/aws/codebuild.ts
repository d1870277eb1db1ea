/**
 * CodeBuild compute types for Linux containers (EC2 on-demand). The CloudFormation data lists no
 * enum for `ComputeType`, so these are copied from the build-environment page.
 * @see https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html
 */
export const CODEBUILD_COMPUTE_TYPES = ["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE", "BUILD_GENERAL1_XLARGE", "BUILD_GENERAL1_2XLARGE"] as const;
export type BuildComputeType = (typeof CODEBUILD_COMPUTE_TYPES)[number];
/** The sizes the systems' config offers: the larger ones cost 4–16× and no build here needs them. */
export const CONFIGURABLE_COMPUTE_TYPES = ["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE"] as const satisfies readonly BuildComputeType[];
/** The current Amazon Linux standard image (x86_64), what builds run on unless a system chooses another. @see https://docs.aws.amazon.com/codebuild/latest/userguide/ec2-compute-images.html */
export const DEFAULT_BUILD_IMAGE = "aws/codebuild/amazonlinux-x86_64-standard:5.0";
