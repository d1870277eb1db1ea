/**
 * The report in a real browser: every stack of the repository planned here under the mock
 * runtime, the report built from the JSON of those plans, then opened from disk in Debian's
 * headless Chromium. The page must load with no console error and no failed request, and show
 * one diagram per stack; a screenshot of its top goes to out/report.png.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { discoverProjects, mapLimit } from "../src/offline/plan/cli";
import { readProject } from "../src/offline/plan/project";
import type { PlanDocument, StackPlan } from "../src/offline/model/types";
import { buildReport } from "../src/offline/report";
import { diagramFile } from "../src/offline/report/diagrams";
import { stackAnchor } from "../src/offline/report/html";
import { plan, REPO } from "./helpers";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SCREENSHOT = path.join(REPO, "out", "report.png");

let plans: StackPlan[] = [];
let svgs: readonly string[] = [];
let dir: string;
let context: BrowserContext | undefined;
let page: Page;
const consoleErrors: string[] = [];
const failedRequests: string[] = [];
const requests: string[] = [];
const timings: string[] = [];

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
    const t = Date.now();
    const result = await fn();
    timings.push(`${label} ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return result;
}

/** Plans the stacks, builds the report and opens it in Chromium. */
async function prepare(): Promise<void> {
    if (!fs.existsSync(CHROMIUM)) {
        throw new Error(`${CHROMIUM} is missing: this test drives Debian's Chromium. Install it with \`apt-get update && apt-get install -y chromium\` (as root), as .ci/run does.`);
    }
    const jobs = discoverProjects(REPO).flatMap((dirName) => {
        const project = readProject(dirName);
        return project.stacks.map((stack) => ({ project, stack }));
    });
    // Through the shared test cache: the systems' own tests usually planned these already.
    const planned = await timed(`planned ${jobs.length} stacks`, () => mapLimit(jobs, 2, (job) => plan(job.project.name, job.stack)));
    // The report reads plans as the `--json` document carries them.
    plans = (JSON.parse(JSON.stringify({ plans: planned } satisfies PlanDocument)) as PlanDocument).plans.slice();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-test-"));
    const report = await timed("built the report", () => buildReport(plans));
    svgs = report.svgs;
    const file = path.join(dir, "report.html");
    fs.writeFileSync(file, report.html);

    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "report-chromium-"));
    context = await timed("launched Chromium", () => chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1400, height: 2000 } }));
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (m) => {
        if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    page.on("requestfailed", (r) => failedRequests.push(`${r.url()}: ${r.failure()?.errorText ?? "failed"}`));
    await timed("loaded the page", async () => {
        await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    });
}

// A setup failure (Chromium missing, a plan that cannot run) fails every test with its message rather than cancelling them.
let setupFailure: Error | undefined;

before(async () => {
    try {
        await prepare();
    } catch (e) {
        setupFailure = e instanceof Error ? e : new Error(String(e));
    }
});

function ready(): void {
    if (setupFailure) throw setupFailure;
}

after(async () => {
    await context?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`report browser test: ${timings.join(", ")}\n`);
});

describe("report in headless Chromium", () => {
    it("plans every stack of the repository, at least two", () => {
        ready();
        assert.ok(plans.length >= 2, `only ${plans.length} plans`);
        assert.equal(new Set(plans.map((p) => `${p.project}/${p.stack}`)).size, plans.length);
    });

    it("loads with no console error, no failed request and nothing fetched but the page itself", () => {
        ready();
        assert.deepEqual(consoleErrors, []);
        assert.deepEqual(failedRequests, []);
        assert.deepEqual(requests.filter((u) => !u.startsWith("file:")), []);
        assert.equal(requests.length, 1, `requests: ${requests.join(", ")}`);
    });

    it("shows one laid-out diagram per stack, in that stack's section", async () => {
        ready();
        const svgs = page.locator("figure.diagram .canvas > svg");
        assert.equal(await svgs.count(), plans.length);
        for (const plan of plans) {
            const svg = page.locator(`#${stackAnchor(plan)} figure.diagram .canvas > svg`);
            assert.equal(await svg.count(), 1, `${plan.project}/${plan.stack} has no diagram`);
            const box = await svg.boundingBox();
            assert.ok(box && box.width > 100 && box.height > 50, `${plan.project}/${plan.stack}: diagram is ${box?.width}×${box?.height}`);
            const nodes = await svg.locator("g.node").count();
            assert.ok(nodes >= (plan.resources.length > 0 ? 3 : 1), `${plan.project}/${plan.stack}: ${nodes} nodes`);
        }
    });

    it("shows each stack's policy results, cost and outputs", async () => {
        ready();
        assert.equal(await page.locator("section.stack").count(), plans.length);
        for (const plan of plans) {
            const section = page.locator(`#${stackAnchor(plan)}`);
            const text = await section.innerText();
            assert.ok(text.includes("Inventory") && text.includes("Policy") && text.includes("Outputs"), `${plan.project}/${plan.stack}`);
            if (plan.cost) assert.match(text, /Total: \$[\d,]+\.\d\d a month/);
            if (plan.error !== null) assert.ok(text.includes("The plan failed"));
        }
        assert.equal(await page.locator("table.summary tbody tr").count(), plans.length);
    });

    it("matches the diagrams committed for the systems' READMEs (regenerate: npm start && npm run diagrams)", () => {
        plans.forEach((plan, i) => {
            const file = diagramFile(plan.project, plan.stack);
            assert.ok(fs.existsSync(file), `${path.relative(REPO, file)} is missing: run npm start && npm run diagrams`);
            assert.equal(fs.readFileSync(file, "utf8"), svgs[i], `${path.relative(REPO, file)} is stale: run npm start && npm run diagrams`);
        });
    });

    it("takes a screenshot of the page's top to out/report.png", async () => {
        ready();
        fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT });
        const png = fs.readFileSync(SCREENSHOT);
        assert.equal(png.subarray(1, 4).toString(), "PNG");
        assert.equal(png.readUInt32BE(16), 1400);
        assert.equal(png.readUInt32BE(20), 2000);
    });

    it("fits a phone's width (390 px): nothing but a wide table's own scroll area is wider than the screen", async () => {
        ready();
        await page.setViewportSize({ width: 390, height: 800 });
        try {
            // A string, so the page's DOM types need not be in this Node project's lib.
            const widths = (await page.evaluate("({ page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth })")) as { page: number; screen: number };
            assert.equal(widths.page, widths.screen, `the page is ${widths.page} px wide at a ${widths.screen} px screen`);
            await page.screenshot({ path: path.join(REPO, "out", "report-390.png") });
        } finally {
            await page.setViewportSize({ width: 1400, height: 2000 });
        }
    });
});
