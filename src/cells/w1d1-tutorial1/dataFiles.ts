import { interSpikeIntervals } from "../../lib/analysis/spikeTrains.ts";
import { neuronCount, neuronSpikes } from "../../lib/spikes/dataset.ts";
import type { CellInput } from "../types.ts";
import { isiFilePath } from "./isiData.ts";
import { blockCount, blockFilePath, encodeBlock } from "./rasterBlocks.ts";

/**
 * The files the browser fetches on demand, by path under /data/w1d1/tutorial1/: each neuron's
 * ISIs (float32, exactly np.diff of its times; 4 bytes an ISI) for the neuron pickers, and the
 * recording in 5-s blocks of every neuron's spikes (about 2 bytes a spike) for the raster explorer.
 */
export function dataFiles({ dataset }: CellInput): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < neuronCount(dataset); i++) {
    const isis = Float32Array.from(interSpikeIntervals(neuronSpikes(dataset, i)));
    files.set(isiFilePath(i), new Uint8Array(isis.buffer));
  }
  let last = 0;
  for (let i = 0; i < neuronCount(dataset); i++) {
    const s = neuronSpikes(dataset, i);
    if (s.length) last = Math.max(last, s[s.length - 1]!);
  }
  for (let k = 0; k < blockCount(last); k++) files.set(blockFilePath(k), encodeBlock(dataset, k));
  return files;
}
