import { neuronCount, neuronSpikes, type SpikeTrains } from "./dataset.ts";

/** Seconds of recording per block file. */
export const BLOCK_SECONDS = 5;
/** Spike times in a block are stored in steps of 0.1 ms from its start (sub-pixel at any window width). */
const UNITS_PER_SECOND = 10_000;

/** Where block k is within the raster file set: the spikes of every neuron in [5k, 5k + 5) s. */
export function blockFilePath(k: number): string {
  return `${k}.u16`;
}

function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Encodes block k: uint16 neuron count, uint16 spike count per neuron, then every spike as
 * uint16 steps of 0.1 ms from the block's start, rounded down, so `t < b` for a whole second
 * b still holds exactly and window counts stay exact. About 2 bytes a spike.
 */
export function encodeBlock(trains: SpikeTrains, k: number): Uint8Array {
  const n = neuronCount(trains);
  const from = k * BLOCK_SECONDS;
  const ranges = Array.from({ length: n }, (_, i) => {
    const s = neuronSpikes(trains, i);
    return [s, lowerBound(s, from), lowerBound(s, from + BLOCK_SECONDS)] as const;
  });
  const total = ranges.reduce((a, [, lo, hi]) => a + hi - lo, 0);
  const out = new Uint16Array(1 + n + total);
  out[0] = n;
  let p = 1 + n;
  ranges.forEach(([s, lo, hi], i) => {
    out[1 + i] = hi - lo;
    for (let j = lo; j < hi; j++) out[p++] = Math.min(0xffff, Math.floor((s[j]! - from) * UNITS_PER_SECOND));
  });
  return new Uint8Array(out.buffer);
}

/** Every neuron's spike times (seconds) in block k. */
export function decodeBlock(bytes: ArrayBuffer, k: number): Float64Array[] {
  const data = new Uint16Array(bytes);
  const n = data[0]!;
  const rows: Float64Array[] = [];
  let p = 1 + n;
  for (let i = 0; i < n; i++) {
    const count = data[1 + i]!;
    const row = new Float64Array(count);
    for (let j = 0; j < count; j++) row[j] = k * BLOCK_SECONDS + data[p++]! / UNITS_PER_SECOND;
    rows.push(row);
  }
  return rows;
}

/** The blocks a window [start, start + width) needs. */
export function blocksFor(start: number, width: number): number[] {
  const first = Math.floor(start / BLOCK_SECONDS);
  const last = Math.ceil((start + width) / BLOCK_SECONDS) - 1;
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** How many blocks cover a recording that ends at `lastSpike` seconds. */
export function blockCount(lastSpike: number): number {
  return Math.floor(lastSpike / BLOCK_SECONDS) + 1;
}
