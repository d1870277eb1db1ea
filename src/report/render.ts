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

/** The SVG element alone, without the XML declaration, doctype and generator comments, to inline in HTML. */
export function inlineSvg(svg: string): string {
    const start = svg.indexOf("<svg");
    if (start < 0) throw new Error("Graphviz returned no <svg> element");
    return svg.slice(start).trim();
}
