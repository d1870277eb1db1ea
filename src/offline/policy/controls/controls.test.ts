/**
 * Every control's fixture table: one `describe` per control, numbered non-compliant cases and
 * compliant ones, all run through `runControl`. The tables live in `cases/`, one module per
 * service, and load into this one test process, which keeps the folder's tests fast.
 */
import { it } from "node:test";
import assert from "node:assert/strict";
import { coverage } from "./fixtures";
import { securityControls } from "./index";
import "./cases/codebuild";
import "./cases/ec2";
import "./cases/ecs";
import "./cases/elasticache";
import "./cases/elb";
import "./cases/iam";
import "./cases/kms";
import "./cases/lambda";
import "./cases/notifications";
import "./cases/rds";
import "./cases/s3";

it("gives every security control compliant and non-compliant cases", () => {
    for (const control of securityControls) {
        const cases = coverage.get(control.id);
        assert.ok(cases !== undefined, `${control.id} has no fixture table`);
        assert.ok(cases.passing > 0 && cases.failing > 0, `${control.id} needs a compliant and a non-compliant case`);
    }
    assert.equal(coverage.size, securityControls.length);
});
