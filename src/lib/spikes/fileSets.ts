import { exportNpz } from "./npzWrite.ts";
import { fileSet } from "../datasets/declaration.ts";
import { interSpikeIntervals } from "../analysis/spikeTrains.ts";
import { neuronCount, neuronSpikes, type SpikeDataset } from "./dataset.ts";
import { encodeIsiFile, isiFilePath } from "./isiFile.ts";
import { blockFilePath, blockLayout, encodeBlock, lastSpikeTime } from "./rasterBlocks.ts";

/** Each neuron's ISIs, one file a neuron (exactly np.diff of its times, in the recording's dtype, as distinct values and counts: isiFile.ts). */
export const isiFiles = fileSet<SpikeDataset>({
  id: "spikes/isi-counts",
  build: (dataset) => {
    const files = new Map<string, Uint8Array>();
    for (let i = 0; i < neuronCount(dataset); i++) {
      files.set(isiFilePath(i), encodeIsiFile(interSpikeIntervals(neuronSpikes(dataset, i))));
    }
    return files;
  },
});

/**
 * The recording in blocks of every neuron's spikes (about 2 bytes a spike), for raster windows:
 * at most 2,000 files whatever the recording's length (`blockLayout`).
 */
export const rasterFiles = fileSet<SpikeDataset>({
  id: "spikes/raster-blocks",
  build: (dataset) => {
    const files = new Map<string, Uint8Array>();
    const layout = blockLayout(lastSpikeTime(dataset), neuronCount(dataset));
    for (let k = 0; k < layout.count; k++) files.set(blockFilePath(k), encodeBlock(dataset, k, layout));
    return files;
  },
});

/** The recording in the tutorial's own file format (.npz, `spike_times`): what the notebook loads to reproduce a page. */
export const npzFiles = fileSet<SpikeDataset>({
  id: "spikes/npz",
  build: (dataset) => new Map([["spike_times.npz", exportNpz(dataset)]]),
});
