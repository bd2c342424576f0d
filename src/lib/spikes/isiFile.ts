import { mean } from "../analysis/numeric.ts";
import type { FloatArray } from "./dataset.ts";

/**
 * A neuron's ISIs as the browser fetches them: what a histogram and a mean need, not their order.
 * A recording's ISIs repeat (spike times come from a clock at tens of kHz), so the file holds each
 * distinct value once, with how often it occurs: 23 KB for the stand-in's neuron 283 (115,833
 * ISIs, 463 KB as plain float32).
 *
 * Layout, little-endian: "ISI1"; the count of ISIs (u32); their mean as numpy computes it over the
 * original order (f64, since a sum's rounding depends on the order); the count of distinct values
 * (u32); the values' width in bytes (u32: 4 for float32, 8 for float64, the recording's dtype);
 * then, as unsigned LEB128 varints, each distinct value's order-preserving key (its bits made to
 * sort as the values do) as a difference from the one before, ascending; then each distinct
 * value's count.
 */
const MAGIC = 0x31495349; // "ISI1"
const HEADER = 4 + 4 + 8 + 4 + 4;
/** The most ISIs a file may claim (a recording's busiest neuron has well under a million). */
const MOST_ISIS = 2 ** 25;

/** Where neuron i's ISIs are, within the ISI file set. */
export function isiFilePath(neuron: number): string {
  return `${neuron}.isi`;
}

/** A neuron's ISIs as read from its file: every ISI (ascending, in the recording's dtype), and their mean over the original order. */
export interface IsiFile {
  readonly values: FloatArray;
  readonly mean: number;
}

const SIGN32 = 0x80000000;
const SIGN64 = 1n << 63n;
const ALL64 = (1n << 64n) - 1n;
/** Bits to a key that sorts as the values do (negatives reversed, below the positives), and back. */
const toKey32 = (bits: number) => (bits & SIGN32 ? ~bits : bits | SIGN32) >>> 0;
const fromKey32 = (key: number) => (key & SIGN32 ? key & 0x7fffffff : ~key) >>> 0;
const toKey64 = (bits: bigint) => (bits & SIGN64 ? ~bits & ALL64 : bits | SIGN64);
const fromKey64 = (key: bigint) => (key & SIGN64 ? key & ~SIGN64 : ~key & ALL64);

/** Writes an unsigned LEB128 varint at `at`; returns where the next one goes. */
function writeVarint(out: Uint8Array, at: number, value: number | bigint): number {
  let i = at;
  if (typeof value === "bigint") {
    let v = value;
    for (; v >= 0x80n; v >>= 7n) out[i++] = Number(v & 0x7fn) | 0x80;
    out[i++] = Number(v);
  } else {
    let v = value;
    for (; v >= 0x80; v = Math.floor(v / 0x80)) out[i++] = (v % 0x80) | 0x80;
    out[i++] = v;
  }
  return i;
}

/** The file of a neuron's ISIs (in their original order). */
export function encodeIsiFile(isis: FloatArray): Uint8Array {
  if (isis.some((v) => Number.isNaN(v))) throw new RangeError("an ISI is NaN: the spike times are not all numbers");
  const wide = isis instanceof Float64Array;
  const keys = wide ? new BigUint64Array(isis.length) : new Uint32Array(isis.length);
  if (keys instanceof BigUint64Array) {
    const bits = new BigUint64Array(isis.buffer, isis.byteOffset, isis.length);
    for (let i = 0; i < keys.length; i++) keys[i] = toKey64(bits[i]!);
  } else {
    const bits = new Uint32Array(isis.buffer, isis.byteOffset, isis.length);
    for (let i = 0; i < keys.length; i++) keys[i] = toKey32(bits[i]!);
  }
  keys.sort();
  // At most 10 bytes a varint: a difference of keys and a count for each ISI.
  const body = new Uint8Array(HEADER + keys.length * (wide ? 10 + 5 : 5 + 5));
  const counts: number[] = [];
  let at = HEADER;
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && keys[i] === keys[i - 1]) counts[counts.length - 1]!++;
    else {
      // The first key is written whole; each next one as its step up from the one before.
      const step = i === 0 ? keys[0]! : keys instanceof BigUint64Array ? keys[i]! - keys[i - 1]! : keys[i]! - keys[i - 1]!;
      at = writeVarint(body, at, step);
      counts.push(1);
    }
  }
  for (const count of counts) at = writeVarint(body, at, count);
  const out = body.slice(0, at);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, isis.length, true);
  view.setFloat64(8, isis.length ? mean(isis) : NaN, true);
  view.setUint32(16, counts.length, true);
  view.setUint32(20, wide ? 8 : 4, true);
  return out;
}

/** The ISIs in an ISI file; a file that is not one (or is cut short) is an error saying so, read in time bounded by its size. */
export function decodeIsiFile(bytes: ArrayBuffer): IsiFile {
  const view = new DataView(bytes);
  const data = new Uint8Array(bytes);
  const bad = (why: string) => new RangeError(`not an ISI file: ${why}`);
  if (bytes.byteLength < HEADER || view.getUint32(0, true) !== MAGIC) throw bad("it does not start with ISI1");
  const total = view.getUint32(4, true);
  const distinct = view.getUint32(16, true);
  const width = view.getUint32(20, true);
  if (total > MOST_ISIS) throw bad(`it claims ${total} ISIs, more than ${MOST_ISIS}`);
  if (distinct > total || distinct > bytes.byteLength) throw bad("more distinct values than ISIs");
  if (width !== 4 && width !== 8) throw bad(`its values are ${width} bytes wide, not 4 or 8`);
  let at = HEADER;
  const varint = (): bigint => {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      if (at >= data.length) throw bad("it is cut short");
      const byte = data[at++]!;
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
      shift += 7n;
      if (shift > 63n) throw bad("a number is too long");
    }
  };
  const keys: bigint[] = [];
  let key = 0n;
  const most = width === 8 ? ALL64 : 0xffffffffn;
  for (let i = 0; i < distinct; i++) {
    key += varint();
    if (key > most) throw bad("a value is out of range");
    keys.push(key);
  }
  const values = width === 8 ? new Float64Array(total) : new Float32Array(total);
  const bits = width === 8 ? new BigUint64Array(values.buffer) : new Uint32Array(values.buffer);
  let filled = 0;
  for (let i = 0; i < distinct; i++) {
    const count = Number(varint());
    if (count < 1 || filled + count > total) throw bad("the counts do not add up to the ISIs");
    if (bits instanceof BigUint64Array) bits.fill(fromKey64(keys[i]!), filled, filled + count);
    else bits.fill(fromKey32(Number(keys[i]!)), filled, filled + count);
    filled += count;
  }
  if (filled !== total) throw bad("the counts do not add up to the ISIs");
  return { values, mean: view.getFloat64(8, true) };
}
