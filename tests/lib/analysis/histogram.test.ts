import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { histogram, linspace } from "../../../src/lib/analysis/histogram.ts";
import { mean } from "../../../src/lib/analysis/numeric.ts";
import { interSpikeIntervals, restrictSpikeTimes } from "../../../src/lib/analysis/spikeTrains.ts";
import { median, percentile, quartiles } from "../../../src/lib/analysis/stats.ts";
import { neuronSpikes, spikeCounts } from "../../../src/lib/spikes/dataset.ts";
import { readSpikeFile } from "../../../src/lib/spikes/readFile.ts";
import { closeTo, fixture } from "../../helpers/fixtures.ts";

const numpy = (JSON.parse(readFileSync(fixture("numpy-extra/expected-extra.json"), "utf8")) as Record<string, Record<string, unknown>>)[
  "small-numpy1.npz"
]!;
const small = readSpikeFile(fixture("spikes/small-numpy1.npz"));

describe("np.histogram", () => {
  it("closes the last bin and leaves the others half-open", () => {
    expect(histogram(new Float64Array([0, 1, 2, 3, 4]), 4)).toEqual({ counts: [1, 1, 1, 2], edges: [0, 1, 2, 3, 4] });
  });

  it("widens an empty range by half a unit on each side, as numpy does", () => {
    expect(histogram([7, 7, 7], 2)).toEqual({ counts: [0, 3], edges: [6.5, 7, 7.5] });
  });

  it("ignores values outside an explicit range", () => {
    expect(histogram(new Float64Array([-1, 0.5, 2]), 2, { range: [0, 1] }).counts).toEqual([0, 1]);
  });

  it("matches numpy for float32 data with a Python-float range (edges computed in float64, stored in float32)", () => {
    const want = numpy["isi_hist_range_0_0.5_f64"] as { counts: number[]; edges: number[] };
    const isis = interSpikeIntervals(neuronSpikes(small, 42));
    expect(histogram(isis, 20, { range: [0, 0.5], rangeDtype: "float64" })).toEqual(want);
  });

  it("refuses a reversed range like numpy", () => {
    expect(() => histogram([1], 3, { range: [2, 1] })).toThrow("max must be larger than min");
  });
});

describe("np.linspace", () => {
  it("steps by delta / div and pins the last value", () => {
    expect(linspace(0, 6, 6)).toEqual([0, 1.2, 2.4, 3.5999999999999996, 4.8, 6]);
  });
});

describe("statistics against numpy", () => {
  const counts = spikeCounts(small);
  it("np.percentile (linear) at 25, 50, 75 and 10", () => {
    expect(quartiles(counts)).toEqual(numpy.quartiles);
    expect(percentile(counts, 10)).toBe(numpy.percentile_10);
  });
  it("np.median of an even and an odd number of values", () => {
    expect(median(counts)).toBe(numpy.median);
    expect(median(counts.slice(0, 7))).toBe(numpy.median_first7);
  });
  it("np.mean of float32 values is numpy's float32 pairwise sum", () => {
    expect(mean(interSpikeIntervals(neuronSpikes(small, 0)))).toBe(numpy.isi_mean_neuron_0);
  });
  it("restrict_spike_times compares float32 times with a float bound in float32", () => {
    const r = restrictSpikeTimes(small, [5.1, 14.9]);
    expect(spikeCounts(r).slice(0, 10)).toEqual(numpy["restrict_5.1_14.9_counts"]);
  });
  it("closeTo helper is strict enough to fail", () => {
    expect(closeTo(1, 1 + 2e-6)).toBe(false);
  });
});
