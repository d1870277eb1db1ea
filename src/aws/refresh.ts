/**
 * `npm run refresh-aws-data`: extracts, from the CloudFormation resource specification that
 * `@aws-cdk/aws-service-spec` ships, the resource types and properties `inputs.ts` maps, and
 * writes them with their provenance to `data/cloudformation.json`. Rerun after upgrading that
 * package; `inputs.test.ts` then fails on any mapped input whose source rule is gone. Then, where
 * botocore is at hand, the regions of each service `services.ts` maps, to `data/services.json`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { CloudFormationFacts, PropertyFacts, ResourceFacts } from "./cloudformation";
import { parseConstraints } from "./cloudformation";
import { INPUT_MAPPINGS } from "./inputs";
import { extractServiceRegions, mappedServices, type EndpointsFile } from "./services";

interface SpecType {
    readonly type: string;
    readonly allowedValues?: readonly (string | number)[];
    readonly reference?: { readonly $ref: string };
    readonly element?: SpecType;
}
interface SpecProperty {
    readonly type: SpecType;
    readonly documentation?: string;
}
interface SpecEntity {
    readonly $id: string;
    readonly cloudFormationType?: string;
    readonly name: string;
    readonly properties?: Readonly<Record<string, SpecProperty>>;
}
interface SpecDb {
    readonly schema: {
        readonly resource: { readonly entities: readonly SpecEntity[] };
        readonly typeDefinition: { readonly entities: readonly SpecEntity[] };
    };
}

const PACKAGE = "@aws-cdk/aws-service-spec";

export function loadSpec(root = process.cwd()): { db: SpecDb; version: string } {
    const dir = join(root, "node_modules", ...PACKAGE.split("/"));
    const version = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
    return { db: JSON.parse(gunzipSync(readFileSync(join(dir, "db.json.gz"))).toString("utf8")) as SpecDb, version };
}

/** The property at a dotted path (`Environment.ComputeType`, `SecurityGroupIngress[].Description`). */
function propertyAt(resource: SpecEntity, path: string, types: ReadonlyMap<string, SpecEntity>): SpecProperty | undefined {
    let owner: SpecEntity | undefined = resource;
    let found: SpecProperty | undefined;
    for (const step of path.split(".")) {
        found = owner?.properties?.[step.replace(/\[\]$/, "")];
        if (found === undefined) return undefined;
        let t: SpecType | undefined = found.type;
        while (t?.element !== undefined) t = t.element;
        owner = t?.reference === undefined ? undefined : types.get(t.reference.$ref);
    }
    return found;
}

function facts(property: SpecProperty): PropertyFacts {
    let t: SpecType | undefined = property.type;
    while (t?.element !== undefined) t = t.element;
    return {
        ...(t?.allowedValues === undefined ? {} : { allowedValues: t.allowedValues }),
        ...parseConstraints(property.documentation ?? ""),
    };
}

export function extract(db: SpecDb, version: string, today: string): CloudFormationFacts {
    const byType = new Map(db.schema.resource.entities.map((r) => [r.cloudFormationType ?? "", r]));
    const types = new Map(db.schema.typeDefinition.entities.map((t) => [t.$id, t]));
    const wanted = new Map<string, Set<string>>();
    for (const m of Object.values(INPUT_MAPPINGS)) wanted.set(m.cfn, new Set([...(wanted.get(m.cfn) ?? []), ...Object.values(m.inputs)]));
    const resources: Record<string, ResourceFacts> = {};
    for (const [cfn, paths] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
        const resource = byType.get(cfn);
        if (resource === undefined) continue;
        const properties: Record<string, PropertyFacts> = {};
        for (const path of [...paths].sort()) {
            const property = propertyAt(resource, path, types);
            if (property !== undefined) properties[path] = facts(property);
        }
        resources[cfn] = { properties };
    }
    return {
        provenance: {
            source: "AWS CloudFormation resource specification and registry schemas, as compiled by cdklabs/awscdk-service-spec",
            package: PACKAGE,
            version,
            extracted: today,
            script: "npm run refresh-aws-data (src/aws/refresh.ts)",
        },
        resources,
    };
}

/**
 * botocore's package folder: `BOTOCORE_DATA`, else the botocore Python finds (`pip install
 * botocore`, or Debian's python3-botocore); undefined when neither is there.
 */
export function botocoreDir(): string | undefined {
    const given = process.env["BOTOCORE_DATA"];
    if (given !== undefined && given !== "") return given;
    try {
        return execFileSync("python3", ["-c", "import botocore, os; print(os.path.dirname(botocore.__file__))"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
        return undefined;
    }
}

function refreshServices(today: string): void {
    const dir = botocoreDir();
    if (dir === undefined || !existsSync(join(dir, "data", "endpoints.json"))) {
        console.log("services.json kept: no botocore found (set BOTOCORE_DATA to botocore's package folder, or pip install botocore)");
        return;
    }
    const version = /__version__\s*=\s*['"]([^'"]+)['"]/.exec(readFileSync(join(dir, "__init__.py"), "utf8"))?.[1] ?? "unknown";
    const endpoints = JSON.parse(readFileSync(join(dir, "data", "endpoints.json"), "utf8")) as EndpointsFile;
    const out = extractServiceRegions(endpoints, mappedServices(), version, today);
    const file = join(__dirname, "data", "services.json");
    writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
    console.log(`wrote ${file}: ${Object.keys(out.services).length} services in ${out.partitionRegions.length} regions from botocore ${version}`);
}

if (require.main === module) {
    const today = new Date().toISOString().slice(0, 10);
    const { db, version } = loadSpec();
    const out = extract(db, version, today);
    const file = join(__dirname, "data", "cloudformation.json");
    writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
    console.log(`wrote ${file}: ${Object.keys(out.resources).length} resource types from ${PACKAGE} ${version}`);
    refreshServices(today);
}
