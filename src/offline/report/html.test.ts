import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { StackPlan } from "../model/types";
import { escapeHtml, renderReport, stackAnchor, stackStatus } from "./html";
import { buildReport } from "./index";

const EVIL = `<script>alert("x")</script>&'`;

function urn(type: string, name: string): string {
    return `urn:pulumi:dev::shop::${type}::${name}`;
}

const TOPIC = urn("aws:sns/topic:Topic", "alerts");
const DB = urn("aws:rds/instance:Instance", "db");

function devPlan(): StackPlan {
    return {
        project: "shop",
        stack: "dev",
        region: "sa-east-1",
        profile: "dev",
        resources: [
            { urn: urn("commerce:sns:Notifications", "alerts"), type: "commerce:sns:Notifications", name: "alerts", inputs: {}, custom: false, protect: false, dependsOn: [] },
            { urn: TOPIC, type: "aws:sns/topic:Topic", name: "alerts", parent: urn("commerce:sns:Notifications", "alerts"), inputs: { name: EVIL }, custom: true, protect: false, dependsOn: [] },
            { urn: DB, type: "aws:rds/instance:Instance", name: "db", inputs: { identifier: "shop-db-dev", engine: "postgres" }, custom: true, protect: true, dependsOn: [] },
        ],
        outputs: { topic_arn: "arn:aws:sns:sa-east-1:123456789012:alerts", subnets: ["a-id", "b-id"], note: EVIL },
        violations: [
            { policy: "RDS.5", level: "advisory", urn: DB, message: "multiAz must be true (is false)" },
            { policy: "SNS.1", level: "mandatory", urn: TOPIC, message: `topic ${EVIL} is not encrypted` },
        ],
        exceptions: [{ policy: "RDS.8", urn: DB, reason: "dev is destroyable by design" }],
        policySummary: { checked: 12, passed: 9, waived: 1, failed: 2 },
        cost: {
            monthlyUsd: 25.5,
            currency: "USD",
            items: [
                { urn: DB, type: "aws:rds/instance:Instance", description: "db.t3.micro postgres Single-AZ", quantity: 730, unit: "instance-hour", unitPriceUsd: 0.03, monthlyUsd: 21.9, approximate: true },
                { urn: TOPIC, type: "aws:sns/topic:Topic", description: "Log ingestion", quantity: 1.5, unit: "GB ingested", unitPriceUsd: 0.0000025, monthlyUsd: 3.6, approximate: false, assumption: "1.5 GB ingested a month (override: costAssumptions.logIngestGb)" },
            ],
            notes: ["alerts (aws:sns/topic:Topic): SNS is billed per publish and delivery; not estimated"],
        },
        error: null,
    };
}

function failedPlan(): StackPlan {
    return { project: "shop", stack: "prod", region: "sa-east-1", resources: [], outputs: {}, violations: [], exceptions: [], cost: null, error: `Error: bad config ${EVIL}` };
}

const AT = new Date("2026-03-01T12:34:56.789Z");

