/**
 * The report of an offline plan: `out/report.html`, one self-contained page for every stack, and
 * beside each plan its diagram as `out/<project>/<stack>.svg` for the system's README to embed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { StackPlan } from "../model/types";
import { stackDot } from "./diagram";
import { renderReport } from "./html";
import { inlineSvg, renderSvg } from "./render";

export { buildDiagram, stackDot, toDot } from "./diagram";
export { renderReport } from "./html";
export { renderSvg } from "./render";

export interface Report {
    readonly html: string;
    /** One standalone SVG document per plan, in the order of the plans. */
    readonly svgs: readonly string[];
}

export async function buildReport(plans: readonly StackPlan[], generatedAt: Date = new Date()): Promise<Report> {
    const svgs: string[] = [];
    for (const plan of plans) svgs.push(await renderSvg(stackDot(plan)));
    return { html: renderReport({ plans, diagrams: svgs.map(inlineSvg), generatedAt }), svgs };
}

export interface WrittenReport {
    readonly file: string;
    readonly diagrams: readonly string[];
    readonly ms: number;
}

/** Writes `report.html` into `outDir` and each stack's diagram as `<project>/<stack>.svg`. */
export async function writeReport(outDir: string, plans: readonly StackPlan[], generatedAt: Date = new Date()): Promise<WrittenReport> {
    const started = Date.now();
    const report = await buildReport(plans, generatedAt);
    const diagrams = plans.map((plan, i) => {
        const file = path.join(outDir, plan.project, `${plan.stack}.svg`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, report.svgs[i]!);
        return file;
    });
    const file = path.join(outDir, "report.html");
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(file, report.html);
    return { file, diagrams, ms: Date.now() - started };
}
