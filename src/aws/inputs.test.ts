import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CLOUDFORMATION, expandCharacterList, parseConstraints } from "./cloudformation";
import { INPUT_MAPPINGS } from "./inputs";
import { NAME_LIMITS } from "./names";
import { extract, loadSpec } from "./refresh";

describe("AWS input constraints: the mapping and the vendored CloudFormation data", () => {
    it("every mapped input names a resource type and property the vendored data holds", () => {
        const missing: string[] = [];
        for (const [type, m] of Object.entries(INPUT_MAPPINGS)) {
            const spec = CLOUDFORMATION.resources[m.cfn];
            for (const [input, property] of Object.entries(m.inputs)) {
                if (spec?.properties[property] === undefined) missing.push(`${type} ${input} → ${m.cfn} ${property}`);
            }
        }
        assert.deepEqual(missing, []);
    });

    it("states its provenance: package, version and the day it was extracted", () => {
        assert.equal(CLOUDFORMATION.provenance.package, "@aws-cdk/aws-service-spec");
        assert.match(CLOUDFORMATION.provenance.version, /^\d+\.\d+\.\d+$/);
        assert.match(CLOUDFORMATION.provenance.extracted, /^\d{4}-\d{2}-\d{2}$/);
    });

    it("is what refresh-aws-data extracts from the installed specification (rerun it after an upgrade)", () => {
        const { db, version } = loadSpec();
        const fresh = extract(db, version, CLOUDFORMATION.provenance.extracted);
        assert.deepEqual(fresh, CLOUDFORMATION);
    });

    it("agrees with the name table wherever the specification states a name's length", () => {
        for (const limit of NAME_LIMITS) {
            const m = INPUT_MAPPINGS[limit.type];
            const property = m?.inputs[limit.input];
            const facts = property === undefined || m === undefined ? undefined : CLOUDFORMATION.resources[m.cfn]?.properties[property];
            if (facts?.maxLength !== undefined) assert.equal(facts.maxLength, limit.max, `${limit.type} ${limit.input}`);
        }
    });

    it("reads the security group rule description's characters without the apostrophe or the ampersand", () => {
        const rule = CLOUDFORMATION.resources["AWS::EC2::SecurityGroupIngress"]?.properties["Description"];
        assert.equal(rule?.maxLength, 255);
        assert.ok(rule?.characters?.includes(" ") && rule.characters.includes("z") && rule.characters.includes("*"));
        assert.ok(!rule?.characters?.includes("'") && !rule?.characters?.includes("&"));
    });
});

describe("parseConstraints", () => {
    it("reads ranges, maxima and character lists as AWS words them", () => {
        assert.deepEqual(parseConstraints("A name must contain from 1 to 40 alphanumeric characters or hyphens."), {
            minLength: 1,
            maxLength: 40,
            stated: "A name must contain from 1 to 40 alphanumeric characters or hyphens.",
        });
        assert.equal(parseConstraints("The name, up to 64 characters in length.").maxLength, 64);
        assert.equal(parseConstraints("No limit is stated here.").maxLength, undefined);
        assert.equal(expandCharacterList("a-c, 0-1, spaces, and ._"), " .01_abc");
    });
});

describe("src/aws", () => {
    it("imports nothing from @pulumi, so programs, config and the offline tooling can all read it", () => {
        const files = readdirSync(__dirname).filter((f) => f.endsWith(".ts"));
        const offenders = files.filter((f) => /from "@pulumi\//.test(readFileSync(join(__dirname, f), "utf8")));
        assert.ok(files.length > 8);
        assert.deepEqual(offenders, []);
    });
});
