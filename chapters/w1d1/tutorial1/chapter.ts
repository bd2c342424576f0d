import { computeSummary } from "./summary.ts";
import { isiFiles, npzFiles, rasterFiles } from "#lib/spikes/fileSets.ts";
import steinmetz from "#datasets/steinmetz-w1d1/index.ts";
import { defineChapter } from "#course";
import { TUTORIAL_PARAMS } from "./context.ts";
import { spikeCountDistribution, spikeCountHistogram, spikeCountMedian, spikeCountQuartiles } from "./countHistogram.ts";
import { isiFunctionExplorer, isiHistogram } from "./isiCells.ts";
import { proseValues, pythonOutputs } from "./outputs.ts";
import { rasterPopulation, rasterSingle, rasterThree } from "./rasters.ts";

/** W1D1 Tutorial 1, "What" models: the Steinmetz spike times, their histograms, rasters and ISIs. */
export default defineChapter({
  datasets: { spikes: steinmetz },
  summarize: ({ spikes }) => computeSummary(spikes, TUTORIAL_PARAMS),
  cells: [
    spikeCountDistribution,
    spikeCountHistogram,
    spikeCountMedian,
    spikeCountQuartiles,
    rasterSingle,
    rasterThree,
    rasterPopulation,
    isiHistogram,
    isiFunctionExplorer,
  ],
  outputs: pythonOutputs,
  values: proseValues,
  files: {
    isi: { set: isiFiles, dataset: "spikes" },
    raster: { set: rasterFiles, dataset: "spikes" },
    npz: { set: npzFiles, dataset: "spikes" },
  },
  notebook: {
    dataCell: "https://osf.io/sy5xt/download",
    standIn: {
      files: "npz",
      path: "spike_times.npz",
      load: 'r = requests.get("{url}")\nspike_times = np.load(io.BytesIO(r.content), allow_pickle=True)["spike_times"]',
    },
  },
});
