/**
 * Refreshes `replacement-data.json`: for each CloudFormation type that `replacement.ts` maps a
 * `@pulumi/aws` type onto, every property and whether changing it replaces the resource, read
 * from the CloudFormation resource provider schemas as `@aws-cdk/aws-service-spec` ships them
 * (its `db.json.gz`). Run `npm run refresh-aws-data` after updating that package; the test beside
 * `replacement.ts` fails when the mapping names a type or property the data no longer has.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { cfnMappedTypes, cfnTypeOf } from "./replacement";

interface SpecProperty {
    readonly causesReplacement?: "yes" | "maybe" | "no";
}
interface SpecResource {
    readonly cloudFormationType: string;
    readonly properties: Record<string, SpecProperty>;
}

const SPEC = "@aws-cdk/aws-service-spec";
export const DATA_FILE = path.join(__dirname, "replacement-data.json");

export function refreshReplacementData(): { types: number; file: string } {
    const pkgJson = require.resolve(`${SPEC}/package.json`);
    const version = (JSON.parse(fs.readFileSync(pkgJson, "utf8")) as { version: string }).version;
    const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(path.dirname(pkgJson), "db.json.gz"))).toString("utf8")) as {
        schema: { resource: { entities: SpecResource[] } };
    };
    const wanted = new Set(cfnMappedTypes().map((t) => cfnTypeOf(t)!));
    const types: Record<string, Record<string, "yes" | "maybe" | "no">> = {};
    for (const entity of db.schema.resource.entities) {
        if (!wanted.has(entity.cloudFormationType)) continue;
        types[entity.cloudFormationType] = Object.fromEntries(
            Object.entries(entity.properties)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([name, p]) => [name, p.causesReplacement ?? "no"]),
        );
    }
    const doc = {
        source: `${SPEC} ${version}: the CloudFormation resource provider schemas (property "causesReplacement")`,
        sourceUrl: "https://www.npmjs.com/package/@aws-cdk/aws-service-spec",
        refreshed: new Date().toISOString().slice(0, 10),
        types: Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b))),
    };
    fs.writeFileSync(DATA_FILE, JSON.stringify(doc, null, 1) + "\n");
    return { types: Object.keys(types).length, file: DATA_FILE };
}

if (require.main === module) {
    const { types, file } = refreshReplacementData();
    process.stdout.write(`wrote ${types} CloudFormation types to ${path.relative(process.cwd(), file)}\n`);
}
