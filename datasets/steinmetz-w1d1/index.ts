import { spikeDataset } from "#lib/spikes/spikeDataset.ts";
import { matchesPublishedRecording, RECORDING } from "./recording.ts";
import { DEFAULT_SEED, generateSynthetic } from "./standIn.ts";

/**
 * One recording session of Steinmetz et al. (2019), as W1D1 loads it: 734 neurons' spike
 * times. `SPIKES_FILE` names a file to use; data/steinmetz_w1d1.npz is used when present;
 * otherwise the labelled synthetic stand-in (seed `SPIKES_SEED`, default 2019). What readers
 * are told about it is in strings/<locale>.json beside this file.
 */
export default spikeDataset({
  id: "steinmetz-w1d1",
  fileEnv: "SPIKES_FILE",
  defaultFile: `data/${RECORDING.fileName}`,
  download: RECORDING.url,
  isRecording: matchesPublishedRecording,
  seedEnv: "SPIKES_SEED",
  defaultSeed: DEFAULT_SEED,
  standIn: (seed) => generateSynthetic(seed),
  citation: {
    text: "Steinmetz, N. A., Zatka-Haas, P., Carandini, M. & Harris, K. D. (2019). Distributed coding of choice, action and engagement across the mouse brain. Nature 576, 266–273.",
    url: "https://doi.org/10.1038/s41586-019-1787-x",
  },
});
