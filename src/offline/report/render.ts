/**
 * Graphviz, compiled to WebAssembly and bundled with its npm package: the layout engine that
 * turns a diagram's DOT into SVG, with no binary to install and no network.
 */
import { Graphviz } from "@hpcc-js/wasm-graphviz";

let loading: Promise<Graphviz> | undefined;

/** Loads the WebAssembly module once per process; every later call reuses it. */
function graphviz(): Promise<Graphviz> {
    loading ??= Graphviz.load();
    return loading;
}

/** Lays out a DOT graph with `dot` and returns the SVG document. Throws Graphviz's message on a syntax error. */
export async function renderSvg(dot: string): Promise<string> {
    const gv = await graphviz();
    return gv.layout(dot, "svg", "dot");
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
