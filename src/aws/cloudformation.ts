/**
 * The vendored extract of AWS's CloudFormation resource specification, and how a constraint is
 * read from it: enums are data (`allowedValues`); lengths and character sets are the sentences
 * of each property's documentation ("Constraints: Up to 255 characters ... Allowed characters
 * are ..."), parsed once by `npm run refresh-aws-data` and stored beside the sentence they came from.
 */
// Named for the pack's ts-node, which type-checks with only this run's compiled files (services.ts).
/// <reference types="node" />
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface PropertyFacts {
    readonly allowedValues?: readonly (string | number)[];
    readonly minLength?: number;
    readonly maxLength?: number;
    /** Every character the property accepts, as AWS lists them. */
    readonly characters?: string;
    /** The documentation sentence(s) the length and character rules were read from. */
    readonly stated?: string;
}

export interface ResourceFacts {
    readonly properties: Readonly<Record<string, PropertyFacts>>;
}

export interface Provenance {
    readonly source: string;
    readonly package: string;
    readonly version: string;
    readonly extracted: string;
    readonly script: string;
}

export interface CloudFormationFacts {
    readonly provenance: Provenance;
    readonly resources: Readonly<Record<string, ResourceFacts>>;
}

// Read, not imported: the CLI's ts-node runs the pack without resolveJsonModule.
export const CLOUDFORMATION: CloudFormationFacts = JSON.parse(readFileSync(join(__dirname, "data", "cloudformation.json"), "utf8")) as CloudFormationFacts;

export function cfnDocUrl(cfnType: string): string {
    const [, service = "", resource = ""] = cfnType.split("::");
    return `https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-${service.toLowerCase()}-${resource.toLowerCase()}.html`;
}

const LENGTH_PATTERNS: readonly [RegExp, (m: RegExpExecArray) => { min?: number; max: number }][] = [
    [/\b(?:from|between) (\d+) (?:to|and) (\d+) (?:alphanumeric |printable )?characters/i, (m) => ({ min: Number(m[1]), max: Number(m[2]) })],
    [/\b(?:up to|maximum of|at most|no more than|can't be longer than|cannot be longer than) (\d+) (?:alphanumeric |printable )?characters/i, (m) => ({ max: Number(m[1]) })],
    [/\bmaximum length (?:is|of) (\d+)/i, (m) => ({ max: Number(m[1]) })],
];

/** `a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=;{}!$*` → every character it names. */
export function expandCharacterList(list: string): string {
    let out = "";
    for (const raw of list.split(/,\s+(?:and\s+)?|\s+and\s+/)) {
        const part = raw.trim().replace(/\.$/, "");
        if (part === "") continue;
        if (/^spaces?$/i.test(part)) out += " ";
        else if (/^[a-zA-Z0-9]-[a-zA-Z0-9]$/.test(part)) {
            for (let c = part.charCodeAt(0); c <= part.charCodeAt(2); c++) out += String.fromCharCode(c);
        } else out += part;
    }
    return [...new Set(out)].sort().join("");
}

const CHARACTER_PATTERN = /(?:Allowed|Valid) characters(?: are|:)\s*([^\n]+)/i;

/** The length and character rules one documentation text states, with the sentences stating them. */
export function parseConstraints(doc: string): Pick<PropertyFacts, "minLength" | "maxLength" | "characters" | "stated"> {
    const stated: string[] = [];
    let minLength: number | undefined;
    let maxLength: number | undefined;
    for (const [pattern, read] of LENGTH_PATTERNS) {
        const m = pattern.exec(doc);
        if (m === null) continue;
        const found = read(m);
        maxLength = found.max;
        minLength = found.min;
        stated.push(sentenceAround(doc, m.index));
        break;
    }
    const chars = CHARACTER_PATTERN.exec(doc);
    const characters = chars?.[1] === undefined ? undefined : expandCharacterList(chars[1]);
    if (chars !== null) stated.push(chars[0].trim());
    return {
        ...(minLength === undefined ? {} : { minLength }),
        ...(maxLength === undefined ? {} : { maxLength }),
        ...(characters === undefined ? {} : { characters }),
        ...(stated.length === 0 ? {} : { stated: [...new Set(stated)].join(" ") }),
    };
}

function sentenceAround(doc: string, index: number): string {
    const start = Math.max(doc.lastIndexOf("\n", index), doc.lastIndexOf(". ", index) + 1, 0);
    const endDot = doc.indexOf(". ", index);
    const endLine = doc.indexOf("\n", index);
    const ends = [endDot === -1 ? doc.length : endDot + 1, endLine === -1 ? doc.length : endLine];
    return doc.slice(start, Math.min(...ends)).trim();
}
