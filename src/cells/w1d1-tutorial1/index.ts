import { cellList } from "../types.ts";
import { spikeCountDistribution, spikeCountHistogram, spikeCountMedian, spikeCountQuartiles } from "./countHistogram.ts";
import { dataFiles } from "./dataFiles.ts";
import { isiFunctionExplorer } from "./isiFunctionExplorer.ts";
import { isiHistogram } from "./isiHistogram.ts";
import { proseValues, pythonOutputs } from "./outputs.ts";
import { rasterPopulation, rasterSingle, rasterThree } from "./rasters.ts";

/** W1D1 Tutorial 1's figures, in the order they appear. */
export const cells = cellList(
  spikeCountDistribution,
  spikeCountHistogram,
  spikeCountMedian,
  spikeCountQuartiles,
  rasterSingle,
  rasterThree,
  rasterPopulation,
  isiHistogram,
  isiFunctionExplorer,
);

export { dataFiles, proseValues, pythonOutputs };
