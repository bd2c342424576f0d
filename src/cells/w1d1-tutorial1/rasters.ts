import * as Plot from "@observablehq/plot";
import { countInInterval, experimentDuration, restrictSpikeTimes } from "../../lib/analysis/spikeTrains.ts";
import { neuronCount, neuronSpikes } from "../../lib/spikes/dataset.ts";
import { pyPercent } from "../../lib/python/format.ts";
import { rasterMark, type RasterRow } from "../../lib/plot/raster.ts";
import { BASE, COLORS } from "../../lib/plot/theme.ts";
import type { CellDefinition, CellInput, InputValues, PlotContext } from "../types.ts";
import { blockFilePath, blocksFor, decodeBlock } from "./rasterBlocks.ts";

/** The tutorial's window: `t_interval = (5, 15)`, seconds after the start of the recording. */
export const RASTER_INTERVAL = [5, 15] as const;

export interface RasterPayload {
  readonly interval: readonly [number, number];
  readonly rows: readonly RasterRow[];
}

/** Rows of neurons (those the dataset has) restricted to the window, as restrict_spike_times does. */
export function rasterRows(
  { dataset }: CellInput,
  neurons: readonly number[],
  interval: readonly [number, number] = RASTER_INTERVAL,
): RasterPayload {
  const window = restrictSpikeTimes(dataset, interval);
  const rows = neurons
    .filter((i) => i < neuronCount(window))
    .map((neuron) => ({ neuron, times: Array.from(neuronSpikes(window, neuron)) }));
  return { interval: [interval[0], interval[1]], rows };
}

function plot(p: RasterPayload, _inputs: InputValues, { t }: PlotContext): Plot.PlotOptions {
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

function describe(p: RasterPayload, _inputs: InputValues, { t }: PlotContext) {
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

function rasterCell(id: string, neurons: (input: CellInput) => number[]): CellDefinition<RasterPayload> {
  return { id, data: (input) => rasterRows(input, neurons(input)), defaults: {}, plot, describe };
}

/** Section 2.2: `plt.eventplot(interval_spike_times[1])`. */
export const rasterSingle = rasterCell("raster-single", () => [1]);

/** Section 2.2: neurons 1, 11 and 51. */
export const rasterThree = rasterCell("raster-three", () => [1, 11, 51]);

/** The population raster's window: every neuron's spikes, and how many fall in it. */
export interface PopulationPayload extends RasterPayload {
  readonly nNeurons: number;
  /** Peak-to-peak duration of the recording (float32, as np.ptp gives it). */
  readonly duration: number;
  readonly totalSpikes: number;
  /** Spikes of all neurons with start <= t < end. */
  readonly windowSpikes: number;
  /** Every neuron's spikes in the window, once the browser has fetched them. */
  readonly all?: readonly (readonly number[])[];
}

const defaults = { start: 5, width: 10, stride: 5 };
const strideRows = (all: readonly (readonly number[])[], stride: number): RasterRow[] =>
  all.flatMap((times, neuron) => (neuron % stride === 0 ? [{ neuron, times }] : []));

/** Fetches the 5-s blocks a window needs and gathers every neuron's spikes in it. */
async function loadWindow(
  p: { nNeurons: number; duration: number; totalSpikes: number },
  inputs: InputValues,
  fetchBytes: (path: string) => Promise<ArrayBuffer>,
): Promise<PopulationPayload> {
  const start = inputs.start as number;
  const end = start + (inputs.width as number);
  const all: number[][] = Array.from({ length: p.nNeurons }, () => []);
  let windowSpikes = 0;
  const blocks = await Promise.all(blocksFor(start, end - start).map(async (k) => decodeBlock(await fetchBytes(blockFilePath(k)), k)));
  for (const rows of blocks) {
    rows.forEach((row, i) => {
      for (const t of row) {
        if (t >= start && t < end) {
          all[i]!.push(t);
          windowSpikes++;
        }
      }
    });
  }
  return { ...p, interval: [start, end], all, windowSpikes, rows: strideRows(all, inputs.stride as number) };
}

/** Section 2.2's population raster, and its explorer: window start and width, neuron stride. */
export const rasterPopulation: CellDefinition<PopulationPayload> = {
  id: "raster-population",
  data: (input) => {
    const n = neuronCount(input.dataset);
    const base = rasterRows(
      input,
      Array.from({ length: Math.ceil(n / defaults.stride) }, (_, k) => defaults.stride * k),
    );
    return {
      ...base,
      nNeurons: n,
      duration: experimentDuration(input.dataset),
      totalSpikes: input.dataset.times.length,
      windowSpikes: countInInterval(input.dataset, RASTER_INTERVAL),
    };
  },
  defaults,
  plot,
  describe,
  interaction: {
    inputs: (p) => [
      {
        kind: "range",
        name: "start",
        label: "control.windowStart",
        code: "t_interval[0]",
        min: 0,
        max: Math.max(1, Math.floor(p.duration) - 1),
        step: 1,
        value: defaults.start,
      },
      { kind: "range", name: "width", label: "control.windowWidth", min: 1, max: 60, step: 1, value: defaults.width },
      {
        kind: "range",
        name: "stride",
        label: "control.stride",
        code: "np.arange(0, len(spike_times), stride)",
        min: 1,
        max: 50,
        step: 1,
        value: defaults.stride,
      },
    ],
    load: { inputs: ["start", "width"], run: (inputs, fetchBytes, initial) => loadWindow(initial, inputs, fetchBytes) },
    needsLoadFor: ["stride"],
    // The built SVG shows the default window; the browser needs rows only after a change.
    slim: (p) => ({ ...p, rows: [] }),
    prepare: { inputs: ["stride"], run: (p, inputs) => (p.all ? { ...p, rows: strideRows(p.all, inputs.stride as number) } : p) },
    readouts: [
      {
        key: "frac_interval_spikes",
        label: "readout.fracSpikes",
        inputs: [],
        compute: (p) => p.windowSpikes / p.totalSpikes,
        format: (v) => pyPercent(v, 2),
      },
      {
        key: "frac_interval_time",
        label: "readout.fracTime",
        inputs: ["width"],
        // interval_duration / experiment_duration: a Python int over a float32 is float32.
        compute: (p, inputs) => Math.fround(Math.fround(inputs.width as number) / p.duration),
        format: (v) => pyPercent(v, 2),
      },
    ],
    actions: [{ name: "reset", label: "action.reset", apply: (_p, _inputs, d) => d }],
    strings: ["axis.time", "alt.raster", "table.neuron", "table.spikesInWindow", "table.spikeTimes"],
    client: "generic",
  },
};
