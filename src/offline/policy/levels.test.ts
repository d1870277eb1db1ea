import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { levelsOf, MANDATORY, RELAXED } from "./levels";
import { allControls } from "./registry";

/** The relaxed levels, pinned so that changing how much a control matters shows in the diff. */
const PINNED: Readonly<Record<string, string>> = {
    "AwsSolutions-AEC5": "advisory/advisory",
    "AwsSolutions-CB3": "advisory/advisory",
    "AwsSolutions-ECS2": "advisory/advisory",
    "DEPLOY.RdsExtendedSupport": "advisory/advisory",
    "DEPLOY.VersionSupport": "advisory/advisory",
    "EC2.10": "disabled/advisory",
    "EC2.55": "advisory/mandatory",
    "EC2.56": "advisory/mandatory",
    "EC2.57": "advisory/advisory",
    "EC2.58": "advisory/advisory",
    "EC2.60": "advisory/advisory",
    "ECR.2": "advisory/mandatory",
    "ECS.12": "advisory/mandatory",
    "ElastiCache.3": "disabled/mandatory",
    "Kinesis.3": "advisory/mandatory",
    "PCI.DSS.321-LambdaInsideVPC": "advisory/mandatory",
    "RDS.23": "advisory/advisory",
    "RDS.5": "advisory/mandatory",
    "RDS.6": "advisory/mandatory",
    "S3.1": "advisory/advisory",
};

describe("the pack's level table", () => {
    it("relaxes exactly the pinned controls, dev/prod as pinned, each with a reason", () => {
        const table = Object.fromEntries(Object.entries(RELAXED).map(([id, l]) => [id, `${l.dev}/${l.prod}`]));
        assert.deepEqual(table, PINNED);
        for (const [id, l] of Object.entries(RELAXED)) assert.ok(l.reason.length > 20, `${id}: say why it is relaxed`);
    });

    it("names only controls the pack has, and gives every other control mandatory in both profiles", () => {
        const ids = new Set(allControls.map((c) => c.id));
        for (const id of Object.keys(RELAXED)) assert.ok(ids.has(id), `${id} is in the table but not in the pack`);
        for (const c of allControls) {
            assert.deepEqual(c.levels, levelsOf(c.id).levels, c.id);
            assert.equal(c.levelReason, RELAXED[c.id]?.reason, c.id);
        }
        assert.equal(allControls.filter((c) => c.levels === MANDATORY).length, allControls.length - Object.keys(RELAXED).length);
    });

    it("is the only place levels are written: no control file sets its own", () => {
        const files = ["controls", "deploy"].flatMap((dir) =>
            readdirSync(join(__dirname, dir))
                .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
                .map((f) => join(__dirname, dir, f)),
        );
        assert.ok(files.length > 100);
        const setting = files.filter((f) => /^\s*(levels|levelReason)\s*:/m.test(readFileSync(f, "utf8")));
        assert.deepEqual(setting, []);
    });
});
