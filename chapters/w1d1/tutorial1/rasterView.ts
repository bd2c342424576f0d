import * as Plot from "@observablehq/plot";
import { rasterMark, type RasterRow } from "#lib/plot/raster.ts";
import { BASE } from "#lib/plot/theme.ts";
import { COLORS } from "./colors.ts";
import type { PlotContext } from "#course";

/** A window of spike trains: the rows drawn, and the window in seconds. */
export interface RasterPayload {
  readonly interval: readonly [number, number];
  readonly rows: readonly RasterRow[];
}

/** `plt.eventplot` of the rows: one row of ticks per neuron, time across. */
export function plotRaster(p: RasterPayload, _inputs: unknown, { t }: PlotContext): Plot.PlotOptions {
  const many = p.rows.length > 12;
  return {
    ...BASE,
    height: many ? 420 : Math.max(120, 70 + 40 * p.rows.length),
    marginLeft: 24,
    x: { domain: p.interval, label: t("axis.time"), labelArrow: "none" },
    y: { domain: [-0.5, Math.max(p.rows.length, 1) - 0.5], axis: null },
    marks: [Plot.frame({ strokeOpacity: 0.15 }), rasterMark(p.rows, COLORS.spikes, many ? 0.9 : 0.8)],
  };
}

/** The raster's text alternative and its table (spike times listed for a dozen rows or fewer). */
export function describeRaster(p: RasterPayload, _inputs: unknown, { t }: PlotContext) {
  const neurons =
    p.rows.length > 6
      ? `${p.rows
          .slice(0, 3)
          .map((r) => r.neuron)
          .join(", ")}, …, ${p.rows[p.rows.length - 1]!.neuron}`
      : p.rows.map((r) => r.neuron).join(", ");
  const spikes = p.rows.reduce((a, r) => a + r.times.length, 0);
  const alt = t("alt.raster", { n: p.rows.length, neurons, from: p.interval[0], to: p.interval[1], spikes });
  const table = {
    columns: [t("table.neuron"), t("table.spikesInWindow"), t("table.spikeTimes")],
    rows: p.rows.map((r) => [r.neuron, r.times.length, p.rows.length > 12 ? "" : r.times.map((x) => x.toFixed(3)).join(", ")]),
  };
  return { alt, table };
}
