import { histogram, type Histogram } from "#lib/analysis/histogram.ts";
import { maxOf, mean } from "#lib/analysis/numeric.ts";
import type { FloatArray } from "#lib/spikes/dataset.ts";

/** The tutorial's example neuron for ISIs (exercise 3 and the function explorer). */
export const ISI_NEURON = 283;

/** A neuron's ISIs summarised as the tutorial does: 50 bins over (0, max ISI), and the mean. */
export interface IsiPayload {
  readonly neuron: number;
  /** How many neurons the dataset has (the neuron pickers' range). */
  readonly nNeurons: number;
  readonly count: number;
  readonly mean: number;
  readonly max: number;
  readonly hist: Histogram;
}

/**
 * `np.histogram(isis, bins, range=(0, upper))` and the mean ISI, as the tutorial computes them
 * (float32 data; the default upper limit is `isis.max()`, a float32 scalar). Throws for a neuron
 * with fewer than two spikes, whose ISIs cannot make a histogram. `knownMean`: the mean over the
 * ISIs' original order, where `isis` are in another (an ISI file's are ascending).
 */
export function isiPayload(neuron: number, nNeurons: number, isis: FloatArray, bins = 50, upper?: number, knownMean?: number): IsiPayload {
  if (isis.length === 0) throw new RangeError(`neuron ${neuron} has fewer than two spikes, so it has no ISIs`);
  const max = maxOf(isis);
  const hist =
    upper === undefined ? histogram(isis, bins, { range: [0, max] }) : histogram(isis, bins, { range: [0, upper], rangeDtype: "float64" });
  return { neuron, nNeurons, count: isis.length, mean: knownMean ?? mean(isis), max, hist };
}

/** The bin holding the most ISIs, as [from, to] in milliseconds. */
export function peakBinMs(hist: Histogram): [number, number] {
  const k = hist.counts.indexOf(Math.max(...hist.counts));
  return [hist.edges[k]! * 1000, hist.edges[k + 1]! * 1000];
}
