import type { PolicyTarget, StackControl } from "../types";
import { asArray, statements } from "../documents";
import {
    allows,
    attachedTo,
    block,
    blocks,
    isPublicPrincipal,
    MANDATORY,
    ofType,
    publicAccessGaps,
    restrictedByFixedValues,
    statementName,
    strings,
} from "./util";

const PUBLIC_GROUPS = /\/groups\/global\/(AllUsers|AuthenticatedUsers)$/;
const WRITE_PERMISSIONS = ["WRITE", "WRITE_ACP", "FULL_CONTROL"];
const WRITE_ACTIONS = /^(s3:(put|delete).*|s3:\*|\*)$/i;

function aclFindings(bucket: PolicyTarget, resources: readonly PolicyTarget[]): string[] {
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
                permissions: [g.permission],
            })),
        ),
        ...blocks(bucket.props.grants).map((g) => ({ where: "grants", uri: g.uri, permissions: strings(g.permissions) })),
    ];
    return [
        ...cannedAcls.filter((a) => a.acl === "public-read-write").map((a) => `${a.where} is "public-read-write"`),
        ...grants
            .filter((g) => PUBLIC_GROUPS.test(String(g.uri)) && g.permissions.some((p) => WRITE_PERMISSIONS.includes(String(p))))
            .map((g) => `${g.where} grants write to ${String(g.uri)}`),
    ];
}

function policyFindings(bucket: PolicyTarget, resources: readonly PolicyTarget[]): string[] {
    const documents = [
        ...attachedTo(resources, "aws:s3/bucketPolicy:BucketPolicy", bucket).map((p) => ({ where: `aws.s3.BucketPolicy ${p.name} policy`, doc: p.props.policy })),
        { where: "policy", doc: bucket.props.policy },
    ];
    return documents.flatMap(({ where, doc }) =>
        statements(doc)
            .map((s, i) => ({ s, i }))
            .filter(({ s }) => allows(s) && isPublicPrincipal(s) && !restrictedByFixedValues(s))
            .filter(({ s }) => asArray(s.Action).some((a) => WRITE_ACTIONS.test(a)))
            .map(({ s, i }) => `${where} ${statementName(s, i)} lets Principal "*" write`),
    );
}

const control: StackControl = {
    id: "S3.3",
    title: "S3 general purpose buckets should block public write access",
    kind: "security",
    scope: "stack",
    severity: "Critical",
    pci: [
        "PCI DSS v3.2.1/1.2.1",
        "PCI DSS v3.2.1/1.3.1",
        "PCI DSS v3.2.1/1.3.2",
        "PCI DSS v3.2.1/1.3.4",
        "PCI DSS v3.2.1/1.3.6",
        "PCI DSS v3.2.1/7.2.1",
    ],
    resourceTypes: [
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketPolicy:BucketPolicy",
        "aws:s3/bucketAcl:BucketAcl",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ],
    remediation:
        "Declare an aws.s3.BucketPublicAccessBlock with all four flags true for the bucket, and drop public-read-write ACLs and Allow statements for Principal \"*\" that grant s3:Put* or s3:Delete*.",
    levels: MANDATORY,
    source: "https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-3",
    check: (resources) =>
        ofType(resources, "aws:s3/bucket:Bucket")
            .filter((bucket) =>
                // A public access block with every flag on overrides public ACLs and policies.
                !attachedTo(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket).some(
                    (b) => publicAccessGaps(b).length === 0,
                ),
            )
            .flatMap((bucket) =>
                [...aclFindings(bucket, resources), ...policyFindings(bucket, resources)].map((message) => ({ urn: bucket.urn, message })),
            ),
};

export default control;
