/**
 * `npm run bench:scale -- [sizes...]`: how the planner scales with the size of one program. For each
 * size it writes a program of that many resources (S3 buckets, each with the policy, public
 * access block, encryption and logging resources the controls ask for) under out/bench/, plans
 * it with the CLI in a child process, and prints wall time, CPU time (user + sys) and peak
 * memory (the largest process: the worker at these sizes), then the time the worker's checks alone
 * take (access, policy, cost, the diagram and its layout) on the same resources, in this process,
 * and the cost of each resource: CPU per resource
 * over the run, and CPU per extra resource from the previous size (the SDK's load drops out).
 * Sizes default to 100 1000 2000 5000. Timings on a shared machine are noisy: CPU time much less
 * so than wall time; compare the per-resource cost across sizes for linearity.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkAccess } from "../access";
import { estimateCost } from "../cost/model";
import type { PlanDocument } from "../model/types";
import { evaluatePolicies } from "../policy/engine";
import { stackDot } from "../report/diagram";
import { renderSvg } from "../report/render";

const REPO = path.resolve(__dirname, "..", "..", "..");
/** Resources each bucket brings: the bucket and its five side resources. */
const PER_BUCKET = 6;

function program(buckets: number): string {
    return `import * as aws from "@pulumi/aws";

const logs = new aws.s3.Bucket("access-logs", { bucket: "bench-access-logs-dev" });
for (let i = 0; i < ${buckets}; i++) {
    const name = \`bench-data-\${i}-dev\`;
    const bucket = new aws.s3.Bucket(\`data-\${i}\`, { bucket: name });
    new aws.s3.BucketPublicAccessBlock(\`data-\${i}-public\`, {
        bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
    });
    new aws.s3.BucketServerSideEncryptionConfiguration(\`data-\${i}-sse\`, {
        bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }],
    });
    new aws.s3.BucketVersioning(\`data-\${i}-versioning\`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
    new aws.s3.BucketLogging(\`data-\${i}-logging\`, { bucket: bucket.id, targetBucket: logs.id, targetPrefix: \`\${name}/\` });
    new aws.s3.BucketPolicy(\`data-\${i}-policy\`, {
        bucket: bucket.id,
        policy: bucket.arn.apply((arn) => JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn, \`\${arn}/*\`], Condition: { Bool: { "aws:SecureTransport": "false" } } }],
        })),
    });
}
`;
}

function writeProgram(resources: number): string {
    const dir = path.join(REPO, "out", "bench", String(resources));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  aws:region: us-east-1\n");
    fs.writeFileSync(path.join(dir, "index.ts"), program(Math.max(1, Math.round((resources - 1) / PER_BUCKET))));
    return dir;
}

interface Measured {
    readonly resources: number;
    readonly wallS: number;
    readonly cpuS: number;
    readonly peakMb: number;
    readonly checksS: number;
}

/** Plans the program with the CLI under GNU time, then times the checks in this process. */
async function measure(size: number): Promise<Measured> {
    const dir = writeProgram(size);
    const timing = path.join(dir, "time.txt");
    // The CLI exits 1 on mandatory violations, which these programs have: only a failed plan counts.
    const json = spawnSync(
        "/usr/bin/time",
        ["-f", "%e %U %S %M", "-o", timing, process.execPath, "--require", path.join(__dirname, "loader.cjs"), path.join(__dirname, "cli.ts"), dir, "--json", "--out", path.join(dir, "out")],
        { cwd: REPO, maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] },
    ).stdout.toString();
    const [wall, user, sys, rssKb] = fs.readFileSync(timing, "utf8").trim().split(/\s+/).slice(-4).map(Number) as [number, number, number, number];
    const plan = (JSON.parse(json) as PlanDocument).plans[0];
    if (plan === undefined || plan.error !== null) throw new Error(`the ${size}-resource program failed: ${plan?.error ?? "no plan"}`);
    const start = process.hrtime.bigint();
    const access = await checkAccess(plan.resources, { region: plan.region });
    evaluatePolicies(plan.resources, { profile: "dev", region: plan.region, exceptions: [], access });
    estimateCost(plan.resources, { region: plan.region, assumptions: {} });
    await renderSvg(stackDot(plan));
    const checksS = Number(process.hrtime.bigint() - start) / 1e9;
    return { resources: plan.resources.length, wallS: wall, cpuS: user + sys, peakMb: rssKb / 1024, checksS };
}

async function main(): Promise<void> {
    const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
    const rows: Measured[] = [];
    for (const size of sizes.length > 0 ? sizes : [100, 1000, 2000, 5000]) rows.push(await measure(size));
    console.log(`Node ${process.version}`);
    console.log("resources  wall s  cpu s  peak MB  checks s  cpu ms/resource  cpu ms/extra resource");
    rows.forEach((r, i) => {
        const prev = rows[i - 1];
        const marginal = prev === undefined ? "" : (((r.cpuS - prev.cpuS) * 1000) / (r.resources - prev.resources)).toFixed(2);
        console.log(
            [
                String(r.resources).padStart(9),
                r.wallS.toFixed(2).padStart(7),
                r.cpuS.toFixed(2).padStart(6),
                r.peakMb.toFixed(0).padStart(8),
                r.checksS.toFixed(2).padStart(9),
                ((r.cpuS * 1000) / r.resources).toFixed(2).padStart(16),
                marginal.padStart(22),
            ].join(" "),
        );
    });
    const [first, last] = [rows[0], rows[rows.length - 1]];
    if (first !== undefined && last !== undefined && last !== first) {
        const span = last.resources - first.resources;
        console.log(
            `per extra resource, ${first.resources} to ${last.resources}: wall ${(((last.wallS - first.wallS) * 1000) / span).toFixed(2)} ms, CPU ${(((last.cpuS - first.cpuS) * 1000) / span).toFixed(2)} ms, ` +
                `memory ${(((last.peakMb - first.peakMb) * 1024) / span).toFixed(0)} KB`,
        );
    }
}

main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
});
