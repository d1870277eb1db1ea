/**
 * The program, the offline planner and the policy pack agree on a stack's profile for every
 * combination of stack name, `<project>:profile` config and `PROFILE`: all three call
 * `readProfile`, and this pins that none of them reads the profile another way.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadFastcartConfig, PROJECT } from "../src/config/fastcart";
import { ConfigError } from "../src/config/load";
import { profileSettings, readProfile } from "../src/config/profile";
import { configReader } from "../src/config/testing";
import { planSettings } from "../src/offline/plan/check";
import { contextOf } from "../src/offline/policy/pack";
import { setStackUnderCheck, stackSettings } from "../src/offline/policy/stack";

const STACK_NAMES = ["dev", "prod", "prod-eu", "staging", "preprod", "production", "acme/fastcart-orders/prod"];
const VALUES = [undefined, "", "dev", "prod", "staging"];

describe("one profile for program, planner and pack", () => {
    for (const stack of STACK_NAMES) {
        it(`stack ${stack}: every profile config × PROFILE`, () => {
            for (const configured of VALUES) {
                for (const env of VALUES) {
                    const what = `stack=${stack} profile=${String(configured)} PROFILE=${String(env)}`;
                    const environment: NodeJS.ProcessEnv = env === undefined ? {} : { PROFILE: env };
                    const config: Record<string, string> = configured === undefined ? {} : { [`${PROJECT}:profile`]: configured };
                    const reading = readProfile({ stack, configured, env });

                    const planner = planSettings(PROJECT, stack, config, environment).profile;
                    setStackUnderCheck({ project: PROJECT, stack, config }, environment);
                    const pack = contextOf({}, "eu-central-1", stackSettings(undefined, environment)).profile;
                    setStackUnderCheck(undefined);
                    assert.equal(planner, reading.profile, `planner, ${what}`);
                    assert.equal(pack, reading.profile, `pack, ${what}`);

                    const bare = stack.split("/").pop()!;
                    const values: Record<string, string> = configured === undefined ? {} : { profile: configured };
                    let program: string | ConfigError;
                    try {
                        program = loadFastcartConfig(bare, configReader(values), environment).profile;
                    } catch (e) {
                        assert.ok(e instanceof ConfigError, `program, ${what}: ${String(e)}`);
                        program = e;
                    }
                    if (reading.problem) {
                        assert.ok(program instanceof ConfigError, `program must refuse ${what}`);
                        assert.ok(program.issues.some((i) => i.key === reading.problem!.key), `program names ${reading.problem.key}, ${what}`);
                    } else {
                        assert.equal(program, reading.profile, `program, ${what}`);
                    }
                }
            }
        });
    }

    it("config wins over PROFILE, and a stack named prod is never dev", () => {
        assert.equal(readProfile({ stack: "staging", configured: "prod", env: "dev" }).profile, "prod");
        assert.equal(readProfile({ stack: "staging", configured: "dev", env: "prod" }).profile, "dev");
        assert.equal(readProfile({ stack: "staging", env: "prod" }).profile, "prod");
        assert.equal(readProfile({ stack: "prod", configured: "dev" }).profile, "prod");
        assert.match(readProfile({ stack: "prod", configured: "dev" }).problem?.message ?? "", /always prod/);
        assert.equal(readProfile({ stack: "production" }).profile, "dev", "only prod and prod-<x> are prod by name");
    });

    it("keeps prod's stateful things and lets dev be destroyed", () => {
        assert.equal(profileSettings("prod").removal, "retain");
        assert.equal(profileSettings("dev").removal, "destroy");
        assert.ok(profileSettings("prod").logRetentionDays >= 365, "PCI DSS 10.5.1: a year of logs");
        assert.equal(profileSettings("prod").noncurrentVersionDays, profileSettings("dev").noncurrentVersionDays);
    });
});
