/**
 * The verifier's IAM policy, written from the actions the checks declare (`registry.ts`), which
 * a test holds equal to the calls a full run makes. Every action is a read. `Resource` is `*`:
 * most of these actions (ec2:Describe*, logs:DescribeLogGroups, cloudwatch:DescribeAlarms,
 * elasticloadbalancing:Describe*) take no resource-level permissions, and the rest are reads of
 * configuration only, never of data, except dynamodb:Scan, which the policy limits to the
 * deploy history tables by name.
 *
 * `npx tsx src/verify/policy.ts` rewrites `verifier-policy.json`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { declaredActions } from "./registry";

export const POLICY_FILE = path.join(__dirname, "verifier-policy.json");

export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: readonly { readonly Sid: string; readonly Effect: "Allow"; readonly Action: readonly string[]; readonly Resource: string | readonly string[] }[];
}

/** Records are read from the deploy history table only (named `<system>-deployments-<suffix>`). */
const DATA_READS = new Set(["dynamodb:Scan"]);

export function verifierPolicy(): PolicyDocument {
    const actions = declaredActions();
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "ReadConfiguration", Effect: "Allow", Action: actions.filter((a) => !DATA_READS.has(a)), Resource: "*" },
            { Sid: "ReadDeploymentHistory", Effect: "Allow", Action: actions.filter((a) => DATA_READS.has(a)), Resource: "arn:aws:dynamodb:*:*:table/*-deployments-*" },
        ],
    };
}

if (require.main === module) {
    fs.writeFileSync(POLICY_FILE, `${JSON.stringify(verifierPolicy(), null, 4)}\n`);
    console.log(`wrote ${POLICY_FILE}`);
}