describe("report page", () => {
    const html = renderReport({ plans: [devPlan(), failedPlan()], diagrams: ["<svg id=\"d1\"></svg>", "<svg id=\"d2\"></svg>"], generatedAt: AT });

    it("escapes every text that comes from a plan", () => {
        assert.equal(escapeHtml(EVIL), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
        assert.ok(!html.includes("<script"), "no script element, escaped or injected");
        assert.ok(html.includes("topic &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39; is not encrypted"));
        assert.ok(html.includes("Error: bad config &lt;script&gt;"));
    });

    it("heads the page with the run time, the totals and a row per stack linking to its section", () => {
        assert.ok(html.includes("Generated 2026-03-01 12:34:56 UTC"));
        assert.match(html, /<span class="n">2<\/span>stacks in 1 project</);
        assert.match(html, /<span class="n">2<\/span>stacks failed</);
        assert.match(html, /<span class="n">\$25\.50<\/span>a month, all stacks</);
        assert.match(html, /<span class="n">1<\/span>mandatory violations</);
        assert.ok(html.includes(`href="#${stackAnchor(devPlan())}"`));
        assert.ok(html.includes(`id="${stackAnchor(failedPlan())}"`));
        assert.equal(stackStatus(devPlan()), "fail");
        assert.equal(stackStatus(failedPlan()), "error");
    });

    it("places each stack's diagram in its own section, in order", () => {
        const dev = html.indexOf(`id="${stackAnchor(devPlan())}"`);
        const prod = html.indexOf(`id="${stackAnchor(failedPlan())}"`);
        assert.ok(dev < html.indexOf(`<svg id="d1">`) && html.indexOf(`<svg id="d1">`) < prod && prod < html.indexOf(`<svg id="d2">`));
        assert.throws(() => renderReport({ plans: [devPlan()], diagrams: [], generatedAt: AT }), /one diagram per plan/);
    });

    it("lists the inventory by type and every resource with its parent and protection", () => {
        assert.match(html, /<td class="num">1<\/td><td><code>aws:<wbr>rds\/<wbr>instance:<wbr>Instance<\/code>/);
        assert.ok(html.includes("2 cloud resources of 2 types, in 1 components"));
        assert.ok(html.includes("All 3 resources, components included"));
        assert.match(html, /db <span class="badge protect"/);
    });

    it("shows the policy summary, violations mandatory first with their level, and exceptions with their reason", () => {
        assert.ok(html.includes("<li>12 checked</li>") && html.includes(`<li class="ok">9 passed</li>`) && html.includes(`<li class="waived">1 waived</li>`) && html.includes(`<li class="failed">2 failed</li>`));
        const advisoryOnly = renderReport({ plans: [{ ...devPlan(), violations: devPlan().violations.filter((v) => v.level === "advisory") }], diagrams: ["<svg></svg>"], generatedAt: AT });
        assert.ok(advisoryOnly.includes(`<li class="advisory">2 failed, advisory only</li>`));
        assert.ok(html.indexOf("SNS.1") < html.indexOf("RDS.5"));
        assert.match(html, /<span class="badge mandatory">mandatory<\/span><\/td><td class="control"><code>SNS\.1<\/code>/);
        assert.match(html, /<code>RDS\.8<\/code><\/td><td><span title="[^"]+">db<\/span>.*?<td>dev is destroyable by design<\/td>/);
    });

    it("prices each line with its approximate mark and assumption, then the notes and the total", () => {
        assert.match(html, /≈ \$21\.90/);
        assert.ok(html.includes("1.5 GB ingested a month (override: costAssumptions.logIngestGb)"));
        assert.ok(html.includes("$0.0000025"));
        assert.ok(html.includes("SNS is billed per publish and delivery; not estimated"));
        assert.match(html, /Total: <strong>\$25\.50<\/strong> a month/);
        assert.ok(html.includes("1 of 2 lines use us-east-1's price (marked ≈)"));
    });

    it("shows outputs and, for a failed plan, the error instead of a cost", () => {
        assert.ok(html.includes(`<code>subnets</code></td><td><code class="value">[ &quot;a-id&quot;, &quot;b-id&quot; ]</code>`));
        const failed = html.slice(html.indexOf(`id="${stackAnchor(failedPlan())}"`));
        assert.ok(failed.includes(`<div class="error" role="alert"><strong>The plan failed</strong>`));
        assert.ok(failed.includes("Not priced: see the error above."));
    });

    it("needs nothing from the network: no script, no stylesheet link, no external URL", () => {
        assert.ok(!/<link|<script|<img|@import|url\(/i.test(html));
        assert.ok(!/(src|href)="(https?:)?\/\//i.test(html));
    });

    it("builds real diagrams: one inline <svg> per plan, and a standalone SVG document each", async () => {
        const report = await buildReport([devPlan(), failedPlan()], AT);
        assert.equal(report.svgs.length, 2);
        assert.ok(report.svgs.every((s) => s.startsWith("<?xml")));
        assert.equal(report.html.match(/<svg /g)?.length, 2);
        assert.ok(!report.html.includes("<?xml"));
        assert.ok(!report.html.includes("<!DOCTYPE svg"));
        // Inline, a diagram carries its natural width for the page to fit it to the column or show it at that size.
        const inline = report.html.match(/<svg [^>]*>/g) ?? [];
        assert.equal(inline.length, 2);
        for (const tag of inline) {
            assert.match(tag, /style="--w:\d+px"/);
            assert.doesNotMatch(tag, /\s(width|height)=/);
        }
        assert.match(report.svgs[0]!, /<svg width="[\d.]+pt" height="[\d.]+pt"/);
    });
});
