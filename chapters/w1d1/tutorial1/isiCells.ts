import { interSpikeIntervals } from "#lib/analysis/spikeTrains.ts";
import { neuronCount, neuronSpikes } from "#lib/spikes/dataset.ts";
import { cell } from "#course";
import type { Tutorial1 } from "./context.ts";
import isiFunctionExplorerView, { withFits } from "./isi-function-explorer.cell.ts";
import isiHistogramView from "./isi-histogram.cell.ts";
import { ISI_NEURON, isiPayload, type IsiPayload } from "./isiData.ts";

/** Neuron 283's ISIs summarised as the tutorial does (50 bins, the mean). */
function isiData({ data }: Tutorial1): IsiPayload {
  const dataset = data.spikes;
  if (ISI_NEURON >= neuronCount(dataset))
    throw new Error(`the ISI figures need neuron ${ISI_NEURON}; this dataset has ${neuronCount(dataset)} neurons`);
  return isiPayload(ISI_NEURON, neuronCount(dataset), interSpikeIntervals(neuronSpikes(dataset, ISI_NEURON)));
}

/** Exercise 3's example output and explorer. */
export const isiHistogram = cell(isiHistogramView, isiData);

/** Interactive Demo 4: the histogram with the three model families and their least-squares fits. */
export const isiFunctionExplorer = cell(isiFunctionExplorerView, (ctx: Tutorial1) => withFits(isiData(ctx)));
