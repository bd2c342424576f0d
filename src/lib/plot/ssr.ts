import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { browserPlotProblem } from "./browserPlot.ts";
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

/**
 * Renders Plot options to markup on the server (linkedom's DOM): an <svg>, or a <figure> with a
 * legend. With `inBrowser`, the figure will also be drawn by the browser's Plot, which leaves
 * some of d3 out: using it throws, saying what to change.
 */
export function renderPlot(options: Plot.PlotOptions, inBrowser = false): string {
  const figure = Plot.plot({ ...options, document: document });
  const problem = inBrowser ? browserPlotProblem(options, figure) : null;
  if (problem) throw new Error(`the figure cannot be redrawn in the browser: ${problem}`);
  return compactSvgNumbers(quietPlot(figure).outerHTML);
}
