/**
 * `npm run verify -- stacks/<project> --stack <name> [--outputs FILE] [--json] [--strict]`: checks a
 * deployed stack against the offline plan of the same project, stack and config, with
 * read-only AWS calls. Outputs come from `pulumi stack output --json` (run here when the CLI is
 * on PATH) or a file holding that command's output. Credentials come from the SDK's standard
 * chain (AWS_PROFILE, environment, SSO, instance roles); the region is the plan's, resolved
 * as the program resolves it (`aws:region`, then AWS_REGION); AWS_ENDPOINT_URL points every
 * client at a local endpoint. Exit status: 0 all passed or could not be checked, 1 a check
 * failed (or, with --strict, could not be checked), 2 the command could not run.
 * `--print-policy` prints instead the IAM policy that verifying this stack needs, from its plan
 * (no outputs, no credentials).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { planStack } from "../offline/plan/planner";
import { readProject } from "../offline/plan/project";
import { Clients } from "./calls";
import { formatPolicy, stackPolicy } from "./policy";
import { runChecks, summarise } from "./run";
import { Verifier, type Finding } from "./verifier";

const USAGE = "usage: npm run verify -- <project folder> --stack <name> [--outputs FILE] [--json] [--strict] | --print-policy";

function readOutputs(dir: string, stack: string, file: string | undefined): Record<string, unknown> {
    if (file) return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    try {
        // Without --show-secrets: secret outputs read as "[secret]", and no check needs one.
        const text = execFileSync("pulumi", ["stack", "output", "--json", "--stack", stack], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
        return JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
        const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
        throw new Error(missing ? "the Pulumi CLI is not on PATH: pass --outputs FILE (the output of `pulumi stack output --json`)" : `pulumi stack output failed: ${(e as Error).message}`, { cause: e });
    }
}

function show(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

export function formatFinding(f: Finding): string {
    const head = `${f.resource}: ${f.property}`;
    if (f.status === "pass") return `PASS  ${head}`;
    if (f.status === "fail") return `FAIL  ${head}: found ${show(f.found)}, expected ${show(f.expected)}`;
    return `N/A   ${head}: could not check: ${f.reason}`;
}

async function main(argv: string[]): Promise<number> {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { stack: { type: "string" }, outputs: { type: "string" }, json: { type: "boolean" }, strict: { type: "boolean" }, "print-policy": { type: "boolean" } } });
    const [folder] = positionals;
    if (!folder || !values.stack) {
        console.error(USAGE);
        return 2;
    }
    const dir = path.resolve(folder);
    // `org/dev` names the stack to Pulumi Cloud; its config is still Pulumi.dev.yaml.
    const plan = await planStack(readProject(dir), values.stack.slice(values.stack.lastIndexOf("/") + 1));
    if (plan.error !== null) throw new Error(`the offline plan of ${plan.project}/${values.stack} failed: ${plan.error}`);
    if (values["print-policy"]) {
        process.stdout.write(formatPolicy(await stackPolicy(plan, (m) => console.error(`verify: the policy may miss the calls after ${m}`))));
        return 0;
    }
    const outputs = readOutputs(dir, values.stack, values.outputs);
    const verifier = new Verifier({ plan, outputs, clients: new Clients({ region: plan.region, maxAttempts: 8, retryMode: "adaptive" }) });
    const started = Date.now();
    const findings = await runChecks(verifier);
    const summary = { ...summarise(findings, verifier), seconds: (Date.now() - started) / 1000 };
    if (values.json) {
        console.log(JSON.stringify({ project: plan.project, stack: plan.stack, region: plan.region, summary, findings }, null, 2));
    } else {
        for (const f of findings) console.log(formatFinding(f));
        console.log(`\n${plan.project}/${plan.stack} (${plan.region}): ${summary.pass} passed, ${summary.fail} failed, ${summary.couldNotCheck} could not be checked; ${summary.calls} AWS calls in ${summary.seconds.toFixed(1)} s`);
    }
    // --strict (CI): a check that could not run is not a pass either.
    return summary.fail > 0 || (values.strict === true && summary.couldNotCheck > 0) ? 1 : 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (e: unknown) => {
            console.error(`verify: ${(e as Error).message}`);
            process.exit(2);
        },
    );
}
