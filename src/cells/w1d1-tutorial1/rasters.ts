import * as Plot from "@observablehq/plot";
import { restrictSpikeTimes } from "../../lib/analysis/spikeTrains.ts";
import { neuronCount, neuronSpikes } from "../../lib/spikes/dataset.ts";
import { rasterMark, type RasterRow } from "../../lib/plot/raster.ts";
import { BASE, COLORS } from "../../lib/plot/theme.ts";
import type { CellDefinition, CellInput, PlotContext } from "../types.ts";

/** The tutorial's window: `t_interval = (5, 15)`, seconds after the start of the recording. */
export const RASTER_INTERVAL = [5, 15] as const;

export interface RasterPayload {
  readonly interval: readonly [number, number];
  readonly rows: readonly RasterRow[];
}

/** Rows of neurons (those the dataset has) restricted to the window, as restrict_spike_times does. */
export function rasterRows({ dataset }: CellInput, neurons: readonly number[], interval = RASTER_INTERVAL): RasterPayload {
  const window = restrictSpikeTimes(dataset, interval);
  const rows = neurons.filter((i) => i < neuronCount(window)).map((neuron) => ({ neuron, times: Array.from(neuronSpikes(window, neuron)) }));
  return { interval: [interval[0], interval[1]], rows };
}

function plot(p: RasterPayload, _inputs: Record<string, never>, { t }: PlotContext): Plot.PlotOptions {
  const many = p.rows.length > 12;
  return {
    ...BASE,
    height: many ? 420 : Math.max(120, 70 + 40 * p.rows.length),
    marginLeft: 24,
    x: { domain: p.interval, label: t("axis.time"), labelArrow: "none" },
    y: { domain: [-0.5, p.rows.length - 0.5], axis: null },
    marks: [Plot.frame({ strokeOpacity: 0.15 }), rasterMark(p.rows, COLORS.spikes, many ? 0.9 : 0.8)],
  };
}

function describe(p: RasterPayload, _inputs: Record<string, never>, { t }: PlotContext) {
  const neurons = p.rows.length > 6 ? `${p.rows.slice(0, 3).map((r) => r.neuron).join(", ")}, …, ${p.rows[p.rows.length - 1]!.neuron}` : p.rows.map((r) => r.neuron).join(", ");
  const spikes = p.rows.reduce((a, r) => a + r.times.length, 0);
  const alt = t("alt.raster", { n: p.rows.length, neurons, from: p.interval[0], to: p.interval[1], spikes });
  const table = {
    columns: [t("table.neuron"), t("table.spikesInWindow"), t("table.spikeTimes")],
    rows: p.rows.map((r) => [r.neuron, r.times.length, p.rows.length > 12 ? "" : r.times.map((x) => x.toFixed(3)).join(", ")]),
  };
  return { alt, table };
}

function rasterCell(id: string, neurons: (input: CellInput) => number[]): CellDefinition<RasterPayload> {
  return { id, data: (input) => rasterRows(input, neurons(input)), defaults: {}, plot, describe };
}

/** Section 2.2: `plt.eventplot(interval_spike_times[1])`. */
export const rasterSingle = rasterCell("raster-single", () => [1]);

/** Section 2.2: neurons 1, 11 and 51. */
export const rasterThree = rasterCell("raster-three", () => [1, 11, 51]);

/** Section 2.2: every 5th neuron, `np.arange(0, len(spike_times), 5)`. */
export const rasterPopulation = rasterCell("raster-population", ({ dataset }) =>
  Array.from({ length: Math.ceil(neuronCount(dataset) / 5) }, (_, k) => 5 * k),
);
