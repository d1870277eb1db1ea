/**
 * ElastiCache AUTH tokens: AWS refuses a token without in-transit encryption and a token outside
 * its length and character rules. Messages never repeat the token.
 */
import type { ResourceFinding, ResourceRule } from "../types";
import { flag, str } from "./read";

export const AUTH_TOKEN_MIN = 16;
export const AUTH_TOKEN_MAX = 128;
const FORBIDDEN = ["@", '"', "/"] as const;

/** Every way `token` breaks AWS's AUTH token rules. */
export function authTokenProblems(token: string): string[] {
    const problems: string[] = [];
    if (token.length < AUTH_TOKEN_MIN || token.length > AUTH_TOKEN_MAX) {
        problems.push(`is ${token.length} characters; it must be ${AUTH_TOKEN_MIN}-${AUTH_TOKEN_MAX}`);
    }
    if (!/^[\x20-\x7e]*$/.test(token)) problems.push("contains characters that are not printable ASCII");
    const forbidden = FORBIDDEN.filter((c) => token.includes(c));
    if (forbidden.length > 0) problems.push(`contains ${forbidden.map((c) => `'${c}'`).join(", ")}, which AWS forbids`);
    return problems;
}

export const elastiCacheAuthToken: ResourceRule = {
    id: "DEPLOY.ElastiCacheAuthToken",
    title: "ElastiCache AUTH tokens are accepted by AWS",
    kind: "deployability",
    scope: "resource",
    severity: "High",
    pci: [],
    resourceTypes: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation:
        "Set transitEncryptionEnabled: true with an authToken; generate the token with random.RandomPassword " +
        '(length 32, overrideSpecial: "!&#$^<>-", the special characters the CreateReplicationGroup reference permits).',
    source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html",
    check(resource) {
        const token = str(resource.props["authToken"]);
        if (token === undefined) return [];
        const findings: ResourceFinding[] = [];
        if (!flag(resource.props["transitEncryptionEnabled"])) {
            const message = `${resource.name}: authToken is set but transitEncryptionEnabled is not true; AWS requires in-transit encryption for AUTH.`;
            findings.push({ message, input: "transitEncryptionEnabled", rule: "AUTH needs in-transit encryption" });
        }
        // The token is a secret: its value is never part of a finding.
        const rule = `authToken: ${AUTH_TOKEN_MIN}-${AUTH_TOKEN_MAX} printable ASCII characters, no ${FORBIDDEN.join(" ")}`;
        for (const problem of authTokenProblems(token)) findings.push({ message: `${resource.name}: authToken ${problem}.`, input: "authToken", rule });
        return findings;
    },
};
