/** Where a dataset came from: the Steinmetz recording, the synthetic stand-in, or another file. */
export type SpikeSource = "real" | "synthetic" | "file";

export type FloatArray = Float32Array | Float64Array;
export type FloatDtype = "float32" | "float64";

/**
 * Spike times of every neuron, back to back in one typed array: neuron i's spikes (seconds,
 * ascending) are `times[offsets[i]]` up to `times[offsets[i + 1]]`. `dtype` says whether the
 * numbers are float32 (as in the recording) or float64, which decides how numpy computes on them.
 */
export interface SpikeTrains {
  readonly dtype: FloatDtype;
  readonly times: FloatArray;
  readonly offsets: Uint32Array;
}

/** Spike trains plus what they are: a consumer can always tell the stand-in from the recording. */
export interface SpikeDataset extends SpikeTrains {
  readonly source: SpikeSource;
  /** The file path, or a description of the generator and its seed. */
  readonly origin: string;
  /** SHA-256 of the file read, or null for data generated in memory. */
  readonly sha256: string | null;
  /** For the stand-in: the generator's version and seed (what `origin` says, as data). */
  readonly generator?: { readonly version: number; readonly seed: number };
  /** For a stand-in: the comment its exported .npz starts with (it must start with SYNTHETIC_MARK). */
  readonly mark?: string;
}

/** The number of neurons. */
export function neuronCount(trains: SpikeTrains): number {
  return trains.offsets.length - 1;
}

/** Neuron i's spike times, as a view (no copy). */
export function neuronSpikes(trains: SpikeTrains, i: number): FloatArray {
  return trains.times.subarray(trains.offsets[i], trains.offsets[i + 1]);
}

/** Spike counts per neuron (`[len(s) for s in spike_times]`). */
export function spikeCounts(trains: SpikeTrains): number[] {
  const n = neuronCount(trains);
  const counts = new Array<number>(n);
  for (let i = 0; i < n; i++) counts[i] = trains.offsets[i + 1]! - trains.offsets[i]!;
  return counts;
}
