import type { FloatDtype } from "../spikes/dataset.ts";

/** Numbers in an array or typed array (indexable and iterable). */
export type Numbers = ArrayLike<number> & Iterable<number>;

/** The largest value (-Infinity for none), without spreading a large array into arguments. */
export function maxOf(values: Iterable<number>): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** Rounds a double to the precision numpy computes in: float32 arithmetic is double then round. */
export type Round = (x: number) => number;

const exact: Round = (x) => x;

/** The rounding for a dtype: Math.fround for float32, none for float64. */
export function roundFor(dtype: FloatDtype): Round {
  return dtype === "float32" ? Math.fround : exact;
}

/** The dtype numpy computes in for a typed array (integers promote to float64). */
export function dtypeOf(values: ArrayLike<number>): FloatDtype {
  return values instanceof Float32Array ? "float32" : "float64";
}

/**
 * numpy's pairwise summation (`np.add.reduce` on a contiguous array): blocks of at most 128
 * summed with eight accumulators, larger ranges split in halves rounded to multiples of 8.
 * Accumulating in a typed array of the data's dtype rounds every step as numpy's float32 (or
 * float64) loop does, so the result is numpy's bit for bit.
 */
export function pairwiseSum(a: ArrayLike<number>, dtype: FloatDtype = dtypeOf(a)): number {
  return pairwise(a, 0, a.length, dtype === "float32" ? new Float32Array(9) : new Float64Array(9));
}

function pairwise(a: ArrayLike<number>, start: number, n: number, acc: Float32Array | Float64Array): number {
  if (n < 8) {
    acc[8] = 0;
    for (let i = 0; i < n; i++) acc[8] = acc[8] + a[start + i]!;
    return acc[8];
  }
  if (n <= 128) {
    for (let j = 0; j < 8; j++) acc[j] = a[start + j]!;
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) acc[j] = acc[j]! + a[start + i + j]!;
    }
    // ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), each sum rounded by the store.
    for (let j = 0; j < 8; j += 2) acc[j] = acc[j]! + acc[j + 1]!;
    acc[0] = acc[0]! + acc[2]!;
    acc[4] = acc[4]! + acc[6]!;
    acc[8] = acc[0] + acc[4];
    for (; i < n; i++) acc[8] = acc[8] + a[start + i]!;
    return acc[8];
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  const left = pairwise(a, start, n2, acc);
  const right = pairwise(a, start + n2, n - n2, acc);
  acc[8] = left + right;
  return acc[8];
}

/** `np.mean`: float32 data give a float32 mean, anything else a float64 one. NaN when empty. */
export function mean(values: ArrayLike<number>): number {
  const dtype = dtypeOf(values);
  return roundFor(dtype)(pairwiseSum(values, dtype) / values.length);
}
