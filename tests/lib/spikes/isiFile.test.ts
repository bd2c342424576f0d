import { describe, expect, it } from "vitest";
import { isiPayload } from "../../../chapters/w1d1/tutorial1/isiData.ts";
import { generateSynthetic } from "../../../datasets/steinmetz-w1d1/standIn.ts";
import { interSpikeIntervals } from "../../../src/lib/analysis/spikeTrains.ts";
import { neuronSpikes, type SpikeDataset } from "../../../src/lib/spikes/dataset.ts";
import { isiFiles } from "../../../src/lib/spikes/fileSets.ts";
import { decodeIsiFile, encodeIsiFile, isiFilePath } from "../../../src/lib/spikes/isiFile.ts";
import { readSpikeFile } from "../../../src/lib/spikes/readFile.ts";
import { closeTo, expected, fixture, goodFixtures } from "../../helpers/fixtures.ts";

const toBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const build = (dataset: SpikeDataset) => (isiFiles.build as (d: SpikeDataset) => Map<string, Uint8Array>)(dataset);

describe("ISI files: a neuron's ISIs as distinct values and counts", () => {
  for (const name of goodFixtures) {
    it(`${name}: the browser's histogram and mean from the file are numpy's`, () => {
      const want = expected[name]!;
      const { neuron, bins } = want.params as { neuron: number; bins: number };
      const dataset = readSpikeFile(fixture(`spikes/${name}`));
      const file = decodeIsiFile(toBuffer(build(dataset).get(isiFilePath(neuron))!));
      const got = isiPayload(neuron, 1, file.values, bins, undefined, file.mean);
      expect(got.count).toBe(want.isi_count);
      // Histogram counts and edges bit for bit; the mean as numpy summed it, in the original order.
      expect(got.hist).toEqual(want.isi_hist);
      expect(closeTo(got.mean, want.isi_mean as number), `${got.mean} vs numpy ${String(want.isi_mean)}`).toBe(true);
    });
  }

  it("hold every ISI (the same multiset, negative zero and negatives too) and the mean over the original order", () => {
    const isis = Float32Array.from([0.5, 0.25, 0.5, -0, 0, -1.5, 3e-8, 0.25, 0.5, 1e30]);
    const file = decodeIsiFile(toBuffer(encodeIsiFile(isis)));
    expect([...file.values].map((v) => (Object.is(v, -0) ? "-0" : v))).toEqual(
      [...isis].sort((a, b) => a - b || (Object.is(a, -0) ? -1 : 1)).map((v) => (Object.is(v, -0) ? "-0" : v)),
    );
    expect(file.mean).toBe(Math.fround([...isis].reduce((a, b) => a + b, 0) / isis.length));
    // A float64 recording keeps its dtype: the values come back as they were, not rounded to float32.
    const wide = Float64Array.from([0.1, 1 / 3, 0.1, 2 ** -40, 1 / 3, 0.30000000000000004]);
    const back = decodeIsiFile(toBuffer(encodeIsiFile(wide)));
    expect(back.values).toBeInstanceOf(Float64Array);
    expect([...back.values]).toEqual([...wide].sort((a, b) => a - b));
  });

  it("are a small part of plain float32 for a recorded neuron (neuron 283 of the stand-in)", () => {
    const data = generateSynthetic(2019);
    const isis = Float32Array.from(interSpikeIntervals(neuronSpikes(data, 283)));
    const bytes = encodeIsiFile(isis);
    console.log(`neuron 283: ${isis.length} ISIs, ${bytes.length} bytes (plain float32: ${isis.length * 4})`);
    expect(bytes.length).toBeLessThan((isis.length * 4) / 8);
  });

  it("refuse what is not one, cut short, or claims more than it holds, at once", () => {
    const good = encodeIsiFile(Float32Array.from([0.1, 0.2, 0.2]));
    const bad = (bytes: Uint8Array) => () => decodeIsiFile(toBuffer(bytes));
    expect(bad(new TextEncoder().encode("not an ISI file at all"))).toThrow(/not an ISI file: it does not start with ISI1/);
    expect(bad(good.slice(0, good.length - 1))).toThrow(/cut short/);
    const claims = good.slice();
    new DataView(claims.buffer).setUint32(4, 0xffffffff, true);
    const started = performance.now();
    expect(bad(claims)).toThrow(/claims 4294967295 ISIs/);
    expect(performance.now() - started).toBeLessThan(50);
    const counts = good.slice();
    counts[counts.length - 1] = 5;
    expect(bad(counts)).toThrow(/counts do not add up/);
    expect(() => encodeIsiFile(Float32Array.from([0.1, NaN]))).toThrow(/NaN/);
  });
});
