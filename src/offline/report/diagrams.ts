/**
 * `npm run diagrams`: copies each stack's architecture diagram from the last offline plan
 * (`out/plan.json`, written by `npm start`) to `docs/diagrams/<project>-<stack>.svg`, where the
 * systems' READMEs embed them. The report test fails when a committed diagram is stale.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PlanDocument } from "../model/types";
import { buildReport } from ".";

export const REPO = path.resolve(__dirname, "..", "..", "..");
export const DIAGRAMS_DIR = path.join(REPO, "docs", "diagrams");

export function diagramFile(project: string, stack: string): string {
    return path.join(DIAGRAMS_DIR, `${project}-${stack}.svg`);
}

async function main(): Promise<number> {
    const planFile = path.join(REPO, "out", "plan.json");
    if (!fs.existsSync(planFile)) {
        process.stderr.write(`${path.relative(process.cwd(), planFile)} is missing: run \`npm start\` first\n`);
        return 2;
    }
    const { plans } = JSON.parse(fs.readFileSync(planFile, "utf8")) as PlanDocument;
    const planned = plans.filter((p) => p.error === null);
    const report = await buildReport(planned);
    fs.mkdirSync(DIAGRAMS_DIR, { recursive: true });
    planned.forEach((plan, i) => {
        const file = diagramFile(plan.project, plan.stack);
        fs.writeFileSync(file, report.svgs[i]!);
        process.stderr.write(`  ${path.relative(process.cwd(), file)}\n`);
    });
    process.stderr.write(`Wrote ${planned.length} diagrams; ${plans.length - planned.length} plans with errors skipped\n`);
    return 0;
}

if (require.main === module) {
    main().then((code) => (process.exitCode = code));
}
