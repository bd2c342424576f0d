import { neuronCount, neuronSpikes, type FloatArray, type SpikeTrains } from "../spikes/dataset.ts";
import { roundFor } from "./numeric.ts";

/** Index of the first element of sorted `a` that is >= x (or > x when `strict`). */
function lowerBound(a: FloatArray, x: number, strict: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? a[mid]! <= x : a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The tutorial's `restrict_spike_times`: every neuron's spikes with `min <= t < max`. Bounds
 * compare in the data's precision, as numpy compares a float32 array with a Python number.
 */
export function restrictSpikeTimes(trains: SpikeTrains, interval: readonly [number, number]): SpikeTrains {
  const round = roundFor(trains.dtype);
  const lo = round(interval[0]);
  const hi = round(interval[1]);
  const n = neuronCount(trains);
  const ranges: [number, number][] = [];
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const s = neuronSpikes(trains, i);
    const a = lowerBound(s, lo, false);
    const b = Math.max(a, lowerBound(s, hi, false));
    ranges.push([trains.offsets[i]! + a, trains.offsets[i]! + b]);
    offsets[i + 1] = offsets[i]! + (b - a);
  }
  const times = trains.dtype === "float32" ? new Float32Array(offsets[n]!) : new Float64Array(offsets[n]!);
  ranges.forEach(([a, b], i) => {
    times.set(trains.times.subarray(a, b), offsets[i]);
  });
  return { dtype: trains.dtype, times, offsets };
}

/** The number of spikes, over every neuron, with `min <= t < max` (what restrictSpikeTimes keeps). */
export function countInInterval(trains: SpikeTrains, interval: readonly [number, number]): number {
  const round = roundFor(trains.dtype);
  let total = 0;
  for (let i = 0; i < neuronCount(trains); i++) {
    const s = neuronSpikes(trains, i);
    total += Math.max(0, lowerBound(s, round(interval[1]), false) - lowerBound(s, round(interval[0]), false));
  }
  return total;
}

/** `np.ptp(np.concatenate(spike_times))`: the latest spike minus the earliest, in the data's precision. */
export function experimentDuration(trains: SpikeTrains): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < neuronCount(trains); i++) {
    const s = neuronSpikes(trains, i);
    if (s.length === 0) continue;
    if (s[0]! < lo) lo = s[0]!;
    if (s[s.length - 1]! > hi) hi = s[s.length - 1]!;
  }
  if (lo === Infinity) throw new RangeError("the dataset holds no spikes, so it has no duration");
  return roundFor(trains.dtype)(hi - lo);
}

/** `np.diff(spikes)`: inter-spike intervals, in the same dtype as the spike times. */
export function interSpikeIntervals(spikes: FloatArray): FloatArray {
  const n = Math.max(0, spikes.length - 1);
  const out = spikes instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = spikes[i + 1]! - spikes[i]!;
  return out;
}
