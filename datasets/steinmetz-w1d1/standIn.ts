import type { SpikeDataset } from "#lib/spikes/dataset.ts";
import { SYNTHETIC_MARK } from "#lib/spikes/parse.ts";
import { Random } from "#lib/spikes/random.ts";
import { COUNT_TARGETS, syntheticCounts } from "./standInCounts.ts";

/** The comment of the stand-in's exported .npz (what np.load ignores and our reader recognises). */
export const STAND_IN_MARK = `${SYNTHETIC_MARK}, NOT THE STEINMETZ RECORDING`;

/** The default seed of the stand-in; any other seed gives another, equally calibrated, dataset. */
export const DEFAULT_SEED = 2019;

/** The generative model's constants (documented in data/README.md). */
export const MODEL = {
  /** Length of the recording, seconds. */
  duration: 2700,
  /** Absolute refractory period of every neuron, seconds. */
  deadTime: 0.002,
  /** Neuron 283: dead time plus a Gamma(3/2) interval (mode near 10 ms), or now and then a pause. */
  isiNeuronDeadTime: 0.003,
  isiNeuronShape: 1.5,
  isiNeuronPauseProbability: 0.02,
  isiNeuronPauseMean: 0.03,
  /** Population activity in 5-15 s, relative to the whole recording (0.33% vs 0.37%). */
  quietWindow: [5, 15] as const,
  quietGain: 0.33 / 0.37,
} as const;

/**
 * Generates the synthetic stand-in for the Steinmetz recording: 734 neurons of float32 spike
 * times over 2,700 s, deterministic from `seed`. Each neuron is a renewal process with a
 * refractory dead time, conditioned on its spike count; a shared time warp makes 5-15 s a
 * little quieter than average, as in the recording. Labelled `source: "synthetic"`.
 * `countScale` < 1 makes a small dataset of the same shape, for tests.
 */
export function generateSynthetic(seed = DEFAULT_SEED, { countScale = 1 } = {}): SpikeDataset {
  const counts = syntheticCounts(seed, countScale);
  const offsets = new Uint32Array(counts.length + 1);
  counts.forEach((c, i) => (offsets[i + 1] = offsets[i]! + c));
  const times = new Float32Array(offsets[counts.length]!);
  const warp = timeWarp(MODEL.duration, MODEL.quietWindow, MODEL.quietGain);
  const cumulative = new Float64Array(Math.max(...counts) + 1);
  counts.forEach((count, i) => {
    const random = new Random(seed, i + 1);
    const mean = MODEL.duration / (count + 1);
    const fill = i === COUNT_TARGETS.isiNeuron ? gammaIntervals : poissonIntervals;
    const sum = fill(cumulative, count + 1, mean, random);
    // Condition on the count: stretch the count + 1 intervals to span the recording exactly.
    const scale = MODEL.duration / sum;
    for (let k = 0; k < count; k++) times[offsets[i]! + k] = warp(cumulative[k]! * scale);
  });
  return {
    dtype: "float32",
    times,
    offsets,
    source: "synthetic",
    origin: `synthetic stand-in v1, seed ${seed}${countScale === 1 ? "" : `, counts x${countScale}`}`,
    sha256: null,
    generator: { version: 1, seed },
    mark: STAND_IN_MARK,
  };
}

/**
 * Writes the running sums of n intervals into `out` and returns the total. Intervals are dead
 * time plus an exponential with the given mean (a Poisson process with refractoriness).
 */
function poissonIntervals(out: Float64Array, n: number, meanInterval: number, random: Random): number {
  const dead = Math.min(MODEL.deadTime, meanInterval / 4);
  const rest = meanInterval - dead;
  let sum = 0;
  for (let k = 0; k < n; k++) out[k] = sum += dead + rest * random.exponential();
  return sum;
}

/**
 * As poissonIntervals, for dead time plus a Gamma(3/2) interval (an exponential plus half a
 * squared normal) or, with a small probability, a longer exponential pause; the mean is kept.
 */
function gammaIntervals(out: Float64Array, n: number, meanInterval: number, random: Random): number {
  const { isiNeuronDeadTime: dead, isiNeuronShape: shape, isiNeuronPauseProbability: p, isiNeuronPauseMean: pause } = MODEL;
  const theta = (meanInterval - dead - p * pause) / ((1 - p) * shape);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const z = random.normal();
    const interval = random.next() < p ? pause * random.exponential() : theta * (random.exponential() + (z * z) / 2);
    out[k] = sum += dead + interval;
  }
  return sum;
}

/** A piecewise-linear map of [0, T] onto itself that spends `gain` of the usual activity in `window`. */
function timeWarp(total: number, window: readonly [number, number], gain: number): (u: number) => number {
  const [a, b] = window;
  const u1 = a + (b - a) * gain;
  const after = (total - b) / (total - u1);
  return (u) => (u <= a ? u : u <= u1 ? a + (u - a) / gain : b + (u - u1) * after);
}
