import { pyPercent } from "#lib/python/format.ts";
import type { RasterRow } from "#lib/plot/raster.ts";
import { blockFilePath, blocksFor, decodeBlock, type BlockLayout } from "#lib/spikes/rasterBlocks.ts";
import type { CellView, FetchFile, InputValues } from "#course";
import { describeRaster, plotRaster, type RasterPayload } from "./rasterView.ts";

/** The population raster's window: every neuron's spikes, and how many fall in it. */
export interface PopulationPayload extends RasterPayload {
  readonly nNeurons: number;
  /** Peak-to-peak duration of the recording (float32, as np.ptp gives it). */
  readonly duration: number;
  /** The last spike time: no block file exists past it. */
  readonly lastSpike: number;
  /** How the build cut the recording into block files (and how many there are). */
  readonly blocks: BlockLayout;
  readonly totalSpikes: number;
  /** Spikes of all neurons with start <= t < end. */
  readonly windowSpikes: number;
  /** Every neuron's spikes in the window, once the browser has fetched them. */
  readonly all?: readonly (readonly number[])[];
}

/** The notebook's view: `t_interval = (5, 15)` and every 5th neuron. */
export const POPULATION_DEFAULTS = { start: 5, width: 10, stride: 5 } as const;

const strideRows = (all: readonly (readonly number[])[], stride: number): RasterRow[] =>
  all.flatMap((times, neuron) => (neuron % stride === 0 ? [{ neuron, times }] : []));

/** Fetches the 5-s blocks a window needs (only those the build wrote) and gathers every neuron's spikes in it. */
async function loadWindow(p: PopulationPayload, inputs: InputValues, fetchFile: FetchFile): Promise<PopulationPayload> {
  const start = inputs.start as number;
  const end = start + (inputs.width as number);
  const all: number[][] = Array.from({ length: p.nNeurons }, () => []);
  let windowSpikes = 0;
  const needed = blocksFor(start, end - start, p.blocks);
  const blocks = await Promise.all(needed.map(async (k) => decodeBlock(await fetchFile("raster", blockFilePath(k)), k, p.blocks)));
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
  // The rows drawn are every stride-th neuron's: picked by `prepare` (the load reads only its own inputs).
  return { ...p, interval: [start, end], all, windowSpikes, rows: [] };
}

/** Section 2.2's population raster, and its explorer: window start and width, neuron stride. */
const rasterPopulation: CellView<PopulationPayload> = {
  id: "raster-population",
  plot: plotRaster,
  describe: describeRaster,
  state: (p, inputs, { t }) => t("state.raster", { from: p.interval[0], to: p.interval[1], stride: inputs.stride as number }),
  interaction: {
    inputs: (p) => [
      {
        kind: "range",
        name: "start",
        label: "control.windowStart",
        code: "t_interval[0]",
        min: 0,
        max: Math.max(1, Math.floor(p.lastSpike) - 1),
        step: 1,
        value: POPULATION_DEFAULTS.start,
        unit: "unit.seconds",
      },
      {
        kind: "range",
        name: "width",
        label: "control.windowWidth",
        min: 1,
        max: 60,
        step: 1,
        value: POPULATION_DEFAULTS.width,
        unit: "unit.seconds",
      },
      {
        kind: "range",
        name: "stride",
        label: "control.stride",
        code: "np.arange(0, len(spike_times), stride)",
        min: 1,
        max: 50,
        step: 1,
        value: POPULATION_DEFAULTS.stride,
      },
    ],
    load: {
      inputs: ["start", "width"],
      alsoFor: ["stride"],
      describe: (inputs, { t }) =>
        t("load.window", { from: inputs.start as number, to: (inputs.start as number) + (inputs.width as number) }),
      run: (inputs, fetchFile, initial) => loadWindow(initial, inputs, fetchFile),
    },
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
    // The window ends where the recording does: a start that would run past it is moved back.
    constrain: (p, inputs) => {
      const end = Math.ceil(p.lastSpike);
      const start = inputs.start as number;
      const width = inputs.width as number;
      return start + width > end ? { start: Math.max(0, end - width) } : {};
    },
  },
};

export default rasterPopulation;
