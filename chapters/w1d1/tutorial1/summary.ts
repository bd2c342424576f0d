import { neuronCount, neuronSpikes, spikeCounts, type SpikeDataset } from "#lib/spikes/dataset.ts";
import { histogram, type Histogram } from "#lib/analysis/histogram.ts";
import { maxOf, mean } from "#lib/analysis/numeric.ts";
import { countInInterval, experimentDuration, interSpikeIntervals } from "#lib/analysis/spikeTrains.ts";
import { fractionBelowMean, median } from "#lib/analysis/stats.ts";

export interface SummaryParams {
  /** Seconds after the start of the recording, `min <= t < max`. */
  readonly interval: readonly [number, number];
  readonly neuron: number;
  readonly bins: number;
}

/** The numbers the tutorial's Python cells compute, under the keys `data:summary` prints. */
export interface Summary {
  source: SpikeDataset["source"];
  origin: string;
  sha256: string | null;
  dtype: SpikeDataset["dtype"];
  n_neurons: number;
  total_spikes: number;
  counts_first5: number[];
  mean_count: number;
  median_count: number;
  frac_below_mean: number;
  count_hist: Histogram;
  interval: [number, number];
  interval_spikes: number;
  frac_interval_spikes: number;
  experiment_duration: number;
  frac_interval_time: number;
  first_values: Record<string, number[]>;
  isi_neuron?: number;
  isi_count?: number;
  isi_mean?: number | null;
  isi_hist?: Histogram | null;
}

/**
 * The numbers W1D1 Tutorial 1's Python cells compute on `np.load`-ed data, for an interval,
 * a neuron and a bin count (the tutorial's are (5, 15) s, 283 and 50).
 */
export function computeSummary(data: SpikeDataset, params: SummaryParams): Summary {
  const n = neuronCount(data);
  const counts = spikeCounts(data);
  const total = data.times.length;
  const intervalSpikes = countInInterval(data, params.interval);
  const duration = experimentDuration(data);
  const round = data.dtype === "float32" ? Math.fround : (x: number) => x;
  const summary: Summary = {
    source: data.source,
    origin: data.origin,
    sha256: data.sha256,
    dtype: data.dtype,
    n_neurons: n,
    total_spikes: total,
    counts_first5: counts.slice(0, 5),
    mean_count: mean(counts),
    median_count: median(counts),
    frac_below_mean: fractionBelowMean(counts),
    count_hist: histogram(counts, params.bins),
    interval: [params.interval[0], params.interval[1]],
    interval_spikes: intervalSpikes,
    frac_interval_spikes: intervalSpikes / total,
    experiment_duration: duration,
    // A Python number divided by a float32 scalar is float32 in numpy 2.
    frac_interval_time: round(round(params.interval[1] - params.interval[0]) / duration),
    first_values: Object.fromEntries(
      [0, 1, 2, 321].filter((i) => i < n).map((i) => [String(i), Array.from(neuronSpikes(data, i).subarray(0, 5))]),
    ),
  };
  if (Number.isInteger(params.neuron) && params.neuron >= 0 && params.neuron < n) {
    const isis = interSpikeIntervals(neuronSpikes(data, params.neuron));
    summary.isi_neuron = params.neuron;
    summary.isi_count = isis.length;
    summary.isi_mean = isis.length > 0 ? mean(isis) : null;
    summary.isi_hist = isis.length > 0 ? histogram(isis, params.bins, { range: [0, maxOf(isis)] }) : null;
  }
  return summary;
}
