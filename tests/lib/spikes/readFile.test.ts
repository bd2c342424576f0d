import { describe, expect, it } from "vitest";
import { computeSummary } from "../../../chapters/w1d1/tutorial1/summary.ts";
import { SpikeFileError } from "../../../src/lib/spikes/errors.ts";
import { readSpikeFile } from "../../../src/lib/spikes/readFile.ts";
import { badFixtures, closeTo, expected, fixture, goodFixtures } from "../../helpers/fixtures.ts";

const EXACT = new Set([
  "n_neurons",
  "total_spikes",
  "counts_first5",
  "interval",
  "interval_spikes",
  "isi_neuron",
  "isi_count",
  "dtype",
  "count_hist",
  "isi_hist",
]);

describe("every good fixture gives numpy's answers", () => {
  for (const name of goodFixtures) {
    it(name, () => {
      const want = expected[name]!;
      const got = computeSummary(readSpikeFile(fixture(`spikes/${name}`)), want.params) as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(want)) {
        if (key === "params") continue;
        if (EXACT.has(key)) {
          // Histogram counts and edges must equal numpy's bit for bit (float32 edges included).
          expect(got[key], key).toEqual(value);
        } else if (key === "first_values") {
          for (const [i, values] of Object.entries(value as Record<string, number[]>)) {
            expect((got.first_values as Record<string, number[]>)[i], `first_values ${i}`).toEqual(values);
          }
        } else {
          expect(closeTo(got[key] as number, value as number), `${key}: ${String(got[key])} vs numpy ${String(value)}`).toBe(true);
        }
      }
    });
  }
});

describe("every bad fixture is refused with its facts", () => {
  for (const name of badFixtures) {
    it(name, () => {
      const path = fixture(`spikes/${name}`);
      let error: unknown;
      try {
        readSpikeFile(path);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(SpikeFileError);
      const message = (error as SpikeFileError).message;
      expect(message).toContain(path);
      expect(message).toContain(expected._refused[name]);
    });
  }
});

describe("readSpikeFile", () => {
  it("says a missing file is missing", () => {
    expect(() => readSpikeFile("/nonexistent/spikes.npz")).toThrow("/nonexistent/spikes.npz: cannot be read (no such file)");
  });

  it("labels a file that is not the recording as 'file' and gives its sha256", () => {
    const data = readSpikeFile(fixture("spikes/tiny.npz"));
    expect(data.source).toBe("file");
    expect(data.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(data.origin).toBe(fixture("spikes/tiny.npz"));
  });

  it("reads big-endian and float64 files into the same values as the little-endian float32 one", () => {
    const base = readSpikeFile(fixture("spikes/small-numpy1.npz"));
    const big = readSpikeFile(fixture("spikes/small-bigendian.npz"));
    const f64 = readSpikeFile(fixture("spikes/small-float64.npz"));
    expect(big.dtype).toBe("float32");
    expect(Array.from(big.times)).toEqual(Array.from(base.times));
    expect(f64.dtype).toBe("float64");
    expect(f64.times).toBeInstanceOf(Float64Array);
    expect(Array.from(f64.offsets)).toEqual(Array.from(base.offsets));
  });
});
