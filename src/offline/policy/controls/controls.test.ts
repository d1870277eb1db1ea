/**
 * Every control's fixture table: one `describe` per control, numbered non-compliant cases and
 * compliant ones, all run through `runControl`. The tables live in `test/support/policy/cases/`, one module per
 * service, and load into this one test process, which keeps the folder's tests fast.
 */
import { it } from "node:test";
import assert from "node:assert/strict";
import { coverage } from "../../../../test/support/policy/controls";
import { securityControls } from "./index";
import "../../../../test/support/policy/cases/codebuild";
import "../../../../test/support/policy/cases/ec2";
import "../../../../test/support/policy/cases/ecs";
import "../../../../test/support/policy/cases/elasticache";
import "../../../../test/support/policy/cases/elb";
import "../../../../test/support/policy/cases/iam";
import "../../../../test/support/policy/cases/kms";
import "../../../../test/support/policy/cases/lambda";
import "../../../../test/support/policy/cases/notifications";
import "../../../../test/support/policy/cases/rds";
import "../../../../test/support/policy/cases/s3";

it("gives every security control compliant and non-compliant cases", () => {
    for (const control of securityControls) {
        const cases = coverage.get(control.id);
        assert.ok(cases !== undefined, `${control.id} has no fixture table`);
        assert.ok(cases.passing > 0 && cases.failing > 0, `${control.id} needs a compliant and a non-compliant case`);
    }
    assert.equal(coverage.size, securityControls.length);
});
