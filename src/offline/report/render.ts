/**
 * Graphviz, compiled to WebAssembly and bundled with its npm package: the layout engine that
 * turns a diagram's DOT into SVG, with no binary to install and no network.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { Graphviz } from "@hpcc-js/wasm-graphviz";

/**
 * Laid-out diagrams, by DOT and Graphviz version: the same input to the same Graphviz gives the
 * same SVG, so a rerun lays out only the diagrams whose stacks changed and loads Graphviz only
 * then (its WebAssembly module costs about 0.13 s of CPU in each process that loads it).
 */
const SVG_CACHE = path.join(__dirname, "..", "..", "..", "node_modules", ".cache", "diagrams");

let version: string | undefined;

function graphvizVersion(): string {
    version ??= (JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("@hpcc-js/wasm-graphviz")), "..", "package.json"), "utf8")) as { version: string }).version;
    return version;
}

let loading: Promise<Graphviz> | undefined;

/** Loads the WebAssembly module once per process; every later call reuses it. */
function graphviz(): Promise<Graphviz> {
    loading ??= Graphviz.load();
    return loading;
}

/** Where the layout of `dot` is kept. */
export function svgCacheFile(dot: string): string {
    const key = crypto.createHash("sha256").update(graphvizVersion()).update("\0").update(dot).digest("hex");
    return path.join(SVG_CACHE, `${key}.svg`);
}

/** Lays out a DOT graph with `dot` and returns the SVG document. Throws Graphviz's message on a syntax error. */
export async function renderSvg(dot: string): Promise<string> {
    const file = svgCacheFile(dot);
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        // Not laid out yet.
    }
    const svg = (await graphviz()).layout(dot, "svg", "dot");
    try {
        fs.mkdirSync(SVG_CACHE, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, svg);
        fs.renameSync(tmp, file);
    } catch {
        // A read-only node_modules: lay it out again next time.
    }
    return svg;
}

/**
 * The SVG element alone, without the XML declaration, doctype and generator comments, to inline
 * in HTML. Its fixed size becomes the CSS variable `--w` (its natural width in pixels), so the
 * page can fit it to the column or show it at that size; the height follows from the viewBox.
 */
export function inlineSvg(svg: string): string {
    const start = svg.indexOf("<svg");
    if (start < 0) throw new Error("Graphviz returned no <svg> element");
    const element = svg.slice(start).trim();
    const open = element.slice(0, element.indexOf(">") + 1);
    const width = /\swidth="([\d.]+)pt"/.exec(open)?.[1];
    if (width === undefined) return element;
    const px = Math.round((Number(width) * 4) / 3);
    const sized = open.replace(/\s(width|height)="[\d.]+pt"/g, "").replace("<svg", `<svg style="--w:${px}px"`);
    return sized + element.slice(open.length);
}
