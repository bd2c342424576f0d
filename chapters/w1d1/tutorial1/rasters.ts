import { countInInterval, experimentDuration, restrictSpikeTimes } from "#lib/analysis/spikeTrains.ts";
import { neuronCount, neuronSpikes, type SpikeDataset } from "#lib/spikes/dataset.ts";
import { blockLayout, lastSpikeTime } from "#lib/spikes/rasterBlocks.ts";
import { cell } from "#course";
import type { Tutorial1 } from "./context.ts";
import rasterPopulationView, { POPULATION_DEFAULTS, type PopulationPayload } from "./raster-population.cell.ts";
import { describeRaster, plotRaster, type RasterPayload } from "./rasterView.ts";

/** The tutorial's window: `t_interval = (5, 15)`, seconds after the start of the recording. */
export const RASTER_INTERVAL = [5, 15] as const;

/** Rows of neurons (those the dataset has) restricted to the window, as restrict_spike_times does. */
export function rasterRows(
  dataset: SpikeDataset,
  neurons: readonly number[],
  interval: readonly [number, number] = RASTER_INTERVAL,
): RasterPayload {
  const window = restrictSpikeTimes(dataset, interval);
  const rows = neurons
    .filter((i) => i < neuronCount(window))
    .map((neuron) => ({ neuron, times: Array.from(neuronSpikes(window, neuron)) }));
  return { interval: [interval[0], interval[1]], rows };
}

const rasterCell = (id: string, neurons: readonly number[]) =>
  cell({ id, plot: plotRaster, describe: describeRaster }, ({ data }: Tutorial1) => rasterRows(data.spikes, neurons));

/** Section 2.2: `plt.eventplot(interval_spike_times[1])`. */
export const rasterSingle = rasterCell("raster-single", [1]);

/** Section 2.2: neurons 1, 11 and 51. */
export const rasterThree = rasterCell("raster-three", [1, 11, 51]);

/** Section 2.2's population raster (every 5th neuron, 5 to 15 s), and its explorer. */
export const rasterPopulation = cell(rasterPopulationView, ({ data }: Tutorial1): PopulationPayload => {
  const dataset = data.spikes;
  const n = neuronCount(dataset);
  const stride = POPULATION_DEFAULTS.stride;
  const last = lastSpikeTime(dataset);
  return {
    ...rasterRows(
      dataset,
      Array.from({ length: Math.ceil(n / stride) }, (_, k) => stride * k),
    ),
    nNeurons: n,
    duration: experimentDuration(dataset),
    lastSpike: last,
    blocks: blockLayout(last, n),
    totalSpikes: dataset.times.length,
    windowSpikes: countInInterval(dataset, RASTER_INTERVAL),
  };
});
