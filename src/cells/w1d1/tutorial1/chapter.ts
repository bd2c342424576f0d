import { computeSummary } from "../../../lib/analysis/summary.ts";
import { isiFiles, rasterFiles } from "../../../lib/spikes/fileSets.ts";
import steinmetz from "../../../datasets/steinmetz-w1d1/index.ts";
import { defineChapter } from "../../course.ts";
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
  },
});
