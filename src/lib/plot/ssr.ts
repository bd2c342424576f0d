import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { quietPlot } from "./quiet.ts";

const { document } = parseHTML("<!doctype html><html><body></body></html>");

// Geometry attributes only: tick labels and other text keep their digits.
const GEOMETRY = /\s(d|x|y|x1|x2|y1|y2|cx|cy|r|width|height|transform|points|viewBox)="([^"]*)"/g;

/** Rounds the long decimals Plot writes in geometry (101.00000000000001) to two places. */
export function compactSvgNumbers(markup: string): string {
  return markup.replace(
    GEOMETRY,
    (_, name: string, value: string) => ` ${name}="${value.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))}"`,
  );
}

/** Renders Plot options to markup on the server (linkedom's DOM): an <svg>, or a <figure> with a legend. */
export function renderPlot(options: Plot.PlotOptions): string {
  const element = quietPlot(Plot.plot({ ...options, document: document }));
  return compactSvgNumbers(element.outerHTML);
}
