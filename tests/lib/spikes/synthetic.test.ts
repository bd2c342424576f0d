import { describe, expect, it } from "vitest";
import { histogram } from "../../../src/lib/analysis/histogram.ts";
import { TUTORIAL_PARAMS } from "../../../chapters/w1d1/tutorial1/context.ts";
import { computeSummary } from "../../../chapters/w1d1/tutorial1/summary.ts";
import { interSpikeIntervals } from "../../../src/lib/analysis/spikeTrains.ts";
import { neuronSpikes, spikeCounts } from "../../../src/lib/spikes/dataset.ts";
import { encodeNpz } from "../../../src/lib/spikes/npzWrite.ts";
import { parseSpikeFile, SYNTHETIC_MARK } from "../../../src/lib/spikes/parse.ts";
import { matchesPublishedRecording } from "../../../datasets/steinmetz-w1d1/recording.ts";
import { generateSynthetic } from "../../../datasets/steinmetz-w1d1/standIn.ts";

// Targets: ../shared/reference/published-outputs.json (what the tutorial printed on the recording).
const data = generateSynthetic();
const summary = computeSummary(data, TUTORIAL_PARAMS);
const pct = (x: number, digits: number) => `${(x * 100).toFixed(digits)}%`;
const bytesOf = (a: Float32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe("the synthetic stand-in is calibrated to the published outputs", () => {
  it("says it is synthetic and is not mistaken for the recording", () => {
    expect(data.source).toBe("synthetic");
    expect(data.origin).toMatch(/synthetic stand-in/);
    expect(matchesPublishedRecording(data)).toBe(false);
  });

  it("has 734 float32 neurons with exactly the published counts of neurons 0-4 and 321", () => {
    expect(summary.n_neurons).toBe(734);
    expect(data.times).toBeInstanceOf(Float32Array);
    expect(summary.counts_first5).toEqual([826, 2818, 3953, 646, 1115]);
    expect(spikeCounts(data)[321]).toBe(9723);
  });

  it("prints the tutorial's percentages: 68.0% below the mean, 0.33% of spikes and 0.37% of time in 5-15 s", () => {
    expect(pct(summary.frac_below_mean, 1)).toBe("68.0%");
    expect(pct(summary.frac_interval_spikes, 2)).toBe("0.33%");
    expect(pct(summary.frac_interval_time, 2)).toBe("0.37%");
  });

  it("lasts about 2,700 s with about 7.3 M spikes, mean ~10,000 and median ~5,000 per neuron", () => {
    expect(summary.experiment_duration).toBeGreaterThan(2690);
    expect(summary.experiment_duration).toBeLessThanOrEqual(2700);
    expect(summary.total_spikes).toBeGreaterThan(7.2e6);
    expect(summary.total_spikes).toBeLessThan(7.45e6);
    expect(summary.mean_count).toBeGreaterThan(9500);
    expect(summary.mean_count).toBeLessThan(10500);
    expect(summary.median_count).toBeGreaterThan(4000);
    expect(summary.median_count).toBeLessThan(5500);
    expect(Math.max(...spikeCounts(data))).toBeGreaterThan(115_000);
    expect(Math.max(...spikeCounts(data))).toBeLessThan(130_000);
  });

  it("gives neuron 283 ~115 k spikes and an ISI histogram that rises from zero to a peak at 8-11 ms, then decays", () => {
    expect(summary.isi_count! + 1).toBeGreaterThan(113_000);
    expect(summary.isi_count! + 1).toBeLessThan(117_000);
    expect(summary.isi_mean!).toBeCloseTo(0.023, 3);
    const isis = interSpikeIntervals(neuronSpikes(data, 283));
    const max = summary.isi_hist!.edges[50]!;
    expect(max).toBeGreaterThan(0.18);
    expect(max).toBeLessThan(0.26);
    // 1 ms bins: nothing below 2 ms, almost nothing below the 3 ms dead time (float32 times and
    // the count conditioning shave a few microseconds off it), a peak between 8 and 11 ms.
    const fine = histogram(isis, 60, { range: [0, 0.06], rangeDtype: "float64" });
    const peakCount = Math.max(...fine.counts);
    expect(fine.counts.slice(0, 2)).toEqual([0, 0]);
    expect(fine.counts[2]!).toBeLessThan(0.01 * peakCount);
    expect(fine.counts[3]!).toBeLessThan(0.5 * peakCount);
    const peak = fine.counts.indexOf(peakCount);
    expect(peak).toBeGreaterThanOrEqual(8);
    expect(peak).toBeLessThanOrEqual(10);
    // Past the peak, each 10 ms loses a roughly constant fraction (exponential-like decay).
    const c = summary.isi_hist!.counts;
    const top = c.indexOf(Math.max(...c));
    expect(top).toBeGreaterThanOrEqual(1);
    expect(top).toBeLessThanOrEqual(3);
    for (let i = top; i < 20; i++) expect(c[i + 1]!).toBeLessThan(c[i]!);
  });

  it("is deterministic from its seed and changes with it", () => {
    const again = generateSynthetic();
    expect(Buffer.compare(bytesOf(again.times), bytesOf(data.times))).toBe(0);
    const other = generateSynthetic(7);
    expect(other.times[100]).not.toBe(data.times[100]);
    expect(computeSummary(other, TUTORIAL_PARAMS).counts_first5).toEqual([826, 2818, 3953, 646, 1115]);
  });
});

describe("export", () => {
  it("round-trips the stand-in through an .npz, still marked synthetic", () => {
    const bytes = encodeNpz(data, `${SYNTHETIC_MARK} (test)`);
    const back = parseSpikeFile(bytes);
    expect(back.markedSynthetic).toBe(true);
    expect(Array.from(back.trains.offsets)).toEqual(Array.from(data.offsets));
    expect(Buffer.compare(bytesOf(back.trains.times), bytesOf(data.times))).toBe(0);
  });
});
