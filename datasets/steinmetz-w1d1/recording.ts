import { neuronCount, neuronSpikes, type SpikeTrains } from "#lib/spikes/dataset.ts";

/**
 * What the tutorial printed when it ran on the Steinmetz et al. (2019) recording (one session,
 * 734 neurons), read from the stored outputs of the course's notebook. Used to recognise the
 * real file; never used to produce a number the site shows.
 */
export const RECORDING = {
  url: "https://osf.io/sy5xt/download",
  fileName: "steinmetz_w1d1.npz",
  nNeurons: 734,
  countsFirst5: [826, 2818, 3953, 646, 1115],
  countOfNeuron321: 9723,
  neuron0First5: [0.8149, 14.822467, 24.9646, 25.1436, 38.8709],
  neuron321First5: [1.0698667, 1.1536334, 1.2403667, 1.7072, 1.799],
} as const;

/**
 * True when the spike trains carry every fact the tutorial printed about the recording: its
 * shape, the published spike counts and the first five spike times of neurons 0 and 321
 * (numpy printed float32 values in their shortest form, so rounding them to float32 is exact).
 */
export function matchesPublishedRecording(trains: SpikeTrains): boolean {
  if (neuronCount(trains) !== RECORDING.nNeurons || trains.dtype !== "float32") return false;
  const count = (i: number) => trains.offsets[i + 1]! - trains.offsets[i]!;
  if (RECORDING.countsFirst5.some((c, i) => count(i) !== c) || count(321) !== RECORDING.countOfNeuron321) return false;
  const same = (i: number, values: readonly number[]) => {
    const s = neuronSpikes(trains, i);
    return values.every((v, k) => s[k] === Math.fround(v));
  };
  return same(0, RECORDING.neuron0First5) && same(321, RECORDING.neuron321First5);
}
