import type { PlotOptions } from "@observablehq/plot";

/**
 * What the browser's Plot leaves out, and what a figure that runs in the browser therefore may
 * not use: d3's projections (d3-geo, a tenth of the page's script), its named colour schemes
 * (d3-scale-chromatic) and its calendar (d3-time and d3-time-format, 4 KB gzip: time scales,
 * calendar intervals, date formats). A figure gives its colours (a colour scale's `range`, the
 * palette), draws in x and y, and puts time on a number scale (seconds, as the course's data
 * has it); a figure drawn only at build time may use anything.
 */
export const LEFT_OUT_OF_BROWSER: Readonly<Record<string, string>> = {
  "d3-geo": "projections and the geo, sphere, graticule, contour and density marks",
  "d3-scale-chromatic": "named colour schemes (give the colour scale its range)",
  "d3-time": "time scales and calendar intervals (put time on a number scale)",
  "d3-time-format": "time scales and date formats (put time on a number scale)",
};

/** Marks that draw through d3-geo even without a projection. */
const GEO_MARKS = new Set(["Geo", "Contour", "Density"]);

/** Plot's scales, by the name `figure.scale(name)` takes. */
const SCALES = ["x", "y", "fx", "fy", "r", "color", "opacity", "symbol", "length"] as const;
type ScaleName = (typeof SCALES)[number];

function marksOf(value: unknown): object[] {
  if (Array.isArray(value)) return value.flatMap(marksOf);
  return typeof value === "object" && value !== null ? [value] : [];
}

/**
 * Why a figure cannot be redrawn by the browser's Plot, or null: it asks for a projection or a
 * mark that draws with one, or it has a colour scale whose colours come from a named scheme
 * (one it names, or Plot's default for a scale given no range or interpolator). `figure` is what
 * `Plot.plot(options)` returned for the same options.
 */
export function browserPlotProblem(
  options: PlotOptions,
  figure: { scale(name: ScaleName): { type?: string | null | undefined } | undefined },
): string | null {
  const geo = options.projection != null || marksOf(options.marks).some((m) => GEO_MARKS.has(m.constructor.name));
  if (geo)
    return `it uses ${LEFT_OUT_OF_BROWSER["d3-geo"]!}, which the browser's Plot leaves out (draw it only at build time, without controls)`;
  const temporal = SCALES.find((name) => ["time", "utc"].includes(figure.scale(name)?.type ?? ""));
  if (temporal)
    return `its ${temporal} scale is a time scale (${LEFT_OUT_OF_BROWSER["d3-time"]!}), which the browser's Plot leaves out: give times as numbers (seconds) on a linear scale, or draw it only at build time, without controls`;
  const color = figure.scale("color");
  const asked = (options.color ?? {}) as { scheme?: unknown; range?: unknown; interpolate?: unknown };
  if (color && color.type !== "identity" && (asked.scheme !== undefined || (asked.range === undefined && asked.interpolate === undefined)))
    return `its colour scale takes its colours from a scheme (${typeof asked.scheme === "string" ? `"${asked.scheme}"` : "Plot's default"}): give the scale its colours (range), the browser's Plot has no named schemes`;
  return null;
}
