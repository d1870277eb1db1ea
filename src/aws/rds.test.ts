import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rdsWindowProblems } from "./rds";

describe("rdsWindowProblems", () => {
    it("accepts the databases' windows and either window alone", () => {
        assert.deepEqual(rdsWindowProblems("02:00-03:00", "sun:03:30-sun:04:30"), []);
        assert.deepEqual(rdsWindowProblems("23:30-00:15", "mon:01:00-mon:01:30"), []);
        assert.deepEqual(rdsWindowProblems(undefined, "sat:22:00-sun:01:00"), []);
        assert.deepEqual(rdsWindowProblems("02:00-03:00", undefined), []);
    });

    it("rejects an overlap on any day, also across midnight and the week's end", () => {
        assert.match(rdsWindowProblems("03:00-04:00", "sun:03:30-sun:04:30").join(), /overlaps/);
        assert.match(rdsWindowProblems("23:30-00:30", "mon:00:00-mon:00:45").join(), /overlaps/);
        assert.match(rdsWindowProblems("00:10-00:50", "sun:23:30-mon:00:30").join(), /overlaps/);
    });

    it("rejects windows under 30 minutes and malformed ones", () => {
        assert.match(rdsWindowProblems("02:00-02:20", undefined).join(), /shorter than 30 minutes/);
        assert.match(rdsWindowProblems(undefined, "sun:03:30-sun:03:45").join(), /shorter than 30 minutes/);
        assert.match(rdsWindowProblems("2am-3am", undefined).join(), /is not hh24:mi-hh24:mi/);
        assert.match(rdsWindowProblems(undefined, "03:30-04:30").join(), /is not ddd:hh24:mi/);
    });
});
