/**
 * How an S3 bucket is opened to the public: public-access blocks, ACLs, grants and bucket
 * policies, as S3.2, S3.3 and S3.8 read them.
 */
import { attachedTo, ofType } from "../../model/plan";
import { asArray, statements } from "../documents";
import type { Finding, PolicyTarget } from "../types";
import { block, blocks, strings } from "./read";
import { allows, isPublicPrincipal, restrictedByFixedValues, statementName } from "./statements";

const PUBLIC_ACCESS_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** The public-access-block flags an `aws.s3.BucketPublicAccessBlock` (or account block) leaves off; unset means false. */
export function publicAccessGaps(settings: PolicyTarget): string[] {
    return PUBLIC_ACCESS_FLAGS.filter((flag) => settings.props[flag] !== true);
}

/** What S3.2 (read) and S3.3 (write) look for in a bucket's ACLs and policies. */
const PUBLIC_ACCESS: Record<"read" | "write", { cannedAcls: string[]; permissions: string[]; actions: RegExp }> = {
    read: {
        cannedAcls: ["public-read", "public-read-write"],
        permissions: ["READ", "FULL_CONTROL"],
        actions: /^(s3:(get|list).*|s3:\*|\*)$/i,
    },
    write: {
        cannedAcls: ["public-read-write"],
        permissions: ["WRITE", "WRITE_ACP", "FULL_CONTROL"],
        actions: /^(s3:(put|delete).*|s3:\*|\*)$/i,
    },
};

const PUBLIC_GROUPS = /\/groups\/global\/(AllUsers|AuthenticatedUsers)$/;

/**
 * How a bucket is open to the public for `access`: canned ACLs and grants to the AllUsers or
 * AuthenticatedUsers groups (aws.s3.BucketAcl, or the deprecated Bucket acl and grants), and
 * Allow statements for Principal "*" without a fixed-value condition (aws.s3.BucketPolicy, or
 * the deprecated Bucket policy). A BucketPublicAccessBlock with every flag on overrides all of it.
 */
export function publicBucketAccess(
    bucket: PolicyTarget,
    resources: readonly PolicyTarget[],
    access: "read" | "write",
): string[] {
    const rule = PUBLIC_ACCESS[access];
    const blocked = attachedTo(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket).some(
        (b) => publicAccessGaps(b).length === 0,
    );
    if (blocked) return [];
    const acls = attachedTo(resources, "aws:s3/bucketAcl:BucketAcl", bucket);
    const cannedAcls = [
        ...acls.map((a) => ({ where: `aws.s3.BucketAcl ${a.name} acl`, acl: a.props.acl })),
        { where: "acl", acl: bucket.props.acl },
    ];
    const grants = [
        ...acls.flatMap((a) =>
            blocks(block(a.props.accessControlPolicy)?.grants).map((g) => ({
                where: `aws.s3.BucketAcl ${a.name} accessControlPolicy`,
                uri: block(g.grantee)?.uri,
                permissions: strings(g.permission),
            })),
        ),
        ...blocks(bucket.props.grants).map((g) => ({ where: "grants", uri: g.uri, permissions: strings(g.permissions) })),
    ];
    const policies = [
        ...attachedTo(resources, "aws:s3/bucketPolicy:BucketPolicy", bucket).map((p) => ({
            where: `aws.s3.BucketPolicy ${p.name} policy`,
            document: p.props.policy,
        })),
        { where: "policy", document: bucket.props.policy },
    ];
    return [
        ...cannedAcls.filter((a) => rule.cannedAcls.includes(String(a.acl))).map((a) => `${a.where} is "${String(a.acl)}"`),
        ...grants
            .filter((g) => PUBLIC_GROUPS.test(String(g.uri)) && g.permissions.some((p) => rule.permissions.includes(p)))
            .map((g) => `${g.where} grants ${access} to ${String(g.uri)}`),
        ...policies.flatMap(({ where, document }) =>
            statements(document)
                .map((s, i) => ({ s, i }))
                .filter(({ s }) => allows(s) && isPublicPrincipal(s) && !restrictedByFixedValues(s))
                .filter(({ s }) => asArray(s.Action).some((a) => rule.actions.test(a)))
                .map(({ s, i }) => `${where} ${statementName(s, i)} lets Principal "*" ${access}`),
        ),
    ];
}

/** What S3.2 and S3.3 read: buckets and what opens or closes them. */
export const PUBLIC_ACCESS_TYPES = [
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketAcl:BucketAcl",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
];

/** The check of S3.2 (`read`) and S3.3 (`write`): a finding on each bucket for each way it is open. */
export function publicAccessCheck(access: "read" | "write"): (resources: readonly PolicyTarget[]) => Finding[] {
    return (resources) => ofType(resources, "aws:s3/bucket:Bucket").flatMap((bucket) => publicBucketAccess(bucket, resources, access).map((message) => ({ urn: bucket.urn, message })));
}
