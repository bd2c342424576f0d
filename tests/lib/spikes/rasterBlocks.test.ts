import { describe, expect, it } from "vitest";
import { countInInterval } from "../../../src/lib/analysis/spikeTrains.ts";
import type { SpikeTrains } from "../../../src/lib/spikes/dataset.ts";
import { blockLayout, blocksFor, decodeBlock, encodeBlock, lastSpikeTime } from "../../../src/lib/spikes/rasterBlocks.ts";
import { generateSynthetic } from "../../../datasets/steinmetz-w1d1/standIn.ts";

const toBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** Spikes of all neurons in [start, end), counted from the block files a browser would fetch. */
function countFromBlocks(trains: SpikeTrains, start: number, end: number): number {
  const layout = blockLayout(lastSpikeTime(trains), trains.offsets.length - 1);
  let n = 0;
  for (const k of blocksFor(start, end - start, layout))
    for (const row of decodeBlock(toBuffer(encodeBlock(trains, k, layout)), k, layout)) for (const t of row) if (t >= start && t < end) n++;
  return n;
}

describe("raster block files", () => {
  const data = generateSynthetic(2019);

  it.each([
    [5, 15],
    [0, 1],
    [2695, 2700],
    [1000, 1060],
  ])("count the spikes of whole-second windows exactly: [%i, %i)", (start, end) => {
    expect(countFromBlocks(data, start, end)).toBe(countInInterval(data, [start, end]));
  });

  it("never name a block past the recording (the end of the recording needs no missing file)", () => {
    const layout = blockLayout(lastSpikeTime(data), 734);
    expect(blocksFor(lastSpikeTime(data) - 3, 60, layout).every((k) => k < layout.count)).toBe(true);
    expect(blocksFor(layout.count * layout.seconds + 100, 10, layout)).toEqual([]);
  });

  it("stay at most 2,000 files, their headers bounded, whatever the recording's length", () => {
    expect(blockLayout(2700, 734)).toEqual({ seconds: 5, unitsPerSecond: 10_000, count: 541 });
    const long = blockLayout(1_000_000, 734);
    expect(long.count).toBeLessThanOrEqual(2000);
    expect(long.seconds * long.unitsPerSecond).toBeLessThanOrEqual(0xffff);
    const wide = blockLayout(1_000_000, 20_000);
    expect(wide.count * 4 * 20_000).toBeLessThanOrEqual(16_000_000);
  });

  it("hold more than 65,535 spikes of one neuron in one block", () => {
    const times = Float32Array.from({ length: 70_000 }, (_, i) => i / 20_000);
    const trains: SpikeTrains = { dtype: "float32", times, offsets: Uint32Array.of(0, times.length) };
    const layout = blockLayout(lastSpikeTime(trains), 1);
    const rows = decodeBlock(toBuffer(encodeBlock(trains, 0, layout)), 0, layout);
    expect(rows[0]!.length).toBe(70_000);
  });

  it("refuse a file cut short instead of inventing spikes", () => {
    const layout = blockLayout(lastSpikeTime(data), 734);
    const bytes = encodeBlock(data, 1, layout);
    expect(() => decodeBlock(toBuffer(bytes.subarray(0, bytes.length - 100)), 1, layout)).toThrow("block 1 is cut short");
  });
});
