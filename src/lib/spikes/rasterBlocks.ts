import { neuronCount, neuronSpikes, type SpikeTrains } from "./dataset.ts";

/**
 * How a recording is cut into block files for the browser: whole-second blocks (5 s unless the
 * recording is long enough to need more than `MAX_BLOCKS` of them, or the header of every block,
 * 4 bytes a neuron, would add up past `MAX_HEADER_BYTES`), and the time step spikes are stored in.
 */
export interface BlockLayout {
  readonly seconds: number;
  /** Spike times are stored as whole steps of 1/unitsPerSecond s from the block's start (uint16). */
  readonly unitsPerSecond: number;
  readonly count: number;
}

const MAX_BLOCKS = 2_000;
const MAX_HEADER_BYTES = 16_000_000;

/** The layout for a recording whose last spike is at `lastSpike` s, with `neurons` neurons. */
export function blockLayout(lastSpike: number, neurons: number): BlockLayout {
  const maxBlocks = Math.max(1, Math.min(MAX_BLOCKS, Math.floor(MAX_HEADER_BYTES / (4 * Math.max(1, neurons)))));
  let seconds = 5;
  while (Math.floor(Math.max(0, lastSpike) / seconds) + 1 > maxBlocks) seconds *= 2;
  // Steps of 0.1 ms for 5-s blocks; coarser for longer blocks, always a whole number per second,
  // so that a window [a, b) of whole seconds counts exactly the spikes with a <= t < b.
  return {
    seconds,
    unitsPerSecond: Math.min(10_000, Math.floor(0xffff / seconds)),
    count: Math.floor(Math.max(0, lastSpike) / seconds) + 1,
  };
}

/** Where block k is within the raster file set. */
export function blockFilePath(k: number): string {
  return `${k}.bin`;
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
 * Encodes block k: uint32 neuron count, uint32 spike count per neuron, then every spike as a
 * uint16 number of steps from the block's start, rounded down (so `t < b` for a whole second b
 * still holds exactly). About 2 bytes a spike.
 */
export function encodeBlock(trains: SpikeTrains, k: number, layout: BlockLayout): Uint8Array {
  const n = neuronCount(trains);
  const from = k * layout.seconds;
  const ranges = Array.from({ length: n }, (_, i) => {
    const s = neuronSpikes(trains, i);
    return [s, lowerBound(s, from), lowerBound(s, from + layout.seconds)] as const;
  });
  const total = ranges.reduce((a, [, lo, hi]) => a + hi - lo, 0);
  const out = new Uint8Array(4 * (1 + n) + 2 * total);
  const head = new Uint32Array(out.buffer, 0, 1 + n);
  const body = new Uint16Array(out.buffer, 4 * (1 + n), total);
  head[0] = n;
  let p = 0;
  ranges.forEach(([s, lo, hi], i) => {
    head[1 + i] = hi - lo;
    for (let j = lo; j < hi; j++) body[p++] = Math.min(0xffff, Math.floor((s[j]! - from) * layout.unitsPerSecond));
  });
  return out;
}

/** Every neuron's spike times (seconds) in block k; a file that does not match its layout is an error. */
export function decodeBlock(bytes: ArrayBuffer, k: number, layout: BlockLayout): Float64Array[] {
  if (bytes.byteLength < 4) throw new Error(`block ${k} is cut short`);
  const n = new Uint32Array(bytes, 0, 1)[0]!;
  if (bytes.byteLength < 4 * (1 + n)) throw new Error(`block ${k} is cut short`);
  const counts = new Uint32Array(bytes, 4, n);
  const body = new Uint16Array(bytes, 4 * (1 + n), Math.floor((bytes.byteLength - 4 * (1 + n)) / 2));
  const rows: Float64Array[] = [];
  let p = 0;
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(counts[i]!);
    if (p + row.length > body.length) throw new Error(`block ${k} is cut short`);
    for (let j = 0; j < row.length; j++) row[j] = k * layout.seconds + body[p++]! / layout.unitsPerSecond;
    rows.push(row);
  }
  return rows;
}

/** The blocks a window [start, start + width) needs, among those the layout has. */
export function blocksFor(start: number, width: number, layout: BlockLayout): number[] {
  const first = Math.max(0, Math.floor(start / layout.seconds));
  const last = Math.min(layout.count - 1, Math.ceil((start + width) / layout.seconds) - 1);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** The last spike time of a recording (0 when it has none). */
export function lastSpikeTime(trains: SpikeTrains): number {
  let last = 0;
  for (let i = 0; i < neuronCount(trains); i++) {
    const s = neuronSpikes(trains, i);
    if (s.length) last = Math.max(last, s[s.length - 1]!);
  }
  return last;
}
