import type { Finding, PolicyTarget, StackRule } from "../types";
import { attachedTo, ofType, planOf } from "../../model/plan";
import { inputsOf, isUnknown } from "../../model/references";
import { block } from "./read";

function hasDefaultRetention(bucket: PolicyTarget, resources: readonly PolicyTarget[]): boolean {
    const inline = block(block(bucket.props.objectLockConfiguration)?.rule)?.defaultRetention;
    const separate = attachedTo(resources, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", bucket).some(
        (c) => block(c.props.rule)?.defaultRetention !== undefined,
    );
    return inline !== undefined || separate;
}

/** Why a logging target is not usable, or undefined when it is (or is not in this stack). */
function targetProblem(logging: PolicyTarget, resources: readonly PolicyTarget[], region: string): string | undefined {
    // Read through the index's copy: an id not known yet during preview is still a target.
    const target = inputsOf(logging).targetBucket;
    if (!isUnknown(target) && (typeof target !== "string" || target === "")) return "targetBucket is unset";
    const bucket = planOf(resources).resolveInput(logging, "targetBucket", "aws:s3/bucket:Bucket")[0];
    if (bucket === undefined) return undefined;
    const bucketRegion = bucket.props.region ?? region;
    if (bucketRegion !== region) return `targetBucket ${bucket.name} is in ${String(bucketRegion)}, not ${region}`;
    return hasDefaultRetention(bucket, resources) ? `targetBucket ${bucket.name} has default Object Lock retention` : undefined;
}

const control: StackRule = {
    id: "S3.9",
    title: "S3 general purpose buckets should have server access logging enabled",
    kind: "security",
    scope: "stack",
    severity: "Medium",
    pci: ["PCI DSS v4.0.1/10.2.1"],
    resourceTypes: [
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketLogging:BucketLogging",
        "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    ],
    remediation:
        "Declare an aws.s3.BucketLogging with bucket set to the bucket and targetBucket set to a same-Region access-log bucket without default Object Lock retention.",
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-9",
    check: (resources, ctx) => {
        const LOGGING = "aws:s3/bucketLogging:BucketLogging";
        return ofType(resources, "aws:s3/bucket:Bucket")
            // The access-log bucket itself is not logged, or each log delivery would log again.
            .filter((bucket) => attachedTo(resources, LOGGING, bucket, "targetBucket").length === 0)
            .flatMap((bucket): Finding[] => {
                const own = attachedTo(resources, LOGGING, bucket);
                if (own.length === 0) return [{ urn: bucket.urn, message: "no aws.s3.BucketLogging has bucket set to this bucket" }];
                const problems = own.map((l) => ({ l, problem: targetProblem(l, resources, ctx.region) }));
                if (problems.some((p) => p.problem === undefined)) return [];
                return problems.map(({ l, problem }) => ({ urn: l.urn, message: String(problem) }));
            });
    },
};

export default control;
